//===- lint/extract/Instances.cpp - One model per variable it builds ------===//

#include "lint/extract/Instances.h"

#include "lint/extract/Extract.h"
#include "lint/extract/Torch.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"

#include <algorithm>
#include <tuple>
#include <vector>

using namespace clang;

namespace gradlint::lint {

namespace {

/// How many copies (`auto net = policy;`) are followed to a holder.
constexpr unsigned MaxAliases = 4;

llvm::StringRef nameOf(const NamedDecl *D) {
  return D && D->getDeclName().isIdentifier() ? D->getName() : "";
}

/// Whether the code stating \p D may hold a model built by the user's code:
/// a local variable of a function (not of a module's own methods, whose
/// locals are submodules), or a member of a class that is not a module (an
/// Agent, a Trainer, a GAN holding both networks).
bool mayHold(const ValueDecl *D) {
  if (!D || D->getType().isNull() || D->getType()->isReferenceType() ||
      D->getType()->isDependentType() || !moduleClassOf(D->getType()))
    return false;
  if (const auto *V = dyn_cast<VarDecl>(D)) {
    if (isa<ParmVarDecl>(V) || !V->isLocalVarDecl())
      return false;
    const auto *FD =
        dyn_cast_or_null<FunctionDecl>(V->getParentFunctionOrMethod());
    if (!FD || FD->isDependentContext())
      return false;
    if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
      if (isModuleClass(MD->getParent()))
        return false;
    return true;
  }
  if (const auto *F = dyn_cast<FieldDecl>(D)) {
    const CXXRecordDecl *RD = dyn_cast<CXXRecordDecl>(F->getParent());
    return RD && !RD->isLambda() && !RD->isDependentContext() &&
           !isModuleClass(RD);
  }
  return false;
}

/// Nothing built: `DQN net{nullptr}`, `std::shared_ptr<Net> net;`.
bool isEmptyHolder(const Expr *E) {
  E = strip(E);
  if (!E || isa<CXXNullPtrLiteralExpr>(E) || isa<ImplicitValueInitExpr>(E))
    return true;
  if (const auto *IL = dyn_cast<InitListExpr>(E))
    return IL->getNumInits() == 0 ||
           (IL->getNumInits() == 1 && isEmptyHolder(IL->getInit(0)));
  const auto *CE = dyn_cast<CXXConstructExpr>(E);
  if (!CE || isUserModuleClass(CE->getConstructor()->getParent()))
    return false;
  if (CE->getNumArgs() == 1 && isa<CXXNullPtrLiteralExpr>(strip(CE->getArg(0))))
    return true;
  // A default-constructed smart pointer holds nothing; a default-constructed
  // TORCH_MODULE holder builds its module.
  llvm::StringRef N = nameOf(CE->getConstructor()->getParent());
  return CE->getNumArgs() == 0 && (N == "shared_ptr" || N == "unique_ptr");
}

/// Records holders and what they receive.
class HolderCollector : public RecursiveASTVisitor<HolderCollector> {
public:
  HolderCollector(ASTContext &Ctx, ModelInstances &I) : Ctx(Ctx), I(I) {}

  bool shouldVisitLambdaBody() const { return true; }

  bool TraverseDecl(Decl *D) {
    if (!D)
      return true;
    if (!isa<TranslationUnitDecl>(D) && !isUserLoc(Ctx, D->getLocation()))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }

  bool VisitVarDecl(VarDecl *V) {
    if (mayHold(V) && V->getInit())
      I.noteValue(V, V->getInit());
    return true;
  }
  bool VisitFieldDecl(FieldDecl *F) {
    if (mayHold(F) && F->hasInClassInitializer() && F->getInClassInitializer())
      I.noteValue(F, F->getInClassInitializer());
    return true;
  }
  bool VisitCXXConstructorDecl(CXXConstructorDecl *Ctor) {
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (Init->isWritten() && Init->getMember() && Init->getInit() &&
          mayHold(Init->getMember()))
        I.noteValue(Init->getMember(), Init->getInit());
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->getOpcode() == BO_Assign)
      assign(BO->getLHS(), BO->getRHS());
    return true;
  }
  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *OC) {
    if (OC->getOperator() == OO_Equal && OC->getNumArgs() == 2)
      assign(OC->getArg(0), OC->getArg(1));
    return true;
  }

private:
  void assign(const Expr *LHS, const Expr *RHS) {
    const Expr *L = strip(LHS);
    const ValueDecl *D = nullptr;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(L))
      D = DRE->getDecl();
    else if (const auto *ME = dyn_cast<MemberExpr>(L))
      D = ME->getMemberDecl();
    if (mayHold(D))
      I.noteValue(D, RHS);
  }

  ASTContext &Ctx;
  ModelInstances &I;
};

} // namespace

std::string ModelInstances::definitionBuilt(const Expr *E) const {
  E = strip(E);
  if (!E || touchedByError(E))
    return "";
  if (const auto *IL = dyn_cast<InitListExpr>(E))
    return IL->getNumInits() == 1 ? definitionBuilt(IL->getInit(0)) : "";
  if (const auto *New = dyn_cast<CXXNewExpr>(E)) {
    const CXXRecordDecl *RD = New->getAllocatedType()->getAsCXXRecordDecl();
    return RD && isUserModuleClass(RD) ? modelNameOf(RD) : "";
  }
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    // `policy->clone()`: a deep copy, a model of its own.
    if (nameOf(MC->getMethodDecl()) != "clone")
      return "";
    const CXXRecordDecl *RD =
        moduleClassOf(MC->getImplicitObjectArgument()->getType());
    return RD && isUserModuleClass(RD) ? modelNameOf(RD) : "";
  }
  if (const auto *C = dyn_cast<CallExpr>(E)) {
    if (isa<CXXOperatorCallExpr>(C))
      return "";
    const FunctionDecl *FD = C->getDirectCallee();
    if (!FD)
      return "";
    llvm::StringRef N = nameOf(FD);
    if (FD->isInStdNamespace()) {
      // std::make_shared<Net>(...), and the casts around a clone().
      if (N == "dynamic_pointer_cast" || N == "static_pointer_cast")
        return C->getNumArgs() == 1 ? definitionBuilt(C->getArg(0)) : "";
      if (N != "make_shared" && N != "make_unique")
        return "";
      const CXXRecordDecl *RD = moduleClassOf(C->getType());
      return RD && isUserModuleClass(RD) ? modelNameOf(RD) : "";
    }
    if (isFrameworkDecl(FD) || !isUserLoc(Ctx, FD->getLocation()))
      return "";
    // A factory: a user function returning a module.
    const CXXRecordDecl *RD = moduleClassOf(FD->getReturnType());
    if (!RD || FD->getReturnType()->isReferenceType())
      return "";
    if (isUserModuleClass(RD))
      return modelNameOf(RD);
    if (isFrameworkDecl(RD) && frameworkModuleName(RD) == "Sequential" &&
        !isa<CXXMethodDecl>(FD))
      return FD->getQualifiedNameAsString(); // as Sequentials.cpp names it
    return "";
  }
  if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
    if (CE->getConstructor()->isCopyOrMoveConstructor() || isEmptyHolder(CE))
      return "";
    // `Net net(4, 2)`, `DQN target_net_(obs, actions)` (a TORCH_MODULE
    // holder of a user module).
    const CXXRecordDecl *RD = moduleClassOf(CE->getType());
    return RD && isUserModuleClass(RD) ? modelNameOf(RD) : "";
  }
  return "";
}

void ModelInstances::noteValue(const ValueDecl *D, const Expr *Value) {
  std::string Def = definitionBuilt(Value);
  if (Def.empty() && isEmptyHolder(Value))
    return;
  Holder &H = Holders[D];
  if (Def.empty() || (!H.Def.empty() && H.Def != Def)) {
    H.Invalid = true;
    if (const ValueDecl *From = referencedDecl(Value))
      if (From != D)
        Aliases[D] = From;
    return;
  }
  if (H.Def.empty()) {
    H.Def = Def;
    H.Scope = isa<FieldDecl>(D)
                  ? cast<Decl>(cast<FieldDecl>(D)->getParent())
                  : cast<Decl>(cast<VarDecl>(D)->getParentFunctionOrMethod());
    H.Loc = irLoc(Ctx, D->getLocation());
    if (const auto *F = dyn_cast<FieldDecl>(D))
      H.Name = F->getParent()->getQualifiedNameAsString() + "::" +
               F->getNameAsString();
    else if (const auto *FD = dyn_cast_or_null<FunctionDecl>(
                 cast<VarDecl>(D)->getParentFunctionOrMethod()))
      H.Name = FD->getQualifiedNameAsString() + "::" + D->getNameAsString();
  }
}

void ModelInstances::collect() {
  HolderCollector C(Ctx, *this);
  forEachUserDecl(Ctx, [&](Decl *D) { C.TraverseDecl(D); });
  for (const auto &[D, H] : Holders)
    if (!H.Invalid && !H.Def.empty())
      if (++Count[{H.Scope, H.Def}] >= 2)
        Multiple.insert(H.Def);
}

bool ModelInstances::multiplyBuilt(const std::string &Def) const {
  return Multiple.count(Def) != 0;
}

bool ModelInstances::isInstance(const Holder &H) const {
  auto It = Count.find({H.Scope, H.Def});
  return !H.Invalid && It != Count.end() && It->second >= 2;
}

std::string ModelInstances::holderName(const ValueDecl *D) const {
  auto It = Holders.find(D);
  if (It == Holders.end() || !isInstance(It->second))
    return "";
  return It->second.Name;
}

std::string ModelInstances::modelName(const Expr *E) const {
  std::string Def = modelNameOfExpr(E);
  const ValueDecl *D = referencedDecl(E);
  for (unsigned I = 0; D && I <= MaxAliases; ++I) {
    auto It = Holders.find(D);
    if (It != Holders.end() && !It->second.Invalid)
      return isInstance(It->second) ? It->second.Name : It->second.Def;
    auto A = Aliases.find(D);
    if (A == Aliases.end())
      break;
    D = A->second;
  }
  // Built more than once, and this is none of the holders: which one it is
  // is unknown.
  if (!Def.empty() && multiplyBuilt(Def))
    return "";
  return Def;
}

void ModelInstances::addModels(ir::Program &Prog) const {
  std::vector<const Holder *> Out;
  for (const auto &[D, H] : Holders)
    if (isInstance(H))
      Out.push_back(&H);
  // Source order, not the map's pointer order.
  std::sort(Out.begin(), Out.end(), [](const Holder *A, const Holder *B) {
    return std::tie(A->Loc.File, A->Loc.Line, A->Loc.Column, A->Name) <
           std::tie(B->Loc.File, B->Loc.Line, B->Loc.Column, B->Name);
  });
  for (const Holder *H : Out) {
    if (Prog.findModel(H->Name))
      continue;
    ir::Model M;
    M.Name = H->Name;
    M.InstanceOf = H->Def;
    M.Loc = H->Loc;
    Prog.Models.push_back(std::move(M));
  }
}

} // namespace gradlint::lint
