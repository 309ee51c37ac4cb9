//===- rules/ShapeMismatchCheck.h - gradlint-shape-mismatch -*- C++ -*-===//

#ifndef GRADLINT_RULES_SHAPEMISMATCHCHECK_H
#define GRADLINT_RULES_SHAPEMISMATCHCHECK_H

#include "rules/Check.h"

namespace gradlint::rules {

/// Flags a layer whose input size differs from what the previous layer
/// produces.
///
/// Features are followed through Linear layers and channels through
/// convolutions and batch norm; flatten, recurrent and unknown layers make
/// the size unknown.
class ShapeMismatchCheck : public Check {
public:
  explicit ShapeMismatchCheck(OptionReader Options);
  void check(Context &Ctx) const override;
};

} // namespace gradlint::rules

#endif // GRADLINT_RULES_SHAPEMISMATCHCHECK_H
