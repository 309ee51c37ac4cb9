//===- lint/driver/Facts.h - One file's extraction as JSON -----*- C++ -*-===//
//
// What parsing one translation unit gave (Frontend.h's FileResult: how much
// could be read, why not all, and its Model IR), written as JSON losslessly.
// The result cache stores it, `gradlint extract` writes it as a facts file
// and `gradlint check` reads facts files back to merge them.
//
// A facts file names the files under a root (--facts-root, else the
// repository's top level) relative to it ("${root}/src/net.cpp"), so facts
// extracted in one checkout are checked in another at another path (CI
// jobs, remote executors); files outside the root (system headers) keep
// their absolute paths, and relative names (as clang or the user spelled
// them) stay as they are.
//
//===----------------------------------------------------------------------===//

#ifndef GRADLINT_LINT_DRIVER_FACTS_H
#define GRADLINT_LINT_DRIVER_FACTS_H

#include "lint/driver/Frontend.h"
#include "rules/ir/Status.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/JSON.h"

#include <string>

namespace gradlint::lint {

/// The version written as "version" in facts files.
constexpr int FactsJsonVersion = 2;

/// A FileResult as {"outcome", "reason", "program"}.
llvm::json::Value fileResultToJson(const FileResult &R);

/// Reads fileResultToJson's output back; a schema error names the key.
StatusOr<FileResult> fileResultFromJson(const llvm::json::Value &V);

/// One translation unit's facts as `gradlint extract` writes them.
struct Facts {
  /// The file as the run named it (in error messages and notes).
  std::string File;
  /// Its absolute path: the order `gradlint check` merges in, and the main
  /// files a header filter always shows.
  std::string Path;
  FileResult Result;
};

/// {"format": "gradlint-facts", "version", "file", "path", "result"}, with
/// every absolute path under \p Root ("" for none) written relative to it
/// (rootRelative()).
std::string factsToJson(const Facts &F, llvm::StringRef Root = "");

/// Reads a facts file's text, its paths under the root taken relative to
/// \p Root (absolute); anything else (another format or version,
/// truncated, a missing key) is an error saying what is wrong.
StatusOr<Facts> factsFromJson(llvm::StringRef Text, llvm::StringRef Root = "");

/// \p P as a facts file writes it: an absolute path under \p Root as
/// "${root}/<the rest>", any other path as it is (a path outside the root,
/// or a relative one as clang or the user named it).
std::string rootRelative(llvm::StringRef P, llvm::StringRef Root);

/// The path "${root}/<rest>" names under \p Root; any other as it is.
std::string fromRootRelative(llvm::StringRef P, llvm::StringRef Root);

/// The root facts paths are relative to when none is given: the git top
/// level at or above \p Dir (absolute), else \p Dir. `gradlint extract` and
/// `check` start from -p's folder or the current one, the clang-tidy plugin
/// from the file it checks.
std::string projectRootOf(const std::string &Dir);

} // namespace gradlint::lint

#endif // GRADLINT_LINT_DRIVER_FACTS_H
