//===- lint/driver/ProjectLayout.cpp - Files and folders of a project -----===//

#include "lint/driver/ProjectLayout.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <set>

namespace gradlint::lint {

namespace fs = llvm::sys::fs;
namespace path = llvm::sys::path;

bool isCxxFile(const std::string &Path) {
  llvm::StringRef Ext = path::extension(Path);
  for (llvm::StringRef E : {".cpp", ".cc", ".cxx", ".c++", ".C", ".h", ".hh",
                            ".hpp", ".hxx", ".h++", ".cu", ".cuh", ".ipp",
                            ".tpp", ".inl"})
    if (Ext == E)
      return true;
  return false;
}

static bool skippedFolder(llvm::StringRef Name) {
  return Name.starts_with(".") || Name == "out" || Name.starts_with("build") ||
         Name.starts_with("cmake-build-") || Name == "CMakeFiles" ||
         Name == "node_modules";
}

std::vector<std::string> cxxFilesUnder(const std::string &Dir) {
  std::vector<std::string> Out;
  std::error_code EC;
  // recursive_directory_iterator does not follow symlinks by default, so a
  // link cycle cannot loop.
  for (fs::recursive_directory_iterator It(Dir, EC, /*follow_symlinks=*/false),
       End;
       !EC && It != End; It.increment(EC)) {
    const std::string &P = It->path();
    fs::file_type T = It->type();
    if (T == fs::file_type::directory_file) {
      if (skippedFolder(path::filename(P)))
        It.no_push();
      continue;
    }
    if ((T == fs::file_type::regular_file ||
         T == fs::file_type::symlink_file) &&
        isCxxFile(P) && fs::is_regular_file(P))
      Out.push_back(P);
  }
  std::sort(Out.begin(), Out.end());
  return Out;
}

std::string repositoryRoot(const std::string &AbsFile) {
  llvm::SmallString<256> Dir(path::parent_path(AbsFile));
  for (llvm::SmallString<256> D = Dir; !D.empty();) {
    llvm::SmallString<256> Git(D);
    path::append(Git, ".git");
    if (fs::exists(Git))
      return std::string(D);
    llvm::StringRef Parent = path::parent_path(D);
    if (Parent == D)
      break;
    D.truncate(Parent.size()); // a prefix of D; `D = Parent` aliases
  }
  // No repository: the current folder when the file is under it (a person
  // runs the linter from the project's top), else the file's folder.
  llvm::SmallString<256> Cwd;
  if (!fs::current_path(Cwd)) {
    llvm::StringRef F(AbsFile);
    if (F.starts_with(Cwd) && F.size() > Cwd.size() && F[Cwd.size()] == '/')
      return std::string(Cwd);
  }
  return std::string(Dir);
}

std::vector<std::string> guessedIncludeDirs(const std::string &AbsFile) {
  std::vector<std::string> Out;
  std::set<std::string> Seen;
  auto Add = [&](llvm::StringRef D) {
    if (fs::is_directory(D) && Seen.insert(D.str()).second)
      Out.push_back(D.str());
  };
  std::string Root = repositoryRoot(AbsFile);
  llvm::SmallString<256> Dir(path::parent_path(AbsFile));
  Add(Dir);
  for (llvm::SmallString<256> D = Dir; !D.empty();) {
    for (const char *Sub : {"include", "src"}) {
      llvm::SmallString<256> P(D);
      path::append(P, Sub);
      Add(P);
    }
    if (D == Root)
      break;
    llvm::StringRef Parent = path::parent_path(D);
    if (Parent == D)
      break;
    D.truncate(Parent.size()); // a prefix of D; `D = Parent` aliases
  }
  Add(Root);
  return Out;
}

} // namespace gradlint::lint
