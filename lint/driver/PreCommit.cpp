//===- lint/driver/PreCommit.cpp - The pre-commit hook mode ---------------===//

#include "lint/driver/PreCommit.h"

#include "lint/driver/Options.h"
#include "lint/driver/ProjectLayout.h"
#include "lint/report/BoundedInput.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <map>
#include <set>

namespace gradlint::lint {

namespace fs = llvm::sys::fs;
namespace path = llvm::sys::path;

namespace {

/// A source larger than this is not scanned for includes (generated code).
constexpr uint64_t ScanBytes = uint64_t(4) << 20;

std::string absolute(llvm::StringRef P) {
  llvm::SmallString<256> A(P);
  fs::make_absolute(A);
  path::remove_dots(A, true);
  return std::string(A);
}

bool isHeader(llvm::StringRef P) {
  llvm::StringRef Ext = path::extension(P);
  for (llvm::StringRef E :
       {".h", ".hh", ".hpp", ".hxx", ".h++", ".cuh", ".ipp", ".tpp", ".inl"})
    if (Ext == E)
      return true;
  return false;
}

/// The names in `#include "..."` and `#include <...>` lines of \p Text,
/// without leading "./" and "../".
std::vector<std::string> includedNames(llvm::StringRef Text) {
  std::vector<std::string> Out;
  while (!Text.empty()) {
    auto [Line, Rest] = Text.split('\n');
    Text = Rest;
    Line = Line.ltrim();
    if (!Line.consume_front("#"))
      continue;
    Line = Line.ltrim();
    if (!Line.consume_front("include"))
      continue;
    Line = Line.ltrim();
    if (Line.empty() || (Line[0] != '"' && Line[0] != '<'))
      continue;
    char Close = Line[0] == '"' ? '"' : '>';
    size_t End = Line.find(Close, 1);
    if (End == llvm::StringRef::npos)
      continue;
    llvm::StringRef Name = Line.slice(1, End);
    while (Name.consume_front("./") || Name.consume_front("../"))
      ;
    if (!Name.empty())
      Out.push_back(Name.str());
  }
  return Out;
}

/// \p Abs as a path relative to the current folder when it is under it.
std::string display(const std::string &Abs, llvm::StringRef Cwd) {
  llvm::StringRef A(Abs);
  if (A.consume_front(Cwd) && A.consume_front("/"))
    return A.str();
  return Abs;
}

} // namespace

std::vector<std::string> preCommitFiles(const std::vector<std::string> &Given) {
  std::vector<std::string> Out = Given;
  std::set<std::string> Have;
  std::set<std::string> Roots;
  for (const std::string &G : Given) {
    std::string A = absolute(G);
    Have.insert(A);
    if (fs::is_regular_file(A))
      Roots.insert(repositoryRoot(A));
  }
  llvm::SmallString<256> CwdBuf;
  fs::current_path(CwdBuf);
  std::string Cwd = absolute(CwdBuf);

  for (const std::string &Root : Roots) {
    std::vector<std::string> Files = cxxFilesUnder(Root);
    for (std::string &F : Files)
      F = absolute(F);
    for (const std::string &G : Given) {
      std::string A = absolute(G);
      if (llvm::StringRef(A).starts_with(Root + "/") &&
          std::find(Files.begin(), Files.end(), A) == Files.end())
        Files.push_back(A);
    }
    // Files by every suffix of their path that starts at a '/': an include
    // name is looked up as such a suffix.
    std::map<std::string, std::vector<size_t>> BySuffix;
    for (size_t I = 0; I < Files.size(); ++I) {
      llvm::StringRef P(Files[I]);
      for (size_t Slash = P.find('/'); Slash != llvm::StringRef::npos;
           Slash = P.find('/', Slash + 1))
        BySuffix[P.substr(Slash + 1).str()].push_back(I);
    }
    std::vector<std::vector<size_t>> Edges(Files.size());
    for (size_t I = 0; I < Files.size(); ++I) {
      StatusOr<std::string> Text = readBoundedFile(Files[I], ScanBytes);
      if (!Text)
        continue;
      for (const std::string &Name : includedNames(*Text)) {
        auto It = BySuffix.find(Name);
        if (It == BySuffix.end())
          continue;
        for (size_t J : It->second)
          if (J != I) {
            Edges[I].push_back(J);
            Edges[J].push_back(I);
          }
      }
    }
    std::vector<bool> Seen(Files.size(), false);
    std::vector<size_t> Work;
    for (size_t I = 0; I < Files.size(); ++I)
      if (Have.count(Files[I])) {
        Seen[I] = true;
        Work.push_back(I);
      }
    while (!Work.empty()) {
      size_t I = Work.back();
      Work.pop_back();
      for (size_t J : Edges[I])
        if (!Seen[J]) {
          Seen[J] = true;
          Work.push_back(J);
        }
    }
    for (size_t I = 0; I < Files.size(); ++I)
      if (Seen[I] && !Have.count(Files[I]) && !isHeader(Files[I])) {
        Have.insert(Files[I]);
        Out.push_back(display(Files[I], Cwd));
      }
  }
  return Out;
}

void takeTrailingFiles(Options &O) {
  if (!O.CompilerArgs)
    return;
  std::vector<std::string> &Args = *O.CompilerArgs;
  size_t First = Args.size();
  while (First > 0) {
    const std::string &A = Args[First - 1];
    if (A.empty() || A[0] == '-' || !isCxxFile(A) || !fs::is_regular_file(A))
      break;
    // The value of a flag given as two words is not a file to lint.
    if (First > 1) {
      llvm::StringRef Prev = Args[First - 2];
      if (Prev == "-include" || Prev == "-imacros" || Prev == "-include-pch" ||
          Prev == "-o" || Prev == "-MF" || Prev == "-x")
        break;
    }
    --First;
  }
  O.Sources.insert(O.Sources.end(), Args.begin() + First, Args.end());
  Args.erase(Args.begin() + First, Args.end());
}

} // namespace gradlint::lint
