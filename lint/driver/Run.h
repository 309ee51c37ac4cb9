//===- lint/driver/Run.h - One gradlint run, by phases -----------*- C++ -*-===//
//
// A run of the gradlint command, one class whose phases live in one file
// each:
//
//   Driver.cpp          the steps of a run, in order (run, runSteps)
//   RunConfig.cpp       configuration: .clang-tidy, flags, the checks
//   RunInputs.cpp       what to read: compile commands of the sources
//                       named, or a model file (`gradlint probe`)
//   RunAnalysis.cpp     parsing (through the result cache) and merging
//   RunReport.cpp       checks, NOLINT, filters, baseline, probe, output,
//                       --fix, the exit status
//   RunSubcommands.cpp  `gradlint extract` and the facts `gradlint check`
//                       reads
//   RunSupport.cpp      what they share: errors, paths, bounded reads
//
// Private to lint/driver.
//
//===----------------------------------------------------------------------===//

#ifndef GRADLINT_LINT_DRIVER_RUN_H
#define GRADLINT_LINT_DRIVER_RUN_H

#include "lint/driver/CompileCommands.h"
#include "lint/driver/Config.h"
#include "lint/driver/Driver.h"
#include "lint/driver/Facts.h"
#include "lint/driver/Frontend.h"
#include "lint/driver/LineFilter.h"
#include "lint/driver/Options.h"
#include "lint/driver/Outputs.h"
#include "lint/report/Report.h"
#include "lint/report/SourceCache.h"
#include "rules/Registry.h"
#include "rules/ir/Status.h"

#include "llvm/Support/Chrono.h"
#include "llvm/Support/raw_ostream.h"

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace gradlint::lint {

inline int exitCode(ExitStatus S) { return static_cast<int>(S); }

/// Prints `gradlint: error: <Message>` and returns \p S.
int fail(ExitStatus S, const std::string &Message);

/// A configuration error that names its place (`.clang-tidy:4:11: msg`) as
/// compilers print one, `.clang-tidy:4:11: error: msg`, so editors and
/// :cfile jump to it; any other message as fail() prints it.
int failAt(ExitStatus S, const std::string &Message);

/// \p P absolute, without . and .. components.
std::string absolute(llvm::StringRef P);

/// The git top level above the current directory, else the directory.
std::string projectRoot();

/// The root facts files name paths relative to: --facts-root, else the
/// repository of -p's database (extract) or of the current directory.
std::string factsRoot(const Options &O);

/// Reads a whole file; the error is one line naming it.
StatusOr<std::string> readFile(const std::string &Path);

/// llvm::json's "[3:12, byte=40]: Expected ..." as "path:3:12: expected ...".
std::string jsonError(const std::string &Path, const std::string &Msg);

/// The checks a run uses, built with their options.
struct CheckSet {
  std::vector<std::unique_ptr<rules::Check>> Checks;
  std::vector<RuleInfo> Rules;
};

/// Validates the configuration and builds the enabled checks. Every error is
/// a configuration error.
StatusOr<CheckSet> buildChecks(const Config &C,
                               const std::optional<std::string> &CliChecks);

/// Whether a finding of severity \p S fails the run under --fail-on \p F.
bool fails(ir::Severity S, FailOn F);

class Run {
public:
  Run(const Options &O, const char *Argv0, Report *Capture = nullptr)
      : O(O), Argv0(Argv0), Capture(Capture) {}

  /// The whole run; the process's exit status.
  int run();

private:
  /// Prints the error (as failAt) and keeps it for the SARIF report.
  int error(ExitStatus S, const std::string &Message);

  // The steps in order (Driver.cpp).
  int runSteps();

  // Configuration (RunConfig.cpp).
  /// Reads the configuration, the line filters and the checks it enables.
  int configure();

  // Inputs (RunInputs.cpp).
  /// `gradlint probe`: the model file named, in \p Out.
  int readModel(ir::Program &Out);

  /// The compile command of every file the run names (a folder stands for
  /// the C++ files under it; `extract` without files takes -p's database),
  /// in Commands, with the names in Names. A usage error returns nonzero.
  int gatherCommands(CompileCommands &DB, std::vector<FileCommand> &Commands);

  // Analysis (RunAnalysis.cpp).
  /// Each command's facts, from the result cache or parsed, in order.
  std::vector<FileResult> extractAll(const CompileCommands &DB,
                                     const std::vector<FileCommand> &Commands);

  /// A normal run's analysis: the sources' facts merged into \p Merged.
  int extract(ir::Program &Merged);

  /// Reports failed and partial files and merges the rest, in order.
  void mergeResults(const std::vector<FileResult> &Results,
                    ir::Program &Merged);

  // Subcommands (RunSubcommands.cpp).
  /// `gradlint extract`: one facts file per translation unit in FactsDir.
  int extractCommand();

  /// `gradlint check`: reads facts files (a folder stands for the
  /// *.facts.json in it), one per source, ordered by the source's path.
  int readFacts();

  // The report (RunReport.cpp).
  /// clang-tidy's header filters: findings in the files linted are
  /// always shown; in a header, when it does not match
  /// ExcludeHeaderFilterRegex and matches HeaderFilterRegex (every header
  /// when there is none).
  bool headerShown(const ir::Finding &F);

  /// Whether --line-filter and --diff keep \p F: whether it is touched by
  /// the change (LineFilter::accepts; its evidence in \p P).
  bool linesShown(const ir::Program &P, const ir::Finding &F) const;

  /// Checks \p Merged and writes the report; the exit status.
  int lint(const ir::Program &Merged);

  /// Writes to -o (whole or not at all) or stdout; a failed write is one
  /// line and exit 2, never read as "findings".
  template <typename Fn> int writeOutput(Fn Write, bool Color = false) {
    std::string Text;
    llvm::raw_string_ostream OS(Text);
    OS.enable_colors(Color);
    Write(OS);
    if (Status S = Outputs::writeTo(O.OutputFile, Text); !S)
      return error(ExitStatus::UsageError, S.message());
    return 0;
  }

  const Options &O;
  const char *Argv0;
  /// lintToReport(): the report goes here, nothing is written.
  Report *Capture;
  Outputs Out{O};
  std::optional<LineFilter> Lines, Diff;
  /// Before any source is read: --fix refuses files modified since.
  llvm::sys::TimePoint<> Started = std::chrono::system_clock::now();
  Config Cfg;
  ConfigFinder Finder;
  CheckSet Checks;
  Report Rep;
  SourceCache Sources;
  std::set<std::string> MainFiles;
  /// The files the run was given (--pre-commit adds the files that share
  /// their models).
  std::set<std::string> Own;
  std::vector<std::string> Names;
  /// `gradlint check`'s inputs, ordered by source path.
  std::vector<Facts> AllFacts;
  /// The API model of the run's commands (part of the cache keys).
  std::string ApiDir;
};

} // namespace gradlint::lint

#endif // GRADLINT_LINT_DRIVER_RUN_H
