//===- rules/ConstantInitCheck.h - gradlint-constant-init ------*- C++ -*-===//

#ifndef GRADLINT_RULES_CONSTANTINITCHECK_H
#define GRADLINT_RULES_CONSTANTINITCHECK_H

#include "rules/Check.h"

namespace gradlint::rules {

/// Flags a hidden layer's weight (not a bias) initialised to a single value
/// by zeros, ones, constant or fill.
///
/// Units with identical incoming weights compute the same function and get
/// the same update until something else breaks the symmetry. Biases,
/// normalisation weights and the model's output layer are left alone:
/// constant values there are sound recipes.
class ConstantInitCheck : public Check {
public:
  explicit ConstantInitCheck(OptionReader Options);
  void check(Context &Ctx) const override;
};

} // namespace gradlint::rules

#endif // GRADLINT_RULES_CONSTANTINITCHECK_H
