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

#include "llvm/ADT/ArrayRef.h"

#include <optional>
#include <string>
#include <utility>
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
  /// `gradlint extract`: one facts file per translation unit, no checks.
  bool ExtractCommand = false;
  /// `gradlint check FACTS...|DIR`: checks, probe and report on facts files.
  bool CheckCommand = false;
  /// Where `extract` writes its facts files (-o, --facts-dir).
  std::string FactsDir;
  /// extract, check: facts files name paths relative to this folder (""
  /// for the default: the repository holding -p's database, or the current
  /// directory's).
  std::string FactsRoot;
  /// `--shard=K/N`: this run takes the K-th of N slices (1-based); 0/0 is
  /// all files.
  unsigned ShardIndex = 0, ShardCount = 0;
  /// Per-file results and probe verdicts cached (--no-cache turns it off).
  bool Cache = true;
  /// -v: say on stderr where each file's facts came from.
  bool Verbose = false;
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
  /// Further reports of the same run: --sarif=FILE, --json=FILE.
  std::string SarifFile;
  std::string JsonFile;
  /// Base URL of gradlint's docs/ for SARIF's helpUri; empty = built in.
  std::string DocsUrl;
  /// --explain CHECK: print the check's page and exit.
  std::string Explain;
  /// clang-tidy's flags; each overrides the configuration's key.
  std::optional<std::string> HeaderFilter;
  std::optional<std::string> ExcludeHeaderFilter;
  std::optional<std::string> WarningsAsErrors;
  /// Compiler flags appended to (--extra-arg) or put before
  /// (--extra-arg-before) every file's command, then allow-listed.
  std::vector<std::string> ExtraArgs;
  std::vector<std::string> ExtraArgsBefore;
  bool Probe = true;
  int ProbeSteps = 100;
  bool DumpModel = false;
  std::string Baseline;
  std::string WriteBaseline;
  std::string DiffRev;
  FailOn Fail = FailOn::Warning;
  /// -j; 0 until parsed, then the number of cores unless given.
  unsigned Jobs = 0;
  HeaderMode Headers = HeaderMode::Auto;
  /// Precompile the framework headers into the PCH cache (--no-pch: no).
  bool Pch = true;
  bool Version = false;
  bool Help = false;
  bool HelpMan = false;
  bool BashCompletion = false;
  /// --pre-commit: the hook mode (PreCommit.h).
  bool PreCommit = false;
  /// --html=DIR: also write the HTML report to DIR/index.html.
  std::string HtmlDir;
  /// --lsp: serve the Language Server Protocol on stdin/stdout.
  bool Lsp = false;
};

/// One option as --help, the man page and the completion show it.
struct OptionDoc {
  /// "-p <build dir>", "--format=text|json|sarif", "--probe, --no-probe".
  const char *Synopsis;
  /// The description; '\n' separates the lines of --help.
  const char *Help;
};

/// Every option, in --help's order.
llvm::ArrayRef<OptionDoc> optionTable();

/// Parses argv; a usage error is returned as a one-line message.
StatusOr<Options> parseCommandLine(int Argc, const char **Argv);

/// Reads `--shard`'s "K/N" (1 <= K <= N); anything else is a usage error.
StatusOr<std::pair<unsigned, unsigned>> parseShard(const std::string &S);

/// The --help text, rendered from optionTable().
std::string helpText();
/// The parts of --help around the option table.
const char *helpUsage();
const char *helpDescription();
const char *helpExitStatus();

} // namespace gradlint::lint

#endif // GRADLINT_LINT_DRIVER_OPTIONS_H
