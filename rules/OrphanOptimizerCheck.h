//===- rules/OrphanOptimizerCheck.h - gradlint-orphan-optimizer -*- C++ -*-===//

#ifndef GRADLINT_RULES_ORPHANOPTIMIZERCHECK_H
#define GRADLINT_RULES_ORPHANOPTIMIZERCHECK_H

#include "rules/Check.h"

namespace gradlint::rules {

/// Flags an optimizer stepped in a training loop that forwards a different
/// model than the one whose parameters it holds.
///
/// Both models must be known; a loop that forwards several models (GANs) is
/// fine as long as one of them is the optimizer's.
class OrphanOptimizerCheck : public Check {
public:
  explicit OrphanOptimizerCheck(OptionReader Options);
  void check(Context &Ctx) const override;
};

} // namespace gradlint::rules

#endif // GRADLINT_RULES_ORPHANOPTIMIZERCHECK_H
