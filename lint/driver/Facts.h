//===- lint/driver/Facts.h - One file's extraction as JSON -----*- C++ -*-===//
//
// What parsing one translation unit gave (Frontend.h's FileResult: how much
// could be read, why not all, and its Model IR), written as JSON losslessly.
// The result cache stores it, `gradlint extract` writes it as a facts file
// and `gradlint check` reads facts files back to merge them.
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
constexpr int FactsJsonVersion = 1;

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

/// {"format": "gradlint-facts", "version", "file", "path", "result"}.
std::string factsToJson(const Facts &F);

/// Reads a facts file's text; anything else (another format or version,
/// truncated, a missing key) is an error saying what is wrong.
StatusOr<Facts> factsFromJson(llvm::StringRef Text);

} // namespace gradlint::lint

#endif // GRADLINT_LINT_DRIVER_FACTS_H
