//===- rules/SaturatingStackCheck.h - gradlint-saturating-stack -*- C++ -*-===//

#ifndef GRADLINT_RULES_SATURATINGSTACKCHECK_H
#define GRADLINT_RULES_SATURATINGSTACKCHECK_H

#include "rules/Check.h"

namespace gradlint::rules {

/// Flags MinDepth or more sigmoid/tanh activations in one layer chain with no
/// normalisation or residual connection between them.
///
/// Each sigmoid multiplies the gradient by at most 0.25 and each tanh by at
/// most 1 (far less once saturated), so the first layers of a deep stack
/// receive almost no gradient. Options: MinDepth (3).
class SaturatingStackCheck : public Check {
public:
  explicit SaturatingStackCheck(OptionReader Options);
  void check(Context &Ctx) const override;
  void storeOptions(OptionMap &Options) const override;

private:
  int64_t MinDepth;
};

} // namespace gradlint::rules

#endif // GRADLINT_RULES_SATURATINGSTACKCHECK_H
