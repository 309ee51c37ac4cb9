//===- rules/ExplodingInitCheck.h - gradlint-exploding-init -*- C++ -*-===//

#ifndef GRADLINT_RULES_EXPLODINGINITCHECK_H
#define GRADLINT_RULES_EXPLODINGINITCHECK_H

#include "rules/Check.h"

namespace gradlint::rules {

/// Flags a weight initialised with a scale Factor times or more above the
/// fan-in scale its activation needs.
///
/// Same scale rules as gradlint-small-init (LeCun before sigmoid, tanh or no
/// activation, He before the ReLU family; the RMS of the drawn weights); the
/// output layer is included. Options: Factor (10).
class ExplodingInitCheck : public Check {
public:
  explicit ExplodingInitCheck(OptionReader Options);
  void check(Context &Ctx) const override;
  void storeOptions(OptionMap &Options) const override;

private:
  double Factor;
};

} // namespace gradlint::rules

#endif // GRADLINT_RULES_EXPLODINGINITCHECK_H
