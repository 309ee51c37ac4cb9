//===- lint/extract/TrainingBindings.cpp - Parameters bound at call sites -===//

#include "lint/extract/TrainingBindings.h"

#include "lint/extract/Instances.h"
#include "lint/extract/Optimizers.h"
#include "lint/extract/Torch.h"
#include "lint/extract/TrainingCalls.h"

#include "clang/AST/RecursiveASTVisitor.h"

using namespace clang;

namespace gradlint::lint::train {

namespace {

/// How many calls deep a binding is followed (main -> fit -> epoch -> step).
constexpr unsigned MaxDepth = 4;

/// The user function a call reaches, or null for framework and library
/// functions.
const FunctionDecl *userCallee(const ASTContext &Ctx, const FunctionDecl *FD) {
  if (!FD || isFrameworkDecl(FD) || !isUserLoc(Ctx, FD->getLocation()))
    return nullptr;
  return FD;
}

/// Records call sites, constructions and member initialisations.
class BindingCollector : public RecursiveASTVisitor<BindingCollector> {
public:
  BindingCollector(ASTContext &Ctx, Bindings &B) : Ctx(Ctx), B(B) {}

  bool shouldVisitLambdaBody() const { return true; }

  bool TraverseDecl(Decl *D) {
    if (!D)
      return true;
    if (!isa<TranslationUnitDecl>(D) && !isUserLoc(Ctx, D->getLocation()))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }

  bool VisitCallExpr(CallExpr *C) {
    const FunctionDecl *FD = C->getDirectCallee();
    if (!FD)
      return true;
    if (const FunctionDecl *U = userCallee(Ctx, FD)) {
      unsigned First = 0;
      // `obj(a, b)` on a method: the object is argument 0.
      if (isa<CXXOperatorCallExpr>(C) && isa<CXXMethodDecl>(U))
        First = 1;
      bindArgs(U, C->getArgs() + First, C->getNumArgs() - First);
      return true;
    }
    // std::make_shared<Trainer>(model, opt): the arguments go to the one
    // constructor that takes that many.
    llvm::StringRef N = declName(FD);
    if ((N == "make_shared" || N == "make_unique") &&
        FD->getTemplateSpecializationArgs() &&
        FD->getTemplateSpecializationArgs()->size() >= 1 &&
        FD->getTemplateSpecializationArgs()->get(0).getKind() ==
            TemplateArgument::Type) {
      const CXXRecordDecl *RD = FD->getTemplateSpecializationArgs()
                                    ->get(0)
                                    .getAsType()
                                    ->getAsCXXRecordDecl();
      if (!RD || !RD->hasDefinition() || isFrameworkDecl(RD))
        return true;
      const CXXConstructorDecl *Only = nullptr;
      unsigned Count = 0;
      for (const CXXConstructorDecl *Ctor : RD->getDefinition()->ctors())
        if (!Ctor->isCopyOrMoveConstructor() &&
            Ctor->getNumParams() == C->getNumArgs()) {
          Only = Ctor;
          ++Count;
        }
      if (Count == 1)
        bindArgs(Only, C->getArgs(), C->getNumArgs());
    }
    return true;
  }

  bool VisitCXXConstructExpr(CXXConstructExpr *CE) {
    const CXXConstructorDecl *Ctor = CE->getConstructor();
    if (Ctor && !Ctor->isCopyOrMoveConstructor() && userCallee(Ctx, Ctor))
      bindArgs(Ctor, CE->getArgs(), CE->getNumArgs());
    return true;
  }

  bool VisitCXXConstructorDecl(CXXConstructorDecl *Ctor) {
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (Init->isWritten() && Init->getMember() && Init->getInit())
        B.bind(Init->getMember(), Init->getInit());
    return true;
  }

  // `net_ = net;` `optimizer_ = std::make_unique<torch::optim::Adam>(...)`.
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
    const auto *ME = dyn_cast<MemberExpr>(strip(LHS));
    if (!ME || !isa<FieldDecl>(ME->getMemberDecl()))
      return;
    if (!isa<CXXThisExpr>(strip(ME->getBase())))
      return;
    B.bind(ME->getMemberDecl(), RHS);
  }

  void bindArgs(const FunctionDecl *FD, const Expr *const *Args,
                unsigned NumArgs) {
    for (unsigned I = 0; I < NumArgs && I < FD->getNumParams(); ++I)
      if (!isa<CXXDefaultArgExpr>(Args[I]))
        B.bind(FD->getParamDecl(I), Args[I]);
  }

  ASTContext &Ctx;
  Bindings &B;
};

} // namespace

Bindings::Bindings(ASTContext &Ctx, const OptimizerFinder &Opts,
                   const ModelInstances &Instances)
    : Ctx(Ctx), Opts(Opts), Instances(Instances) {}

void Bindings::collect() {
  BindingCollector C(Ctx, *this);
  forEachUserDecl(Ctx, [&](Decl *D) { C.TraverseDecl(D); });
}

const ValueDecl *Bindings::key(const ValueDecl *D) const {
  const auto *P = dyn_cast_or_null<ParmVarDecl>(D);
  if (!P)
    return D;
  // One key per parameter across redeclarations (declared in a header,
  // defined in the .cpp) and template instantiations (the call reaches
  // train<Net>, the body read is the pattern's).
  const auto *FD = dyn_cast_or_null<FunctionDecl>(P->getDeclContext());
  if (!FD)
    return D;
  if (const FunctionDecl *Pattern = FD->getTemplateInstantiationPattern())
    FD = Pattern;
  FD = FD->getCanonicalDecl();
  unsigned I = P->getFunctionScopeIndex();
  return I < FD->getNumParams() ? FD->getParamDecl(I) : D;
}

void Bindings::bind(const ValueDecl *Target, const Expr *Value) {
  if (Target && Value)
    Values[key(Target)].push_back(Value);
}

bool Bindings::isBound(const ValueDecl *D) const {
  return D && (isa<ParmVarDecl>(D) || isa<FieldDecl>(D)) &&
         Values.count(key(D));
}

std::string Bindings::modelOf(const Expr *E) const {
  const ValueDecl *D = referencedDecl(E);
  if (!isBound(D))
    return "";
  return modelOfDecl(D, 0);
}

std::string Bindings::modelName(const Expr *E) const {
  std::string Bound = modelOf(E);
  return Bound.empty() ? Instances.modelName(E) : Bound;
}

std::string Bindings::modelOfDecl(const ValueDecl *D, unsigned Depth) const {
  if (Depth > MaxDepth)
    return "";
  // A member that holds one of several models built alike is that one.
  std::string Held = Instances.holderName(D);
  if (!Held.empty())
    return Held;
  auto It = Values.find(key(D));
  if (It == Values.end())
    return "";
  std::string Name;
  for (const Expr *V : It->second) {
    std::string M = modelOfValue(V, Depth + 1);
    // Two call sites with two different models: which one this is
    // depends on the call, and nothing is guessed.
    if (M.empty() || (!Name.empty() && M != Name))
      return "";
    Name = M;
  }
  return Name;
}

std::string Bindings::modelOfValue(const Expr *E, unsigned Depth) const {
  // An argument an error touches holds an unknown model.
  if (touchedByError(E))
    return "";
  const ValueDecl *D = referencedDecl(E);
  if (isBound(D))
    return modelOfDecl(D, Depth);
  return Instances.modelName(E);
}

int Bindings::optimizerOf(const Expr *E) const {
  return optimizerOfValue(E, 0);
}

int Bindings::optimizerOfDecl(const ValueDecl *D, unsigned Depth) const {
  if (Depth > MaxDepth)
    return -1;
  auto It = Values.find(key(D));
  if (It == Values.end())
    return -1;
  int Index = -1;
  for (const Expr *V : It->second) {
    int I = optimizerOfValue(V, Depth + 1);
    if (I < 0 || (Index >= 0 && I != Index))
      return -1;
    Index = I;
  }
  return Index;
}

int Bindings::optimizerOfValue(const Expr *E, unsigned Depth) const {
  if (!E || touchedByError(E))
    return -1;
  auto It = Opts.ByExpr.find(strip(E));
  if (It != Opts.ByExpr.end())
    return It->second;
  const ValueDecl *D = referencedDecl(E);
  if (isBound(D))
    return optimizerOfDecl(D, Depth);
  return Opts.optimizerOf(E);
}

} // namespace gradlint::lint::train
