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
/// compile database, probe) but writes no report: the shown findings, and
/// the files that could not be analysed, land in \p Out. Errors are still
/// printed on stderr. Returns 0 once the report is in \p Out, else the
/// command's error status (2 for a configuration error) with the errors in
/// Out.RunErrors.
int lintToReport(const Options &O, const char *Argv0, Report &Out);

} // namespace gradlint::lint

#endif // GRADLINT_LINT_DRIVER_DRIVER_H
