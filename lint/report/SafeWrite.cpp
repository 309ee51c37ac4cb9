//===- lint/report/SafeWrite.cpp - Writes that cannot lose data -----------===//

#include "lint/report/SafeWrite.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

namespace gradlint::lint {

namespace fs = llvm::sys::fs;
namespace path = llvm::sys::path;

std::string canonicalPath(llvm::StringRef File) {
  llvm::SmallString<256> Real;
  if (!fs::real_path(File, Real))
    return std::string(Real);
  llvm::SmallString<256> Abs(File);
  fs::make_absolute(Abs);
  path::remove_dots(Abs, /*remove_dot_dot=*/true);
  return std::string(Abs);
}

/// Writes to an open stream and closes it; the stream's error, cleared so
/// that LLVM does not abort on it, as one line.
static Status finish(llvm::raw_fd_ostream &OS, llvm::StringRef Content,
                     const std::string &Name) {
  OS << Content;
  OS.close();
  if (std::error_code EC = OS.error()) {
    OS.clear_error();
    return Status::error(Name + ": " + EC.message());
  }
  return Status::ok();
}

Status writeFileAtomically(const std::string &Path, llvm::StringRef Content) {
  fs::file_status St;
  bool Exists = !fs::status(Path, St);
  if (Exists && fs::is_directory(St))
    return Status::error(Path + ": is a directory");
  if (Exists && !fs::is_regular_file(St)) {
    // A device or a pipe: nothing to rename over.
    std::error_code EC;
    llvm::raw_fd_ostream OS(Path, EC, fs::OF_None);
    if (EC)
      return Status::error(Path + ": " + EC.message());
    return finish(OS, Content, Path);
  }
  // Through symbolic links: the rename replaces the file, not the link.
  std::string Target = Exists ? canonicalPath(Path) : Path;
  llvm::SmallString<256> Model(Target);
  Model += ".gradlint-%%%%%%.tmp";
  int FD = -1;
  llvm::SmallString<256> Tmp;
  if (std::error_code EC = fs::createUniqueFile(Model, FD, Tmp))
    return Status::error(Path + ": " + EC.message());
  Status S = Status::ok();
  {
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
    S = finish(OS, Content, Path);
  }
  if (S && Exists)
    if (std::error_code EC = fs::setPermissions(Tmp, St.permissions()))
      S = Status::error(Path + ": " + EC.message());
  if (S)
    if (std::error_code EC = fs::rename(Tmp, Target))
      S = Status::error(Path + ": " + EC.message());
  if (!S)
    fs::remove(Tmp);
  return S;
}

Status writeStdout(llvm::StringRef Content) {
  llvm::raw_fd_ostream &OS = llvm::outs();
  OS << Content;
  OS.flush();
  if (std::error_code EC = OS.error()) {
    OS.clear_error();
    return Status::error("<stdout>: " + EC.message());
  }
  return Status::ok();
}

} // namespace gradlint::lint
