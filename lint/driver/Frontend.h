//===- lint/driver/Frontend.h - Run the extractor on each file -*- C++ -*-===//

#ifndef GRADLINT_LINT_DRIVER_FRONTEND_H
#define GRADLINT_LINT_DRIVER_FRONTEND_H

#include "lint/driver/CompileCommands.h"
#include "rules/ir/Model.h"

#include <string>
#include <vector>

namespace gradlint::lint {

/// How much of a file could be read.
enum class Outcome {
  Complete, ///< it compiled: every fact it states was read
  Partial,  ///< errors (a missing header, an unknown name): what parsed was
            ///< read, what an error touches is Unknown
  Failed,   ///< nothing could be read: unreadable, or no declaration of it
            ///< survived the errors (not C++, truncated past recovery)
};

/// Why a file's analysis was partial or failed: the first include that was
/// not found and the first error, with where they are.
struct PartialReason {
  /// Headers not found, in the order they were included (each once).
  std::vector<std::string> MissingHeaders;
  /// Where the first missing header is included.
  ir::SourceLoc MissingAt;
  /// The first error clang reported that is not a missing header.
  std::string FirstError;
  ir::SourceLoc FirstErrorAt;
  /// How many errors clang reported.
  unsigned Errors = 0;

  /// One line: "'net.h' not found (and 2 more headers)" or the first error.
  std::string summary() const;
  /// Where summary() points.
  const ir::SourceLoc &location() const {
    return MissingHeaders.empty() ? FirstErrorAt : MissingAt;
  }
};

/// What parsing one file gave: its Program, how much of it could be read,
/// and why not all.
struct FileResult {
  Outcome Result = Outcome::Failed;
  ir::Program Program;
  PartialReason Reason;
  /// What the result cache checks before it trusts a stored result; not
  /// part of the facts. Every file the parse read (the main file, its
  /// headers, a precompiled header's inputs), absolute.
  std::vector<std::string> Inputs;
  /// Where a header that was not found was looked for: a file appearing at
  /// one of these paths would change the result.
  std::vector<std::string> Absent;
};

/// Parses \p Command's file in-process (clang::tooling::ClangTool, syntax
/// only) and extracts its Model IR. An include that cannot be found is
/// served empty and clang's error recovery goes on; the extractors read
/// what parsed. Clang's own diagnostics are not printed: the result says
/// whether and why the file was read only in part. Safe to call from
/// several threads at once (Extraction.h does): each call has its own
/// ClangTool and file system.
FileResult analyseFile(const FileCommand &Command);

} // namespace gradlint::lint

#endif // GRADLINT_LINT_DRIVER_FRONTEND_H
