//===- lint/extract/GradMode.h - Grad-mode scopes and switches --*- C++ -*-===//
//
// What turns gradient recording off: a guard variable (torch::NoGradGuard,
// c10::InferenceMode, AutoGradMode(false)) for the rest of its scope, and
// GradMode::set_enabled(false) until set_enabled(true).
//
//===----------------------------------------------------------------------===//

#ifndef GRADLINT_LINT_EXTRACT_GRADMODE_H
#define GRADLINT_LINT_EXTRACT_GRADMODE_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"

#include <optional>
#include <string>

namespace gradlint::lint {
class Folder;
} // namespace gradlint::lint

namespace gradlint::lint::train {

/// A grad-mode setting in effect: what set it, where, and whether it
/// disables gradients (InferenceMode(false) does not).
struct GradGuard {
  std::string By;
  clang::SourceLocation Loc;
  bool Disables = true;
};

/// The guard a local variable declares, or std::nullopt when it declares
/// none or its argument is not known statically.
std::optional<GradGuard> gradGuardOf(const clang::VarDecl *V, Folder &Fold);

/// Whether \p C is GradMode::set_enabled(x); \p On is then x when known.
bool isGradModeSwitch(const clang::CallExpr *C, Folder &Fold,
                      std::optional<bool> &On);

} // namespace gradlint::lint::train

#endif // GRADLINT_LINT_EXTRACT_GRADMODE_H
