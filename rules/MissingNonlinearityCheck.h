//===- rules/MissingNonlinearityCheck.h - gradlint-missing-nonlinearity -*- C++ -*-===//

#ifndef GRADLINT_RULES_MISSINGNONLINEARITYCHECK_H
#define GRADLINT_RULES_MISSINGNONLINEARITYCHECK_H

#include "rules/Check.h"

namespace gradlint::rules {

/// Flags two affine layers (linear or convolution) applied in a row with
/// nothing non-linear between them, when the pair does not reduce rank.
///
/// Dropout, flatten, average pooling, identity and batch norm (an affine map
/// at inference) do not count as non-linear; max pooling, layer and group
/// norm and any activation do. The chain is followed into nested blocks
/// (a `Conv2dBN` block used twice in a row). By default a pair is reported
/// only when its widths are known and the inner width is not below both
/// outer widths (and, for convolutions, neither is grouped and both kernels
/// are square): then the two layers are exactly one affine map. Low-rank
/// factorisations (a `Linear(512, 64)` bottleneck before `Linear(64, 512)`),
/// separable convolutions and pairs of unknown width are reported with
/// IncludeLowRank (false).
class MissingNonlinearityCheck : public Check {
public:
  explicit MissingNonlinearityCheck(OptionReader Options);
  void check(Context &Ctx) const override;
  void storeOptions(OptionMap &Options) const override;

private:
  bool IncludeLowRank;
};

} // namespace gradlint::rules

#endif // GRADLINT_RULES_MISSINGNONLINEARITYCHECK_H
