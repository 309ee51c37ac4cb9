//===- rules/SmallInitCheck.h - gradlint-small-init ------------*- C++ -*-===//

#ifndef GRADLINT_RULES_SMALLINITCHECK_H
#define GRADLINT_RULES_SMALLINITCHECK_H

#include "rules/Check.h"

namespace gradlint::rules {

/// Flags a weight initialised with a scale Factor times or more below the
/// fan-in scale its activation needs.
///
/// The needed scale is LeCun/Glorot 1/sqrt(fan_in) before sigmoid, tanh or no
/// activation and He sqrt(2/fan_in) before the ReLU family; the scale of an
/// init is the root mean square of the weights it draws. The output layer is
/// left out: a small output layer is a sound recipe. Options: Factor (10).
class SmallInitCheck : public Check {
public:
  explicit SmallInitCheck(OptionReader Options);
  void check(Context &Ctx) const override;
  void storeOptions(OptionMap &Options) const override;

private:
  double Factor;
};

} // namespace gradlint::rules

#endif // GRADLINT_RULES_SMALLINITCHECK_H
