//===- rules/IncompleteStepCheck.h - gradlint-incomplete-step -*- C++ -*-===//

#ifndef GRADLINT_RULES_INCOMPLETESTEPCHECK_H
#define GRADLINT_RULES_INCOMPLETESTEPCHECK_H

#include "rules/Check.h"

namespace gradlint::rules {

/// Flags a training loop that calls backward without step or step without
/// backward, or clears the gradients between backward and step.
///
/// The last case covers step before backward: in loop order the step then
/// sees gradients that were just cleared.
class IncompleteStepCheck : public Check {
public:
  explicit IncompleteStepCheck(OptionReader Options);
  void check(Context &Ctx) const override;
};

} // namespace gradlint::rules

#endif // GRADLINT_RULES_INCOMPLETESTEPCHECK_H
