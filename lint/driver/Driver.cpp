//===- lint/driver/Driver.cpp - The gradlint command's driver -------------===//
//
// Options -> configuration -> compile commands -> extraction per file ->
// merge -> checks -> suppression and filters -> probe -> report -> status.
// Every error is one line on stderr, `gradlint: error: <what>`. This file
// holds the command's entry points and the steps of a run in order; each
// phase is in a file of its own (Run.h lists them).
//
//===----------------------------------------------------------------------===//

#include "lint/driver/Driver.h"

#include "lint/driver/OptionFormats.h"
#include "lint/driver/PreCommit.h"
#include "lint/driver/Run.h"
#include "lint/lsp/Server.h"
#include "lint/report/CheckDocs.h"
#include "lint/report/IrJson.h"
#include "lint/report/SafeWrite.h"

#include "llvm/Config/llvm-config.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/raw_ostream.h"

#ifndef GRADLINT_VERSION
#define GRADLINT_VERSION "0"
#endif

namespace gradlint::lint {

int Run::run() {
  int S = runSteps();
  if (Capture) {
    // lintToReport() writes nothing; on an error its RunErrors say why.
    if (S != exitCode(ExitStatus::Clean))
      *Capture = Rep;
    return S;
  }
  // A SARIF upload step needs its file whatever happened: on a usage,
  // configuration or analysis error the report still says what went
  // wrong (executionSuccessful false, the error as a notification).
  if (S != exitCode(ExitStatus::Clean) && !O.ProbeCommand && !O.DumpModel &&
      !O.ExtractCommand)
    Out.writeSarifOnFailure(Rep, projectRoot());
  return S;
}

/// Prints the error (as failAt) and keeps it for the SARIF report.
int Run::error(ExitStatus S, const std::string &Message) {
  Rep.RunErrors.push_back(Message);
  return failAt(S, Message);
}

int Run::runSteps() {
  if (O.ExtractCommand)
    return extractCommand();
  if (O.CheckCommand)
    if (int S = readFacts())
      return S;
  if (int S = configure())
    return S;
  if (O.ListChecks) {
    llvm::outs() << "Enabled checks:\n";
    for (const RuleInfo &R : Checks.Rules)
      llvm::outs() << "    " << R.Id << "\n";
    llvm::outs() << "\n";
    return exitCode(ExitStatus::Clean);
  }
  if (O.DumpConfig) {
    Config Effective = Cfg;
    for (const auto &C : Checks.Checks)
      C->storeOptions(Effective.CheckOptions);
    llvm::outs() << dumpConfig(Effective);
    return exitCode(ExitStatus::Clean);
  }
  ir::Program Merged;
  if (O.ProbeCommand) {
    if (int S = readModel(Merged))
      return S;
  } else if (O.CheckCommand) {
    std::vector<FileResult> Results;
    for (Facts &F : AllFacts) {
      Names.push_back(F.File);
      MainFiles.insert(F.Path);
      Results.push_back(std::move(F.Result));
    }
    mergeResults(Results, Merged);
  } else if (int S = extract(Merged)) {
    return S;
  }
  if (O.DumpModel) {
    if (int S = writeOutput([&](llvm::raw_ostream &OS) {
          OS << llvm::formatv("{0:2}", programToJson(Merged)) << "\n";
        }))
      return S;
    return exitCode(Rep.Errors.empty() ? ExitStatus::Clean
                                       : ExitStatus::AnalysisError);
  }
  return lint(Merged);
}

int runMain(int Argc, const char **Argv) {
  StatusOr<Options> O = parseCommandLine(Argc, Argv);
  if (!O)
    return fail(ExitStatus::UsageError, O.status().message());
  if (O->Help) {
    llvm::outs() << helpText();
    return exitCode(ExitStatus::Clean);
  }
  if (O->HelpMan) {
    llvm::outs() << manPage(GRADLINT_VERSION);
    return exitCode(ExitStatus::Clean);
  }
  if (O->BashCompletion) {
    llvm::outs() << bashCompletion();
    return exitCode(ExitStatus::Clean);
  }
  if (O->Version) {
    llvm::outs() << "gradlint version " << GRADLINT_VERSION << " (LLVM "
                 << LLVM_VERSION_STRING << ")\n";
    return exitCode(ExitStatus::Clean);
  }
  if (O->Lsp)
    return runLspServer(*O, Argv[0]);
  if (O->PreCommit) {
    takeTrailingFiles(*O);
    if (O->Sources.empty())
      return exitCode(ExitStatus::Clean); // nothing staged
  }
  if (!O->Explain.empty()) {
    std::optional<llvm::StringRef> Page = checkDoc(O->Explain);
    if (!Page)
      return fail(ExitStatus::UsageError,
                  "unknown check '" + O->Explain +
                      "'; see 'gradlint --list-checks'");
    if (Status S = writeStdout(*Page); !S)
      return fail(ExitStatus::UsageError, S.message());
    return exitCode(ExitStatus::Clean);
  }
  Run R(*O, Argv[0]);
  return R.run();
}

int lintToReport(const Options &O, const char *Argv0, Report &Out) {
  Run R(O, Argv0, &Out);
  return R.run();
}

} // namespace gradlint::lint
