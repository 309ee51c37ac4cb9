//===- lint/driver/Config.h - .clang-tidy configuration --------*- C++ -*-===//
//
// The same configuration clang-tidy reads: Checks (a string or a list),
// CheckOptions (a list of {key, value} or a map), WarningsAsErrors,
// HeaderFilterRegex, InheritParentConfig; the nearest .clang-tidy upward
// from each source, or --config / --config-file in its place.
//
//===----------------------------------------------------------------------===//

#ifndef GRADLINT_LINT_DRIVER_CONFIG_H
#define GRADLINT_LINT_DRIVER_CONFIG_H

#include "rules/Check.h"
#include "rules/ir/Status.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"

#include <map>
#include <optional>
#include <string>

namespace gradlint::lint {

struct Config {
  std::optional<std::string> Checks;
  std::optional<std::string> WarningsAsErrors;
  std::optional<std::string> HeaderFilterRegex;
  std::optional<std::string> ExcludeHeaderFilterRegex;
  bool InheritParentConfig = false;
  rules::OptionMap CheckOptions;
  /// Where a configuration file states "Checks" and each CheckOptions key
  /// (`.clang-tidy:3:10`), so errors found after parsing (an unknown check,
  /// a bad value) point at it; empty for --config text.
  std::map<std::string, std::string> Where;
};

/// Parses YAML (or JSON) configuration text; \p Name names it in errors
/// (`.clang-tidy:3:5: ...`).
StatusOr<Config> parseConfig(llvm::StringRef Text, llvm::StringRef Name);

/// \p Child over \p Parent: Checks are appended ("parent,child"), options of
/// the child win.
Config mergeConfig(const Config &Parent, const Config &Child);

/// Finds configuration files upward from directories, once per directory.
class ConfigFinder {
public:
  /// The configuration that applies to files in \p Dir: the nearest
  /// .clang-tidy (with its parents when it inherits), or an empty Config.
  StatusOr<Config> forDirectory(llvm::StringRef Dir);

private:
  llvm::StringMap<Config> Cache;
};

/// clang-tidy's --dump-config YAML of \p C.
std::string dumpConfig(const Config &C);

} // namespace gradlint::lint

#endif // GRADLINT_LINT_DRIVER_CONFIG_H
