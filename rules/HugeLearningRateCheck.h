//===- rules/HugeLearningRateCheck.h - gradlint-huge-learning-rate -*- C++ -*-===//

#ifndef GRADLINT_RULES_HUGELEARNINGRATECHECK_H
#define GRADLINT_RULES_HUGELEARNINGRATECHECK_H

#include "rules/Check.h"

namespace gradlint::rules {

/// Flags a learning rate above SGDThreshold for SGD or AdaptiveThreshold for
/// adaptive optimizers, unless the training step clips gradients.
///
/// Adaptive means Adam, AdamW, RMSprop and Adagrad; LBFGS (line search) and
/// unknown optimizers are skipped. Options: SGDThreshold (1),
/// AdaptiveThreshold (0.1).
class HugeLearningRateCheck : public Check {
public:
  explicit HugeLearningRateCheck(OptionReader Options);
  void check(Context &Ctx) const override;
  void storeOptions(OptionMap &Options) const override;

private:
  double SGDThreshold;
  double AdaptiveThreshold;
};

} // namespace gradlint::rules

#endif // GRADLINT_RULES_HUGELEARNINGRATECHECK_H
