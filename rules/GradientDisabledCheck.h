//===- rules/GradientDisabledCheck.h - gradlint-gradient-disabled -*- C++ -*-===//

#ifndef GRADLINT_RULES_GRADIENTDISABLEDCHECK_H
#define GRADLINT_RULES_GRADIENTDISABLEDCHECK_H

#include "rules/Check.h"

namespace gradlint::rules {

/// Flags a forward pass or backward call under NoGradGuard, InferenceMode or
/// disabled grad mode in a training step, and a detached output feeding a
/// loss that is backpropagated.
///
/// step() alone under a guard is sound (it runs without gradients anyway), as
/// is a guard in an evaluation loop or an init block.
class GradientDisabledCheck : public Check {
public:
  explicit GradientDisabledCheck(OptionReader Options);
  void check(Context &Ctx) const override;
};

} // namespace gradlint::rules

#endif // GRADLINT_RULES_GRADIENTDISABLEDCHECK_H
