//===- lint/extract/GradMode.cpp - Grad-mode scopes and switches ---------===//

#include "lint/extract/GradMode.h"

#include "lint/extract/Torch.h"
#include "lint/extract/TrainingCalls.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace gradlint::lint::train {

std::optional<GradGuard> gradGuardOf(const VarDecl *V, Folder &Fold) {
  const CXXRecordDecl *RD = V->getType()->getAsCXXRecordDecl();
  if (!RD || !isFrameworkDecl(RD))
    return std::nullopt;
  llvm::StringRef N = declName(RD);
  const auto *CE = dyn_cast_or_null<CXXConstructExpr>(
      V->getInit() ? strip(V->getInit()) : nullptr);
  const Expr *Arg = nullptr;
  if (CE && CE->getNumArgs() >= 1 && !isa<CXXDefaultArgExpr>(CE->getArg(0)))
    Arg = CE->getArg(0);
  GradGuard G;
  G.Loc = V->getLocation();
  if (N == "NoGradGuard") {
    G.By = "NoGradGuard";
  } else if (N == "InferenceMode") {
    G.By = "InferenceMode";
    if (Arg) {
      std::optional<bool> On = Fold.boolean(Arg);
      if (!On)
        return std::nullopt;
      G.Disables = *On;
    }
  } else if (N == "AutoGradMode") {
    G.By = "AutoGradMode";
    std::optional<bool> On = Arg ? Fold.boolean(Arg) : std::nullopt;
    if (!On)
      return std::nullopt;
    G.Disables = !*On;
  } else {
    return std::nullopt;
  }
  return G;
}

bool isGradModeSwitch(const CallExpr *C, Folder &Fold,
                      std::optional<bool> &On) {
  const FunctionDecl *FD = C->getDirectCallee();
  if (!FD || declName(FD) != "set_enabled" || !isFrameworkDecl(FD) ||
      C->getNumArgs() != 1)
    return false;
  const auto *MD = dyn_cast<CXXMethodDecl>(FD);
  if (!MD || declName(MD->getParent()) != "GradMode")
    return false;
  On = Fold.boolean(C->getArg(0));
  return true;
}

} // namespace gradlint::lint::train
