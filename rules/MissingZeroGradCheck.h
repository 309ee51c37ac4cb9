//===- rules/MissingZeroGradCheck.h - gradlint-missing-zero-grad -*- C++ -*-===//

#ifndef GRADLINT_RULES_MISSINGZEROGRADCHECK_H
#define GRADLINT_RULES_MISSINGZEROGRADCHECK_H

#include "rules/Check.h"

namespace gradlint::rules {

/// Flags a training loop that calls backward and step but never clears
/// gradients.
///
/// A zero_grad under a condition inside the loop is gradient accumulation and
/// stays silent.
class MissingZeroGradCheck : public Check {
public:
  explicit MissingZeroGradCheck(OptionReader Options);
  void check(Context &Ctx) const override;
};

} // namespace gradlint::rules

#endif // GRADLINT_RULES_MISSINGZEROGRADCHECK_H
