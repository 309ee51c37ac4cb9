//===- lint/extract/GradMode.cpp - Grad-mode scopes and switches ---------===//

#include "lint/extract/GradMode.h"

#include "lint/extract/Torch.h"
#include "lint/extract/TrainingCalls.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"

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

const CallExpr *lastGradModeSwitch(const FunctionDecl *FD, Folder &Fold,
                                   bool &On, unsigned Depth) {
  const FunctionDecl *Def = nullptr;
  if (!FD || Depth > 3 || isFrameworkDecl(FD) || !FD->hasBody(Def) ||
      !Def->getBody())
    return nullptr;
  // In source order; lambdas run when called, not where written.
  struct Walk : RecursiveASTVisitor<Walk> {
    Folder &Fold;
    unsigned Depth;
    const CallExpr *Last = nullptr;
    bool On = true;
    Walk(Folder &Fold, unsigned Depth) : Fold(Fold), Depth(Depth) {}
    bool TraverseLambdaExpr(LambdaExpr *) { return true; }
    bool VisitCallExpr(CallExpr *C) {
      std::optional<bool> X;
      if (isGradModeSwitch(C, Fold, X)) {
        if (X) {
          Last = C;
          On = *X;
        }
        return true;
      }
      bool Inner = true;
      if (const CallExpr *S =
              lastGradModeSwitch(C->getDirectCallee(), Fold, Inner, Depth + 1)) {
        Last = S;
        On = Inner;
      }
      return true;
    }
  } W(Fold, Depth);
  W.TraverseStmt(Def->getBody());
  if (W.Last)
    On = W.On;
  return W.Last;
}

} // namespace gradlint::lint::train
