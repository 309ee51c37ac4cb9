//===- lint/driver/RunSubcommands.cpp - gradlint extract and check --------===//
//
// The two halves of a run on separate machines: `gradlint extract` writes
// one facts file per translation unit, `gradlint check` reads them back
// (Driver.cpp's steps then merge and report them as a normal run does).
//
//===----------------------------------------------------------------------===//

#include "lint/driver/Run.h"

#include "lint/driver/Shard.h"
#include "lint/report/SafeWrite.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <algorithm>

namespace gradlint::lint {

/// `gradlint extract`: one facts file per translation unit in FactsDir.
int Run::extractCommand() {
  StatusOr<std::unique_ptr<CompileCommands>> DB =
      CompileCommands::create(O, Argv0);
  if (!DB)
    return error(ExitStatus::UsageError, DB.status().message());
  std::vector<FileCommand> Commands;
  if (int S = gatherCommands(**DB, Commands))
    return S;
  // One source and -o NAME.facts.json: that file, for build systems that
  // name each action's output (CMake, Bazel); else a folder.
  bool OneFile = llvm::StringRef(O.FactsDir).ends_with(".facts.json") &&
                 !llvm::sys::fs::is_directory(O.FactsDir);
  if (OneFile && Names.size() + Rep.Errors.size() != 1)
    return fail(ExitStatus::UsageError,
                "-o " + O.FactsDir + " names one facts file; give one "
                "source, or a folder");
  std::string Dir =
      OneFile ? llvm::sys::path::parent_path(absolute(O.FactsDir)).str()
              : O.FactsDir;
  if (std::error_code EC = llvm::sys::fs::create_directories(Dir))
    return fail(ExitStatus::UsageError, Dir + ": " + EC.message());
  std::vector<FileResult> Results = extractAll(**DB, Commands);
  std::string Root = factsRoot(O);
  for (size_t I = 0; I < Results.size(); ++I) {
    Facts F;
    F.File = Names[I];
    F.Path = absolute(Names[I]);
    F.Result = std::move(Results[I]);
    llvm::SmallString<256> Out(O.FactsDir);
    if (!OneFile)
      llvm::sys::path::append(Out, factsFileName(F.Path));
    Status S = writeFileAtomically(
        std::string(Out), factsToJson(F, Root));
    if (!S)
      return fail(ExitStatus::UsageError, S.message());
  }
  if (!O.Quiet)
    llvm::errs() << "gradlint: " << Results.size() << " facts file"
                 << (Results.size() == 1 ? "" : "s") << " written to "
                 << O.FactsDir << "\n";
  return exitCode(Rep.Errors.empty() ? ExitStatus::Clean
                                     : ExitStatus::AnalysisError);
}

/// `gradlint check`: reads facts files (a folder stands for the
/// *.facts.json in it), one per source, ordered by the source's path.
int Run::readFacts() {
  std::vector<std::string> Paths;
  for (const std::string &Src : O.Sources) {
    if (!llvm::sys::fs::is_directory(Src)) {
      Paths.push_back(Src);
      continue;
    }
    std::error_code EC;
    std::vector<std::string> In;
    for (llvm::sys::fs::directory_iterator I(Src, EC), E; I != E && !EC;
         I.increment(EC))
      if (llvm::StringRef(I->path()).ends_with(".facts.json"))
        In.push_back(I->path());
    if (EC)
      return error(ExitStatus::UsageError, Src + ": " + EC.message());
    std::sort(In.begin(), In.end());
    Paths.insert(Paths.end(), In.begin(), In.end());
  }
  std::set<std::string> Seen;
  std::string Root = factsRoot(O);
  for (const std::string &P : Paths) {
    if (!llvm::sys::fs::exists(P))
      return error(ExitStatus::UsageError, P + ": no such file");
    StatusOr<std::string> Text = readFile(P);
    if (!Text)
      return error(ExitStatus::UsageError, Text.status().message());
    StatusOr<Facts> F = factsFromJson(*Text, Root);
    if (!F) {
      const std::string &M = F.status().message();
      return error(ExitStatus::UsageError,
                  llvm::StringRef(M).starts_with("[") ? jsonError(P, M)
                                                      : P + ": " + M);
    }
    // The same source twice (a facts file named twice): once.
    if (Seen.insert(F->Path).second)
      AllFacts.push_back(std::move(*F));
  }
  std::stable_sort(AllFacts.begin(), AllFacts.end(),
                   [](const Facts &A, const Facts &B) {
                     return A.Path < B.Path;
                   });
  return 0;
}

} // namespace gradlint::lint
