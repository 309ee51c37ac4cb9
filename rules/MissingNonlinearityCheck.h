//===- rules/MissingNonlinearityCheck.h - gradlint-missing-nonlinearity -*- C++ -*-===//

#ifndef GRADLINT_RULES_MISSINGNONLINEARITYCHECK_H
#define GRADLINT_RULES_MISSINGNONLINEARITYCHECK_H

#include "rules/Check.h"

namespace gradlint::rules {

/// Flags two affine layers (linear or convolution) applied in a row with
/// nothing non-linear between them.
///
/// Dropout, flatten, average pooling and identity do not count as non-linear;
/// max pooling, normalisation and any activation do. Off by default: low-rank
/// factorisations and separable convolutions are written this way on purpose.
class MissingNonlinearityCheck : public Check {
public:
  explicit MissingNonlinearityCheck(OptionReader Options);
  void check(Context &Ctx) const override;
};

} // namespace gradlint::rules

#endif // GRADLINT_RULES_MISSINGNONLINEARITYCHECK_H
