//===- lint/extract/Losses.cpp - Loss functions and modules --------------===//

#include "lint/extract/Losses.h"

#include "lint/extract/Extract.h"
#include "lint/extract/Torch.h"

#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang;

namespace gradlint::lint::train {

std::optional<ir::LossKind> lossFunction(llvm::StringRef N) {
  return llvm::StringSwitch<std::optional<ir::LossKind>>(N)
      .Case("mse_loss", ir::LossKind::MSE)
      .Case("l1_loss", ir::LossKind::L1)
      .Case("smooth_l1_loss", ir::LossKind::SmoothL1)
      .Case("huber_loss", ir::LossKind::Huber)
      .Case("binary_cross_entropy", ir::LossKind::BCE)
      .Case("binary_cross_entropy_with_logits", ir::LossKind::BCEWithLogits)
      .Case("cross_entropy", ir::LossKind::CrossEntropy)
      .Case("nll_loss", ir::LossKind::NLL)
      .Case("kl_div", ir::LossKind::KLDiv)
      .Default(std::nullopt);
}

std::optional<ir::LossKind> lossModule(llvm::StringRef N) {
  return llvm::StringSwitch<std::optional<ir::LossKind>>(N)
      .Case("MSELoss", ir::LossKind::MSE)
      .Case("L1Loss", ir::LossKind::L1)
      .Case("SmoothL1Loss", ir::LossKind::SmoothL1)
      .Case("HuberLoss", ir::LossKind::Huber)
      .Case("BCELoss", ir::LossKind::BCE)
      .Case("BCEWithLogitsLoss", ir::LossKind::BCEWithLogits)
      .Case("CrossEntropyLoss", ir::LossKind::CrossEntropy)
      .Case("NLLLoss", ir::LossKind::NLL)
      .Case("KLDivLoss", ir::LossKind::KLDiv)
      .Default(std::nullopt);
}

std::optional<ir::LossKind> lossModuleOf(const Expr *E) {
  if (!E)
    return std::nullopt;
  const CXXRecordDecl *RD = moduleClassOf(strip(E)->getType());
  if (!RD || !isFrameworkDecl(RD))
    return std::nullopt;
  return lossModule(frameworkModuleName(RD));
}

std::vector<ir::TextDeletion> unwrapActivation(ASTContext &Ctx, const Expr *E) {
  std::vector<ir::TextDeletion> Out;
  const SourceManager &SM = Ctx.getSourceManager();
  const auto *C = dyn_cast_or_null<CallExpr>(strip(E));
  if (!C || !isFrameworkDecl(C->getDirectCallee()))
    return Out;
  const FunctionDecl *FD = C->getDirectCallee();
  if (!FD->getDeclName().isIdentifier() || !activationOfFunction(FD->getName()))
    return Out;
  const Expr *Arg = nullptr;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(C))
    Arg = MC->getImplicitObjectArgument();
  else if (!isa<CXXOperatorCallExpr>(C) && C->getNumArgs() >= 1)
    Arg = C->getArg(0);
  if (!Arg)
    return Out;
  SourceLocation CallBegin = C->getBeginLoc(), ArgBegin = Arg->getBeginLoc();
  SourceLocation ArgEnd =
      Lexer::getLocForEndOfToken(Arg->getEndLoc(), 0, SM, Ctx.getLangOpts());
  SourceLocation CallEnd =
      Lexer::getLocForEndOfToken(C->getEndLoc(), 0, SM, Ctx.getLangOpts());
  for (SourceLocation L : {CallBegin, ArgBegin, ArgEnd, CallEnd})
    if (L.isInvalid() || L.isMacroID())
      return Out;
  if (SM.getFileID(CallBegin) != SM.getFileID(CallEnd))
    return Out;
  unsigned B = SM.getFileOffset(CallBegin), AB = SM.getFileOffset(ArgBegin),
           AE = SM.getFileOffset(ArgEnd), E2 = SM.getFileOffset(CallEnd);
  if (!(B <= AB && AB < AE && AE <= E2))
    return Out;
  if (AB > B)
    Out.push_back({irLoc(Ctx, CallBegin), AB - B});
  if (E2 > AE)
    Out.push_back({irLoc(Ctx, ArgEnd), E2 - AE});
  return Out;
}

} // namespace gradlint::lint::train
