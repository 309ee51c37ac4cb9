//===- lint/extract/ModelExtractor.cpp - Models, layers, init -------------===//
//
// Reads the models a translation unit builds. Three sources of facts:
//  - module classes: members, how each is constructed and registered, the
//    chain forward() applies, initialisation in constructors (Modules,
//    ForwardChain, Layers);
//  - Sequentials built in functions and factories returning them
//    (Sequentials);
//  - initialisation applied from outside (`model->apply(fn)`, loops over
//    `model->parameters()`, `model->fc->weight`) (Initialisation).
// This file holds the driver and the helpers those files share.
//
//===----------------------------------------------------------------------===//

#include "lint/extract/ModelExtractor.h"

#include "lint/extract/ModelExtractorInternal.h"

#include "clang/AST/RecursiveASTVisitor.h"

using namespace clang;

namespace gradlint::lint {
namespace models {

std::string calleeName(const CallExpr *Call) {
  if (const FunctionDecl *FD = Call->getDirectCallee())
    if (FD->getDeclName().isIdentifier())
      return FD->getName().str();
  return "";
}

/// Peels the wrappers around a callable passed to Functional or apply():
/// std::function constructions, decays, address-of.
const Expr *peelCallable(const Expr *E) {
  for (unsigned I = 0; E && I < 8; ++I) {
    E = strip(E);
    if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
      if (CE->getNumArgs() >= 1) {
        E = CE->getArg(0);
        continue;
      }
      return E;
    }
    if (const auto *U = dyn_cast<UnaryOperator>(E))
      if (U->getOpcode() == UO_AddrOf) {
        E = U->getSubExpr();
        continue;
      }
    return E;
  }
  return E;
}

bool isSequentialType(QualType T) {
  const CXXRecordDecl *RD = moduleClassOf(T);
  return RD && isFrameworkDecl(RD) && frameworkModuleName(RD) == "Sequential";
}

/// `for (int i = A; i < B; ++i)` with A and B known: the variable and count.
std::optional<std::pair<const VarDecl *, std::pair<int64_t, int64_t>>>
countedLoop(const ForStmt *For, Folder &Fold) {
  const auto *DS = dyn_cast_or_null<DeclStmt>(For->getInit());
  if (!DS || !DS->isSingleDecl())
    return std::nullopt;
  const auto *V = dyn_cast<VarDecl>(DS->getSingleDecl());
  if (!V || !V->getInit())
    return std::nullopt;
  std::optional<int64_t> From = Fold.integer(V->getInit());
  const auto *Cond = dyn_cast_or_null<BinaryOperator>(For->getCond());
  if (!From || !Cond)
    return std::nullopt;
  const auto *L = dyn_cast<DeclRefExpr>(strip(Cond->getLHS()));
  if (!L || L->getDecl() != V)
    return std::nullopt;
  std::optional<int64_t> To = Fold.integer(Cond->getRHS());
  if (!To)
    return std::nullopt;
  int64_t End = *To;
  if (Cond->getOpcode() == BO_LE)
    End += 1;
  else if (Cond->getOpcode() != BO_LT)
    return std::nullopt;
  const auto *Inc = dyn_cast_or_null<UnaryOperator>(For->getInc());
  if (!Inc || !Inc->isIncrementOp())
    return std::nullopt;
  return std::make_pair(V, std::make_pair(*From, End));
}

ir::Model &Extractor::model(const std::string &Name) {
  for (ir::Model &M : Prog.Models)
    if (M.Name == Name)
      return M;
  Prog.Models.emplace_back();
  Prog.Models.back().Name = Name;
  return Prog.Models.back();
}

void Extractor::run() {
  struct Collector : RecursiveASTVisitor<Collector> {
    ASTContext &Ctx;
    std::vector<const CXXRecordDecl *> Classes;
    std::vector<const FunctionDecl *> Functions;
    explicit Collector(ASTContext &Ctx) : Ctx(Ctx) {}
    bool shouldVisitTemplateInstantiations() const { return true; }
    bool VisitCXXRecordDecl(CXXRecordDecl *RD) {
      if (RD->isThisDeclarationADefinition() && !RD->isDependentContext() &&
          !RD->isLambda() && isUserLoc(Ctx, RD->getLocation()) &&
          isUserModuleClass(RD))
        Classes.push_back(RD);
      return true;
    }
    bool VisitFunctionDecl(FunctionDecl *FD) {
      if (FD->doesThisDeclarationHaveABody() && !FD->isDependentContext() &&
          isUserLoc(Ctx, FD->getLocation())) {
        if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
          if (isUserModuleClass(MD->getParent()) || MD->getParent()->isLambda())
            return true;
        Functions.push_back(FD);
      }
      return true;
    }
  } C(Ctx);
  forEachUserDecl(Ctx, [&](Decl *D) { C.TraverseDecl(D); });
  // Models are referenced by pointer while a function is walked; reserve so
  // that adding models never moves them.
  Prog.Models.reserve(Prog.Models.size() + C.Classes.size() +
                      4 * C.Functions.size() + 16);
  for (const CXXRecordDecl *RD : C.Classes)
    extractClass(RD);
  for (const FunctionDecl *FD : C.Functions)
    extractFunction(FD);
}

} // namespace models

void extractModels(ASTContext &Ctx, Folder &Fold, ir::Program &Prog) {
  models::Extractor(Ctx, Fold, Prog).run();
}

} // namespace gradlint::lint
