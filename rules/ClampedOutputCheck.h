//===- rules/ClampedOutputCheck.h - gradlint-clamped-output -*- C++ -*-===//

#ifndef GRADLINT_RULES_CLAMPEDOUTPUTCHECK_H
#define GRADLINT_RULES_CLAMPEDOUTPUTCHECK_H

#include "rules/Check.h"

namespace gradlint::rules {

/// Flags a range-limited activation on the output of a model trained with a
/// regression loss, unless the targets are known to lie inside its range.
///
/// Range-limited: relu, relu6, sigmoid, tanh, softplus, hardtanh, softmax,
/// log_softmax; regression losses: mse, l1, smooth_l1, huber. With unknown
/// targets only the hard clamps (relu, relu6) are reported, and only while
/// WarnOnUnknownTargets (true) is set.
class ClampedOutputCheck : public Check {
public:
  explicit ClampedOutputCheck(OptionReader Options);
  void check(Context &Ctx) const override;
  void storeOptions(OptionMap &Options) const override;

private:
  bool WarnOnUnknownTargets;
};

} // namespace gradlint::rules

#endif // GRADLINT_RULES_CLAMPEDOUTPUTCHECK_H
