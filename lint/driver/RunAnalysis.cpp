//===- lint/driver/RunAnalysis.cpp - Parsing and merging ------------------===//
//
// Each file's facts (from the result cache, else parsed), the files that
// could not be read or only in part reported, and the facts merged into one
// program.
//
//===----------------------------------------------------------------------===//

#include "lint/driver/Run.h"

#include "lint/driver/Extraction.h"
#include "lint/driver/Progress.h"
#include "lint/driver/ResultCache.h"
#include "rules/ir/Validate.h"

namespace gradlint::lint {

std::vector<FileResult> Run::extractAll(const CompileCommands &DB,
                                   const std::vector<FileCommand> &Commands) {
  ResultCache Cache(O.Cache, DB.apiDir());
  ExtractSettings S;
  S.Jobs = O.Jobs;
  S.Verbose = O.Verbose;
  S.Progress = Progress::wanted(O.Quiet);
  S.Cache = &Cache;
  return extractFiles(Commands, Names, S);
}

int Run::extract(ir::Program &Merged) {
  StatusOr<std::unique_ptr<CompileCommands>> DB =
      CompileCommands::create(O, Argv0);
  if (!DB)
    return error(ExitStatus::UsageError, DB.status().message());
  std::vector<FileCommand> Commands;
  if (int S = gatherCommands(**DB, Commands))
    return S;
  ApiDir = (*DB)->apiDir();
  mergeResults(extractAll(**DB, Commands), Merged);
  return 0;
}

/// Reports failed and partial files and merges the rest, in order.
void Run::mergeResults(const std::vector<FileResult> &Results,
                  ir::Program &Merged) {
  for (size_t I = 0; I < Results.size(); ++I) {
    const FileResult &R = Results[I];
    switch (R.Result) {
    case Outcome::Failed: {
      std::string Why =
          R.Reason.FirstError.empty()
              ? "nothing could be read: " + R.Reason.summary()
              : "nothing could be read as C++: " + R.Reason.FirstError;
      fail(ExitStatus::AnalysisError, Names[I] + ": " + Why);
      Rep.Errors.push_back({Names[I], Why});
      continue;
    }
    case Outcome::Partial: {
      if (O.PreCommit && !Own.count(Names[I]))
        break;
      PartialFile P;
      P.File = Names[I];
      P.Loc = R.Reason.location();
      P.Reason = R.Reason.summary();
      P.MissingHeaders = R.Reason.MissingHeaders;
      P.FirstError = R.Reason.FirstError;
      P.Errors = R.Reason.Errors;
      Rep.Partial.push_back(std::move(P));
      break;
    }
    case Outcome::Complete:
      break;
    }
    ir::merge(Merged, R.Program);
  }
  // Values the source states but no network can have (a stride of 0, a
  // negative width) become unknown here, so nothing downstream divides
  // by them or allocates them.
  for (const std::string &Line : ir::dropInvalid(Merged))
    llvm::errs() << "gradlint: warning: " << Line << "\n";
}

} // namespace gradlint::lint
