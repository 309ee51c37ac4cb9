//===- lint/driver/Options.h - The gradlint command line -------*- C++ -*-===//
//
// Parses the command line into Options. Own parsing rather than llvm::cl:
// the `probe` subcommand, clang-tidy's spellings (`-p dir`, `--checks=...`)
// and one-line usage errors are easier to keep exact this way.
//
//===----------------------------------------------------------------------===//

#ifndef GRADLINT_LINT_DRIVER_OPTIONS_H
#define GRADLINT_LINT_DRIVER_OPTIONS_H

#include "rules/ir/Status.h"

#include <optional>
#include <string>
#include <vector>

namespace gradlint::lint {

enum class OutputFormat { Text, Json, Sarif };
enum class HeaderMode { Auto, Real, Bundled };
/// The lowest severity that makes the command fail; Never fails on nothing.
enum class FailOn { Note, Warning, Error, Never };

/// Everything the command line says.
struct Options {
  /// `gradlint probe <model.json>`.
  bool ProbeCommand = false;
  std::vector<std::string> Sources;
  /// Arguments after `--`, if `--` was given.
  std::optional<std::vector<std::string>> CompilerArgs;
  std::string BuildPath;
  std::optional<std::string> Checks;
  std::optional<std::string> Config;
  std::string ConfigFile;
  bool DumpConfig = false;
  bool ListChecks = false;
  std::string LineFilter;
  std::string ExportFixes;
  bool Fix = false;
  bool Quiet = false;
  OutputFormat Format = OutputFormat::Text;
  std::string OutputFile;
  bool Probe = true;
  int ProbeSteps = 100;
  bool DumpModel = false;
  std::string Baseline;
  std::string WriteBaseline;
  std::string DiffRev;
  FailOn Fail = FailOn::Warning;
  unsigned Jobs = 1;
  HeaderMode Headers = HeaderMode::Auto;
  /// Precompile the framework headers into the PCH cache (--no-pch: no).
  bool Pch = true;
  bool Version = false;
  bool Help = false;
};

/// Parses argv; a usage error is returned as a one-line message.
StatusOr<Options> parseCommandLine(int Argc, const char **Argv);

/// The --help text.
const char *helpText();

} // namespace gradlint::lint

#endif // GRADLINT_LINT_DRIVER_OPTIONS_H
