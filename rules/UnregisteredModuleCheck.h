//===- rules/UnregisteredModuleCheck.h - gradlint-unregistered-module -*- C++ -*-===//

#ifndef GRADLINT_RULES_UNREGISTEREDMODULECHECK_H
#define GRADLINT_RULES_UNREGISTEREDMODULECHECK_H

#include "rules/Check.h"

namespace gradlint::rules {

/// Flags a submodule or parameter used in forward() but never registered, and
/// a layer with parameters constructed inside forward().
///
/// Parameter-free members (activations, pooling, dropout) and members of
/// unknown kind are left alone.
class UnregisteredModuleCheck : public Check {
public:
  explicit UnregisteredModuleCheck(OptionReader Options);
  void check(Context &Ctx) const override;
};

} // namespace gradlint::rules

#endif // GRADLINT_RULES_UNREGISTEREDMODULECHECK_H
