//===- lint/driver/RunSupport.cpp - What the phases of a run share --------===//

#include "lint/driver/Run.h"

#include "lint/report/BoundedInput.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/raw_ostream.h"

#include <cctype>

namespace gradlint::lint {

/// Prints `gradlint: error: <Message>` and returns \p S.
int fail(ExitStatus S, const std::string &Message) {
  llvm::errs() << "gradlint: error: " << Message << "\n";
  return exitCode(S);
}

/// A configuration error that names its place (`.clang-tidy:4:11: msg`) as
/// compilers print one, `.clang-tidy:4:11: error: msg`, so editors and
/// :cfile jump to it; any other message as fail() prints it.
int failAt(ExitStatus S, const std::string &Message) {
  llvm::Regex Located("^(.+:[0-9]+:[0-9]+): (.*)$");
  llvm::SmallVector<llvm::StringRef, 3> M;
  // `--config:1:5` names an option, not a file to jump to.
  if (!Located.match(Message, &M) || M[1].starts_with("-"))
    return fail(S, Message);
  llvm::errs() << M[1] << ": error: " << M[2] << "\n";
  return exitCode(S);
}

std::string absolute(llvm::StringRef P) {
  llvm::SmallString<256> A(P);
  llvm::sys::fs::make_absolute(A);
  llvm::sys::path::remove_dots(A, true);
  return std::string(A);
}

/// The git top level above the current directory, else the directory.
std::string projectRoot() { return projectRootOf(absolute(".")); }

/// The root facts files name paths relative to: --facts-root, else the
/// repository of -p's database (extract) or of the current directory.
std::string factsRoot(const Options &O) {
  if (!O.FactsRoot.empty())
    return absolute(O.FactsRoot);
  if (O.ExtractCommand && !O.BuildPath.empty())
    return projectRootOf(absolute(O.BuildPath));
  return projectRoot();
}

bool fails(ir::Severity S, FailOn F) {
  switch (F) {
  case FailOn::Never:
    return false;
  case FailOn::Error:
    return S == ir::Severity::Error;
  case FailOn::Warning:
    return S != ir::Severity::Note;
  case FailOn::Note:
    return true;
  }
  return true;
}

/// Reads a whole file; the error is one line naming it.
StatusOr<std::string> readFile(const std::string &Path) {
  // Never a FIFO or a device, never without a size limit.
  return readBoundedFile(Path, InputLimits::ModelJsonBytes);
}

/// llvm::json's "[3:12, byte=40]: Expected ..." as "path:3:12: expected ...".
std::string jsonError(const std::string &Path, const std::string &Msg) {
  llvm::StringRef M(Msg);
  if (M.consume_front("[")) {
    auto [Pos, Rest] = M.split("]: ");
    auto [LineCol, Byte] = Pos.split(", ");
    (void)Byte;
    std::string Text = Rest.str();
    if (!Text.empty())
      Text[0] = static_cast<char>(std::tolower(Text[0]));
    return Path + ":" + LineCol.str() + ": " + Text;
  }
  return Path + ": " + Msg;
}

} // namespace gradlint::lint
