//===- rules/LossMismatchCheck.h - gradlint-loss-mismatch -*- C++ -*-===//

#ifndef GRADLINT_RULES_LOSSMISMATCHCHECK_H
#define GRADLINT_RULES_LOSSMISMATCHCHECK_H

#include "rules/Check.h"

namespace gradlint::rules {

/// Flags a loss fed the wrong kind of output: softmax into cross_entropy,
/// probabilities or logits into nll_loss, sigmoid into bce_with_logits,
/// logits into binary_cross_entropy.
///
/// The output activation is the last one applied at the loss call site, else
/// the last layer of the model's chain.
class LossMismatchCheck : public Check {
public:
  explicit LossMismatchCheck(OptionReader Options);
  void check(Context &Ctx) const override;
};

} // namespace gradlint::rules

#endif // GRADLINT_RULES_LOSSMISMATCHCHECK_H
