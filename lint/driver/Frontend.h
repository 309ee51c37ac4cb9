//===- lint/driver/Frontend.h - Run the extractor on each file -*- C++ -*-===//

#ifndef GRADLINT_LINT_DRIVER_FRONTEND_H
#define GRADLINT_LINT_DRIVER_FRONTEND_H

#include "lint/driver/CompileCommands.h"
#include "rules/ir/Model.h"

#include <string>
#include <vector>

namespace gradlint::lint {

/// What parsing one file gave: its Program, or a failure (clang has printed
/// its errors on stderr).
struct FileResult {
  bool Ok = false;
  ir::Program Program;
};

/// Parses each command's file in-process (clang::tooling::ClangTool, syntax
/// only) and extracts its Model IR; \p Jobs files at a time. Results are in
/// the order of \p Commands.
std::vector<FileResult> analyseFiles(const std::vector<FileCommand> &Commands,
                                     unsigned Jobs);

} // namespace gradlint::lint

#endif // GRADLINT_LINT_DRIVER_FRONTEND_H
