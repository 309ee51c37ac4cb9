//===- lint/driver/Driver.h - The gradlint command's driver ----*- C++ -*-===//

#ifndef GRADLINT_LINT_DRIVER_DRIVER_H
#define GRADLINT_LINT_DRIVER_DRIVER_H

namespace gradlint::lint {

/// Exit statuses of the gradlint command, mapped in one place.
enum class ExitStatus : int {
  Clean = 0,         ///< nothing at or above --fail-on
  Findings = 1,      ///< findings that fail
  UsageError = 2,    ///< bad usage or configuration
  AnalysisError = 3, ///< a file could not be analysed
};

struct Options;
struct Report;

/// Runs the command line; returns the process exit status.
int runMain(int Argc, const char **Argv);

/// Lints as the command does with \p O (its sources, configuration,
/// compile database, probe) but writes no report: the shown findings land
/// in \p Out. Errors are still printed on stderr. Returns the exit status
/// the command would have (0 when findings were reported).
int lintToReport(const Options &O, const char *Argv0, Report &Out);

} // namespace gradlint::lint

#endif // GRADLINT_LINT_DRIVER_DRIVER_H
