//===- rules/OptimizerInLoopCheck.h - gradlint-optimizer-in-loop -*- C++ -*-===//

#ifndef GRADLINT_RULES_OPTIMIZERINLOOPCHECK_H
#define GRADLINT_RULES_OPTIMIZERINLOOPCHECK_H

#include "rules/Check.h"

namespace gradlint::rules {

/// Flags an optimizer constructed inside the training loop, which resets its
/// state on every iteration.
///
/// By default only loops that also step the optimizer directly are reported;
/// an outer loop (epochs, folds, trials) is reported with IncludeOuterLoops
/// (false). Plain SGD without momentum has no state and is skipped.
class OptimizerInLoopCheck : public Check {
public:
  explicit OptimizerInLoopCheck(OptionReader Options);
  void check(Context &Ctx) const override;
  void storeOptions(OptionMap &Options) const override;

private:
  bool IncludeOuterLoops;
};

} // namespace gradlint::rules

#endif // GRADLINT_RULES_OPTIMIZERINLOOPCHECK_H
