//===- lint/tidy/PartialParse.h - Partial files as the command --*- C++ -*-===//
//
// The command reads a file that does not compile in its own way
// (lint/driver/Frontend.cpp): an include that cannot be found is skipped,
// there is no error limit and no typo correction, and a range-for Clang
// dropped because its range did not resolve is recovered by parsing again
// with the range replaced (lint/extract/LoopRecovery.h). clang-tidy's parse
// of the same file differs: a missing include is a fatal error, after which
// Clang instantiates no further template (a Sequential's layers, a data
// loader's type stay unresolved) and reports no further error, and the
// dropped loops stay dropped, so the plugin would miss training loops and
// models the command finds.
//
// For a file with errors, the plugin therefore reads it as the command
// does, by nested parses of the main file in memory, with the compiler
// options of clang-tidy's own parse (language, target, include paths,
// macros, forced includes, PCH) and the command's error handling. A file
// that compiles is read from clang-tidy's AST, as before.
//
//===----------------------------------------------------------------------===//

#ifndef GRADLINT_LINT_TIDY_PARTIALPARSE_H
#define GRADLINT_LINT_TIDY_PARTIALPARSE_H

#include "rules/ir/Model.h"

#include <optional>

namespace clang {
class ASTContext;
class Preprocessor;
} // namespace clang

namespace clang::tidy::gradlint {

/// The Model IR of the main file of \p Ctx (parsed by \p PP) as the
/// command reads it when the parse had errors: a parse as the command's
/// first, then up to two with dropped range-fors recovered, as many as the
/// command makes. std::nullopt when the parse had no error (clang-tidy's
/// AST is the command's), or when the nested parse could not run (the
/// caller reads clang-tidy's AST).
std::optional<::gradlint::ir::Program> readPartialFile(ASTContext &Ctx,
                                                       Preprocessor &PP);

} // namespace clang::tidy::gradlint

#endif // GRADLINT_LINT_TIDY_PARTIALPARSE_H
