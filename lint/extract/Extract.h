//===- lint/extract/Extract.h - AST to Model IR ----------------*- C++ -*-===//
//
// The LibTorch adapter: reads one translation unit's AST and returns the
// facts it states as Model IR. Used by the gradlint command and, once per
// translation unit, by the clang-tidy module.
//
//===----------------------------------------------------------------------===//

#ifndef GRADLINT_LINT_EXTRACT_EXTRACT_H
#define GRADLINT_LINT_EXTRACT_EXTRACT_H

#include "rules/ir/Model.h"

namespace clang {
class ASTContext;
class SourceLocation;
} // namespace clang

namespace gradlint::lint {

/// Builds the Model IR of the translation unit in \p Ctx. Only code in the
/// main file and in non-system headers is read (not the framework headers).
ir::Program extractProgram(clang::ASTContext &Ctx);

/// The IR location of \p Loc (its expansion location in a macro).
ir::SourceLoc irLoc(const clang::ASTContext &Ctx, clang::SourceLocation Loc);

} // namespace gradlint::lint

#endif // GRADLINT_LINT_EXTRACT_EXTRACT_H
