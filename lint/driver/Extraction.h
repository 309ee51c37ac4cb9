//===- lint/driver/Extraction.h - The extract phase of a run ---*- C++ -*-===//
//
// Each file's facts, from the result cache when it still holds them, else
// parsed (Frontend.h) and stored; Jobs files at a time, with a progress
// line on a terminal.
//
//===----------------------------------------------------------------------===//

#ifndef GRADLINT_LINT_DRIVER_EXTRACTION_H
#define GRADLINT_LINT_DRIVER_EXTRACTION_H

#include "lint/driver/CompileCommands.h"
#include "lint/driver/Frontend.h"

#include <string>
#include <vector>

namespace gradlint::lint {

class ResultCache;

struct ExtractSettings {
  unsigned Jobs = 1;
  /// Say on stderr, per file, "parsed" or "facts from cache".
  bool Verbose = false;
  /// Draw the progress line (Progress::wanted()).
  bool Progress = false;
  /// May be disabled; never null.
  const ResultCache *Cache = nullptr;
};

/// The results of \p Commands, in their order; \p Names are the files as
/// the user named them (messages and the progress line).
std::vector<FileResult> extractFiles(const std::vector<FileCommand> &Commands,
                                     const std::vector<std::string> &Names,
                                     const ExtractSettings &S);

} // namespace gradlint::lint

#endif // GRADLINT_LINT_DRIVER_EXTRACTION_H
