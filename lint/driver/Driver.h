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

/// Runs the command line; returns the process exit status.
int runMain(int Argc, const char **Argv);

} // namespace gradlint::lint

#endif // GRADLINT_LINT_DRIVER_DRIVER_H
