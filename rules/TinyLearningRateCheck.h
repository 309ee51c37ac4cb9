//===- rules/TinyLearningRateCheck.h - gradlint-tiny-learning-rate -*- C++ -*-===//

#ifndef GRADLINT_RULES_TINYLEARNINGRATECHECK_H
#define GRADLINT_RULES_TINYLEARNINGRATECHECK_H

#include "rules/Check.h"

namespace gradlint::rules {

/// Flags a learning rate below Threshold, as constructed or as set later by
/// hand or by a schedule.
///
/// A rate the code does not write (the optimizer's default) is never tiny.
/// Options: Threshold (1e-6).
class TinyLearningRateCheck : public Check {
public:
  explicit TinyLearningRateCheck(OptionReader Options);
  void check(Context &Ctx) const override;
  void storeOptions(OptionMap &Options) const override;

private:
  double Threshold;
};

} // namespace gradlint::rules

#endif // GRADLINT_RULES_TINYLEARNINGRATECHECK_H
