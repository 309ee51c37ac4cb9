//===- rules/UnnormalizedInputCheck.h - gradlint-unnormalized-input -*- C++ -*-===//

#ifndef GRADLINT_RULES_UNNORMALIZEDINPUTCHECK_H
#define GRADLINT_RULES_UNNORMALIZEDINPUTCHECK_H

#include "rules/Check.h"

namespace gradlint::rules {

/// Flags training input whose statically known range is far from unit scale
/// or very unequal across features, with no normalisation before the model.
///
/// Options: MaxMagnitude (10), MinMagnitude (0.001), RangeRatio (10).
class UnnormalizedInputCheck : public Check {
public:
  explicit UnnormalizedInputCheck(OptionReader Options);
  void check(Context &Ctx) const override;
  void storeOptions(OptionMap &Options) const override;

private:
  double MaxMagnitude;
  double MinMagnitude;
  double RangeRatio;
};

} // namespace gradlint::rules

#endif // GRADLINT_RULES_UNNORMALIZEDINPUTCHECK_H
