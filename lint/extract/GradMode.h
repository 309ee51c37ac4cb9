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

/// The last GradMode::set_enabled(x) with x known that a call to \p FD
/// leaves in effect: a helper that switches grad mode off and returns
/// (`freeze()`, a data helper that never restores it) turns it off for its
/// caller. Followed through helpers it calls, a few levels deep; null when
/// it switches nothing.
const clang::CallExpr *lastGradModeSwitch(const clang::FunctionDecl *FD,
                                          Folder &Fold, bool &On,
                                          unsigned Depth = 0);

} // namespace gradlint::lint::train

#endif // GRADLINT_LINT_EXTRACT_GRADMODE_H
