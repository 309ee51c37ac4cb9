//===- lint/driver/CompileCommands.h - Compile commands per file -*- C++ -*-===//
//
// Where each source's compiler flags come from, as clang-tidy finds them:
// -p <dir>, flags after `--`, or compile_commands.json searched upward from
// the file (and in build/, out/, cmake-build-*/ beside each directory); else
// `-std=c++17`. Then the header fallback (--header-mode) and the flags a
// syntax-only, in-process run needs.
//
//===----------------------------------------------------------------------===//

#ifndef GRADLINT_LINT_DRIVER_COMPILECOMMANDS_H
#define GRADLINT_LINT_DRIVER_COMPILECOMMANDS_H

#include "lint/driver/Options.h"
#include "rules/ir/Status.h"

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace clang::tooling {
class CompilationDatabase;
}

namespace gradlint::lint {

/// One file's compiler invocation: argv (with the compiler first and the
/// file among the arguments) run in Directory.
struct FileCommand {
  std::string File;
  std::string Directory;
  std::vector<std::string> Args;
  /// No compile database and no `--` flags: the include folders were
  /// guessed (ProjectLayout.h).
  bool GuessedIncludes = false;
  /// Which precompiled header the parse may use (addPch() picks it: only
  /// a file that is parsed needs one, a cached result does not).
  enum class PchKind { None, Api, Real } WantsPch = PchKind::None;
  /// The API model of an Api PCH.
  std::string ApiDir;
  /// gradlint's PCH once addPch() found one (its -include-pch is in Args);
  /// no part of the result cache's key.
  std::string Pch;
};

/// Adds -include-pch of the precompiled header \p C wants (building or
/// validating it in the PCH cache) to \p C, when one can be had. Called
/// right before a parse: the result cache is consulted without it.
void addPch(FileCommand &C);

class CompileCommands {
public:
  /// Loads -p's database, if any; an unreadable or malformed database is a
  /// configuration error (`<path>: <what>`).
  static StatusOr<std::unique_ptr<CompileCommands>> create(const Options &O,
                                                           const char *Argv0);
  ~CompileCommands();

  /// The command for \p File (as the user named it), adjusted for gradlint. A malformed
  /// compile_commands.json found on the way is a configuration error.
  StatusOr<FileCommand> commandFor(const std::string &File);

  /// Every file -p's database lists, sorted (none without -p).
  std::vector<std::string> databaseFiles() const;

  /// The bundled API model directory in use, or empty if none was found.
  const std::string &apiDir() const { return ApiDir; }

private:
  CompileCommands() = default;
  StatusOr<clang::tooling::CompilationDatabase *>
  databaseNear(const std::string &File);
  StatusOr<clang::tooling::CompilationDatabase *>
  load(const std::string &JsonPath);
  void adjust(FileCommand &C) const;

  const Options *Opts = nullptr;
  std::string ApiDir;
  std::string ResourceDir;
  std::unique_ptr<clang::tooling::CompilationDatabase> Explicit;
  std::map<std::string, std::unique_ptr<clang::tooling::CompilationDatabase>>
      Loaded;
  std::map<std::string, std::string> DirToDatabase;
};

} // namespace gradlint::lint

#endif // GRADLINT_LINT_DRIVER_COMPILECOMMANDS_H
