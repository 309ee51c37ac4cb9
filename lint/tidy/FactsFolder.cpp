//===- lint/tidy/FactsFolder.cpp - The other translation units' facts -----===//

#include "lint/tidy/FactsFolder.h"

#include "lint/report/BoundedInput.h"
#include "lint/report/IrJson.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <cassert>
#include <cctype>
#include <set>

namespace clang::tidy::gradlint {

namespace ir = ::gradlint::ir;
namespace lint = ::gradlint::lint;

namespace {

/// \p Path with symbolic links and dots resolved; \p Path itself when it
/// does not exist (facts extracted on another machine).
std::string realPath(llvm::StringRef Path) {
  llvm::SmallString<256> Real;
  if (llvm::sys::fs::real_path(Path, Real))
    return Path.str();
  return std::string(Real);
}

/// llvm::json's "[3:12, byte=40]: Expected ..." as "3:12: expected ...",
/// as the command words a facts file's syntax error.
std::string jsonMessage(const std::string &Msg) {
  llvm::StringRef M(Msg);
  if (!M.consume_front("["))
    return Msg;
  auto [Pos, Rest] = M.split("]: ");
  std::string Text = Rest.str();
  if (!Text.empty())
    Text[0] = static_cast<char>(std::tolower(Text[0]));
  return Pos.split(", ").first.str() + ": " + Text;
}

/// \p Name in \p Dir, without "." components.
std::string absoluteIn(llvm::StringRef Dir, llvm::StringRef Name) {
  llvm::SmallString<256> A(Dir);
  llvm::sys::path::append(A, Name);
  llvm::sys::path::remove_dots(A, /*remove_dot_dot=*/false);
  return std::string(A);
}

/// Every "file" of \p V made absolute: in the first of \p Dirs where it
/// exists, else in the first of them; \p Spellings, when given, maps each
/// name taken in the first back to the name as written. Walks the IR's
/// JSON, so no IR field with a location is missed.
void absoluteFiles(llvm::json::Value &V,
                   const std::vector<llvm::StringRef> &Dirs,
                   std::map<std::string, std::string> *Spellings,
                   std::map<std::string, std::string> &Resolved) {
  if (llvm::json::Array *A = V.getAsArray()) {
    for (llvm::json::Value &E : *A)
      absoluteFiles(E, Dirs, Spellings, Resolved);
    return;
  }
  llvm::json::Object *O = V.getAsObject();
  if (!O)
    return;
  for (auto &KV : *O) {
    std::optional<llvm::StringRef> S = KV.second.getAsString();
    if (KV.first == "file" && S) {
      if (S->empty() || llvm::sys::path::is_absolute(*S) || Dirs.empty())
        continue;
      // Every location names its file: look each name up once.
      auto Known = Resolved.find(S->str());
      if (Known != Resolved.end()) {
        KV.second = Known->second;
        continue;
      }
      std::string Abs;
      for (llvm::StringRef D : Dirs)
        if (llvm::sys::fs::exists(Abs = absoluteIn(D, *S)))
          break;
      if (!llvm::sys::fs::exists(Abs))
        Abs = absoluteIn(Dirs.front(), *S);
      if (Spellings && Abs == absoluteIn(Dirs.front(), *S))
        Spellings->emplace(Abs, S->str());
      Resolved.emplace(S->str(), Abs);
      KV.second = Abs;
      continue;
    }
    absoluteFiles(KV.second, Dirs, Spellings, Resolved);
  }
}

/// The folders of \p In that are known.
std::vector<llvm::StringRef> dirs(std::initializer_list<llvm::StringRef> In) {
  std::vector<llvm::StringRef> Out;
  for (llvm::StringRef D : In)
    if (!D.empty())
      Out.push_back(D);
  return Out;
}

/// \p P with absolute file names (FactsFolder::merge).
ir::Program absoluteProgram(const ir::Program &P,
                            const std::vector<llvm::StringRef> &Dirs,
                            std::map<std::string, std::string> *Spellings) {
  llvm::json::Value V = lint::programToJson(P);
  std::map<std::string, std::string> Resolved;
  absoluteFiles(V, Dirs, Spellings, Resolved);
  ::gradlint::StatusOr<ir::Program> Back = lint::programFromJsonValue(V);
  // The IR's own JSON read back: only a bug makes this fail.
  assert(Back && "the IR's JSON does not read back");
  return Back ? std::move(*Back) : P;
}

} // namespace

FactsFolder FactsFolder::read(llvm::StringRef Dir, llvm::StringRef Root) {
  FactsFolder F;
  std::vector<std::string> Paths;
  std::error_code EC;
  if (!llvm::sys::fs::is_directory(Dir)) {
    F.Warnings.push_back(
        "cannot read the facts folder '" + Dir.str() + "': " +
        (llvm::sys::fs::exists(Dir) ? "not a folder" : "no such folder") +
        "; cross-file findings are off (write it with 'gradlint extract -o " +
        Dir.str() + "')");
    return F;
  }
  for (llvm::sys::fs::directory_iterator I(Dir, EC), E; I != E && !EC;
       I.increment(EC))
    if (llvm::StringRef(I->path()).ends_with(".facts.json"))
      Paths.push_back(I->path());
  if (EC) {
    F.Warnings.push_back("cannot read the facts folder '" + Dir.str() + "': " +
                         EC.message() + "; cross-file findings are off");
    return F;
  }
  std::sort(Paths.begin(), Paths.end());
  std::set<std::string> Seen;
  for (const std::string &P : Paths) {
    ::gradlint::StatusOr<std::string> Text =
        lint::readBoundedFile(P, lint::InputLimits::ModelJsonBytes);
    if (!Text) {
      F.Warnings.push_back(Text.status().message() + "; left out");
      continue;
    }
    ::gradlint::StatusOr<lint::Facts> Read = lint::factsFromJson(*Text, Root);
    if (!Read) {
      F.Warnings.push_back("'" + P + "': " +
                           jsonMessage(Read.status().message()) + "; left out");
      continue;
    }
    // The same source twice (copied facts): once, as `gradlint check`.
    if (!Seen.insert(Read->Path).second)
      continue;
    Entry E;
    E.RealPath = realPath(Read->Path);
    E.Facts = std::move(*Read);
    F.All.push_back(std::move(E));
  }
  if (Paths.empty())
    F.Warnings.push_back("no facts files (*.facts.json) in '" + Dir.str() +
                         "'; write them with 'gradlint extract -o " +
                         Dir.str() + "'");
  std::stable_sort(F.All.begin(), F.All.end(),
                   [](const Entry &A, const Entry &B) {
                     return A.Facts.Path < B.Facts.Path;
                   });
  return F;
}

ir::Program
FactsFolder::merge(const ir::Program &Fresh, llvm::StringRef MainPath,
                   llvm::StringRef WorkingDir,
                   std::map<std::string, std::string> &Spellings) const {
  std::string MainReal = realPath(MainPath);
  ir::Program Merged;
  bool FreshMerged = false;
  auto MergeFresh = [&] {
    ir::merge(Merged, absoluteProgram(Fresh, dirs({WorkingDir}), nullptr));
    FreshMerged = true;
  };
  for (const Entry &E : All) {
    if (E.Facts.Path == MainPath || E.RealPath == MainReal)
      continue;
    if (!FreshMerged && MainPath < llvm::StringRef(E.Facts.Path))
      MergeFresh();
    if (E.Facts.Result.Result == lint::Outcome::Failed)
      continue;
    llvm::StringRef SourceDir = llvm::sys::path::parent_path(E.Facts.Path);
    ir::merge(Merged,
              absoluteProgram(E.Facts.Result.Program,
                              dirs({WorkingDir, SourceDir}), &Spellings));
  }
  if (!FreshMerged)
    MergeFresh();
  return Merged;
}

} // namespace clang::tidy::gradlint
