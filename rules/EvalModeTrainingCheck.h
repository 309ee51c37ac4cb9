//===- rules/EvalModeTrainingCheck.h - gradlint-eval-mode-training -*- C++ -*-===//

#ifndef GRADLINT_RULES_EVALMODETRAININGCHECK_H
#define GRADLINT_RULES_EVALMODETRAININGCHECK_H

#include "rules/Check.h"

namespace gradlint::rules {

/// Flags a training step that runs while the model is in eval mode (eval()
/// with no train() before the next step, loop wrap-around included), and
/// dropout switched by a module's own bool member, which eval() never
/// reaches.
///
/// Only models known to contain dropout or batch norm are reported: for
/// others eval mode changes nothing. Dropout gated by the module's own
/// `bool training` member (`torch::dropout(x, 0.5, training)`) does not
/// follow eval()/train(): it is reported unless the code sets that member
/// outside the constructors.
class EvalModeTrainingCheck : public Check {
public:
  explicit EvalModeTrainingCheck(OptionReader Options);
  void check(Context &Ctx) const override;
};

} // namespace gradlint::rules

#endif // GRADLINT_RULES_EVALMODETRAININGCHECK_H
