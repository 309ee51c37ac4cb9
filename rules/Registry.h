//===- rules/Registry.h - Every check, from Checks.def ---------*- C++ -*-===//

#ifndef GRADLINT_RULES_REGISTRY_H
#define GRADLINT_RULES_REGISTRY_H

#include "rules/Check.h"

#include <memory>
#include <string>
#include <vector>

namespace gradlint::rules {

/// A check's static description.
struct CheckInfo {
  const char *Name;
  bool DefaultOn;
  const char *Summary;
};

/// Every check, in registry order.
const std::vector<CheckInfo> &allChecks();

/// Builds the check named \p Name with \p Options; bad option values are
/// appended to \p Errors. Returns null for an unknown name.
std::unique_ptr<Check> createCheck(const std::string &Name,
                                   const OptionMap &Options,
                                   std::vector<std::string> &Errors);

/// Whether \p Name matches a clang-tidy style glob list ("-*,gradlint-*").
/// An empty list selects the checks that are on by default.
bool globListMatches(const std::string &GlobList, const std::string &Name,
                     bool DefaultOn);

} // namespace gradlint::rules

#endif // GRADLINT_RULES_REGISTRY_H
