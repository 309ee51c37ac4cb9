//===- lint/extract/TrainingCalls.cpp - Calls and bindings ---------------===//

#include "lint/extract/TrainingCalls.h"

#include "lint/extract/Torch.h"

#include "clang/AST/ParentMapContext.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;

namespace gradlint::lint::train {

llvm::StringRef declName(const NamedDecl *D) {
  if (D && D->getDeclName().isIdentifier())
    return D->getName();
  return "";
}

/// The class a type names, through references, pointers, unique_ptr and
/// shared_ptr.
const CXXRecordDecl *heldRecord(QualType T) {
  T = T.getNonReferenceType().getCanonicalType();
  if (const auto *PT = T->getAs<PointerType>())
    T = PT->getPointeeType().getCanonicalType();
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(RD))
    if ((Spec->getName() == "unique_ptr" || Spec->getName() == "shared_ptr") &&
        Spec->getTemplateArgs().size() >= 1 &&
        Spec->getTemplateArgs()[0].getKind() == TemplateArgument::Type)
      return Spec->getTemplateArgs()[0].getAsType()->getAsCXXRecordDecl();
  return RD;
}

bool derivesFromFramework(const CXXRecordDecl *RD, llvm::StringRef Base) {
  if (!RD || !RD->hasDefinition())
    return false;
  RD = RD->getDefinition();
  if (declName(RD) == Base && isFrameworkDecl(RD))
    return true;
  bool Found = false;
  RD->forallBases([&](const CXXRecordDecl *B) {
    if (declName(B) == Base && isFrameworkDecl(B))
      Found = true;
    return true;
  });
  return Found;
}

/// The object a member call or a call operator is invoked on.
const Expr *objectOf(const CallExpr *C) {
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(C))
    return MC->getImplicitObjectArgument();
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(C))
    if (OC->getOperator() == OO_Call && OC->getNumArgs() >= 1)
      return OC->getArg(0);
  return nullptr;
}

/// The arguments after the object (for `obj(a, b)` a and b).
std::vector<const Expr *> callArgs(const CallExpr *C) {
  std::vector<const Expr *> Out;
  unsigned First = 0;
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(C))
    if (OC->getOperator() == OO_Call)
      First = 1;
  for (unsigned I = First; I < C->getNumArgs(); ++I)
    if (!isa<CXXDefaultArgExpr>(C->getArg(I)))
      Out.push_back(C->getArg(I));
  return Out;
}

std::string varName(const Expr *E) {
  if (const ValueDecl *D = referencedDecl(E))
    return D->getNameAsString();
  return "";
}

Context contextOf(ASTContext &Ctx, DynTypedNode N) {
  Context C;
  DynTypedNode Child = N;
  for (unsigned Depth = 0; Depth < 256; ++Depth) {
    DynTypedNodeList Parents = Ctx.getParents(Child);
    if (Parents.empty())
      break;
    DynTypedNode P = Parents[0];
    if (const auto *FD = P.get<FunctionDecl>()) {
      C.Function = FD;
      if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
        if (MD->getParent()->isLambda()) {
          // The lambda's own function is not a name anyone wrote: continue
          // to the function that defines the lambda.
          Child = P;
          C.Function = nullptr;
          continue;
        }
      break;
    }
    const Stmt *S = Child.get<Stmt>();
    if (!C.Loop && S) {
      const Stmt *Body = nullptr;
      if (const auto *F = P.get<ForStmt>())
        Body = F->getBody();
      else if (const auto *W = P.get<WhileStmt>())
        Body = W->getBody();
      else if (const auto *D = P.get<DoStmt>())
        Body = D->getBody();
      else if (const auto *R = P.get<CXXForRangeStmt>())
        Body = R->getBody();
      if (Body && Body == S)
        C.Loop = P.get<Stmt>();
    }
    Child = P;
  }
  return C;
}

/// The member a constructor's init-list entry initialises with \p E (the
/// parent map skips CXXCtorInitializer and names the constructor).
const FieldDecl *initializedMember(DynTypedNode Parent, DynTypedNode Child) {
  const auto *Ctor = Parent.get<CXXConstructorDecl>();
  const Expr *E = Child.get<Expr>();
  if (!Ctor || !E)
    return nullptr;
  for (const CXXCtorInitializer *Init : Ctor->inits())
    if (Init->getInit() == E)
      return Init->getMember();
  return nullptr;
}

/// The variable or member that receives a constructed object.
std::string receiverName(ASTContext &Ctx, const Expr *E) {
  DynTypedNode Child = DynTypedNode::create(*E);
  for (unsigned Depth = 0; Depth < 12; ++Depth) {
    DynTypedNodeList Parents = Ctx.getParents(Child);
    if (Parents.empty())
      return "";
    DynTypedNode P = Parents[0];
    if (const auto *V = P.get<VarDecl>())
      return V->getNameAsString();
    if (const auto *Init = P.get<CXXCtorInitializer>())
      return Init->getMember() ? Init->getMember()->getNameAsString() : "";
    if (const FieldDecl *F = initializedMember(P, Child))
      return F->getNameAsString();
    if (const auto *F = P.get<FieldDecl>())
      return F->getNameAsString();
    if (const auto *B = P.get<BinaryOperator>())
      return B->getOpcode() == BO_Assign ? varName(B->getLHS()) : "";
    if (const auto *OC = P.get<CXXOperatorCallExpr>())
      return OC->getOperator() == OO_Equal ? varName(OC->getArg(0)) : "";
    if (const auto *MC = P.get<CXXMemberCallExpr>())
      return declName(MC->getMethodDecl()) == "reset"
                 ? varName(MC->getImplicitObjectArgument())
                 : "";
    if (!P.get<Expr>())
      return "";
    Child = P;
  }
  return "";
}

const LambdaExpr *findLambda(const Expr *E, unsigned Depth) {
  if (!E || Depth > 8)
    return nullptr;
  if (const auto *L = dyn_cast<LambdaExpr>(E))
    return L;
  for (const Stmt *Child : E->children())
    if (const auto *CE = dyn_cast_or_null<Expr>(Child))
      if (const LambdaExpr *L = findLambda(CE, Depth + 1))
        return L;
  return nullptr;
}

bool FunctionCollector::TraverseDecl(Decl *D) {
  if (!D)
    return true;
  if (!isa<TranslationUnitDecl>(D) && !isUserLoc(Ctx, D->getLocation()))
    return true;
  return RecursiveASTVisitor::TraverseDecl(D);
}

bool FunctionCollector::VisitFunctionDecl(FunctionDecl *FD) {
  if (FD->doesThisDeclarationHaveABody() && !FD->isDependentContext())
    Functions.push_back(FD);
  else if (FD->doesThisDeclarationHaveABody() &&
           FD->getDescribedFunctionTemplate())
    Functions.push_back(FD); // template pattern: what can be read of it
  return true;
}

} // namespace gradlint::lint::train
