//===- lint/driver/RunInputs.cpp - What a run reads -----------------------===//
//
// The compile command of every source the run names (a folder stands for
// its C++ files; --pre-commit adds the files sharing their models; --shard
// takes a slice), or the model file `gradlint probe` reads.
//
//===----------------------------------------------------------------------===//

#include "lint/driver/Run.h"

#include "lint/driver/PreCommit.h"
#include "lint/driver/ProjectLayout.h"
#include "lint/driver/Shard.h"
#include "lint/report/IrJson.h"
#include "llvm/Support/FileSystem.h"

namespace gradlint::lint {

int Run::readModel(ir::Program &Out) {
  const std::string &Path = O.Sources.front();
  if (!llvm::sys::fs::exists(Path))
    return fail(ExitStatus::AnalysisError, Path + ": no such file");
  StatusOr<std::string> Text = readFile(Path);
  if (!Text)
    return fail(ExitStatus::AnalysisError, Text.status().message());
  StatusOr<ir::Program> P = programFromJson(*Text);
  if (!P) {
    const std::string &M = P.status().message();
    return fail(ExitStatus::AnalysisError,
                llvm::StringRef(M).starts_with("[") ? jsonError(Path, M)
                                                    : Path + ": " + M);
  }
  Out = std::move(*P);
  return 0;
}

/// The compile command of every file the run names (a folder stands for
/// the C++ files under it; `extract` without files takes -p's database),
/// in Commands, with the names in Names. A usage error returns nonzero.
int Run::gatherCommands(CompileCommands &DB, std::vector<FileCommand> &Commands) {
  // A folder stands for every C++ file under it.
  std::vector<std::string> Files;
  // `-p BUILD` alone: every file the database lists, as run-clang-tidy.
  std::vector<std::string> Sources = O.Sources;
  if (Sources.empty()) {
    Sources = DB.databaseFiles();
    if (Sources.empty())
      return error(ExitStatus::UsageError,
                   O.BuildPath + "/compile_commands.json lists no files");
  }
  for (const std::string &Src : Sources) {
    if (!llvm::sys::fs::is_directory(Src)) {
      Files.push_back(Src);
      continue;
    }
    std::vector<std::string> Under = cxxFilesUnder(Src);
    if (Under.empty() && !O.Quiet)
      llvm::errs() << "gradlint: note: " << Src << ": no C++ files\n";
    Files.insert(Files.end(), Under.begin(), Under.end());
  }
  // The hook's own files come first; the files added for their models
  // are read for facts, their partial-analysis notes are not the
  // commit's business.
  Own = std::set<std::string>(Files.begin(), Files.end());
  if (O.PreCommit)
    Files = preCommitFiles(Files);
  if (O.ShardCount) {
    std::string Base = absolute(O.BuildPath.empty() ? "." : O.BuildPath);
    std::vector<std::string> Abs;
    for (const std::string &F : Files)
      Abs.push_back(absolute(F));
    std::vector<std::string> Mine;
    for (size_t I : shardSlice(Abs, Base, O.ShardIndex, O.ShardCount))
      Mine.push_back(Files[I]);
    Files = std::move(Mine);
  }
  bool Guessed = false;
  for (const std::string &Src : Files) {
    if (!llvm::sys::fs::exists(Src)) {
      fail(ExitStatus::AnalysisError, Src + ": no such file");
      Rep.Errors.push_back({Src, "no such file"});
      continue;
    }
    StatusOr<FileCommand> C = DB.commandFor(Src);
    if (!C)
      return error(ExitStatus::UsageError, C.status().message());
    Guessed |= C->GuessedIncludes;
    MainFiles.insert(absolute(Src));
    Commands.push_back(std::move(*C));
    Names.push_back(Src);
  }
  if (Guessed && !O.Quiet)
    llvm::errs() << "gradlint: note: no compilation database; include "
                    "folders guessed (each file's folder, include/ and "
                    "src/ up to the repository root, the root); pass -p "
                    "BUILD or '-- FLAGS' to set them\n";
  return 0;
}

} // namespace gradlint::lint
