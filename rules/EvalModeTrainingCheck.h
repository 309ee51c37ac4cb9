//===- rules/EvalModeTrainingCheck.h - gradlint-eval-mode-training -*- C++ -*-===//

#ifndef GRADLINT_RULES_EVALMODETRAININGCHECK_H
#define GRADLINT_RULES_EVALMODETRAININGCHECK_H

#include "rules/Check.h"

namespace gradlint::rules {

/// Flags a training step that runs while the model is in eval mode: eval()
/// with no train() before the next step, loop wrap-around included.
///
/// Only models known to contain dropout or batch norm are reported: for
/// others eval mode changes nothing.
class EvalModeTrainingCheck : public Check {
public:
  explicit EvalModeTrainingCheck(OptionReader Options);
  void check(Context &Ctx) const override;
};

} // namespace gradlint::rules

#endif // GRADLINT_RULES_EVALMODETRAININGCHECK_H
