//===- lint/extract/TrainingExtractor.cpp - Optimizers, steps, data -------===//
//
// Two passes over the user's code. The first finds every optimizer
// construction (a variable, a temporary, `new`, std::make_unique/shared)
// and the rates set on it later (param_groups()[i].options().lr(x),
// set_lr(x), StepLR). The second walks each function that calls backward()
// or an optimizer's step() in source order and records what it does as a
// tree of loops, branches and calls.
//
//===----------------------------------------------------------------------===//

#include "lint/extract/TrainingExtractor.h"

#include "lint/extract/Extract.h"
#include "lint/extract/Torch.h"
#include "lint/extract/TrainingData.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringSwitch.h"

#include <algorithm>
#include <cmath>
#include <set>

using namespace clang;

namespace gradlint::lint {

namespace {

llvm::StringRef declName(const NamedDecl *D) {
  if (D && D->getDeclName().isIdentifier())
    return D->getName();
  return "";
}

std::optional<ir::OptimizerKind> optimizerKindOf(const CXXRecordDecl *RD) {
  if (!RD || !isFrameworkDecl(RD))
    return std::nullopt;
  return llvm::StringSwitch<std::optional<ir::OptimizerKind>>(declName(RD))
      .Case("SGD", ir::OptimizerKind::SGD)
      .Case("Adam", ir::OptimizerKind::Adam)
      .Case("AdamW", ir::OptimizerKind::AdamW)
      .Case("RMSprop", ir::OptimizerKind::RMSprop)
      .Case("Adagrad", ir::OptimizerKind::Adagrad)
      .Case("LBFGS", ir::OptimizerKind::LBFGS)
      .Default(std::nullopt);
}

/// The documented default rate of each optimizer's options; SGD has none
/// (SGDOptions has no default constructor).
std::optional<double> defaultRate(ir::OptimizerKind K) {
  switch (K) {
  case ir::OptimizerKind::Adam:
  case ir::OptimizerKind::AdamW:
    return 1e-3;
  case ir::OptimizerKind::RMSprop:
  case ir::OptimizerKind::Adagrad:
    return 1e-2;
  case ir::OptimizerKind::LBFGS:
    return 1.0;
  case ir::OptimizerKind::SGD:
  case ir::OptimizerKind::Unknown:
    return std::nullopt;
  }
  return std::nullopt;
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

/// Whether an expression is an optimizer object (any torch::optim one).
bool isOptimizerExpr(const Expr *E) {
  return E && derivesFromFramework(heldRecord(E->getType()), "Optimizer");
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

/// The loss module an expression holds (`criterion`, `*criterion`).
std::optional<ir::LossKind> lossModuleOf(const Expr *E) {
  if (!E)
    return std::nullopt;
  const CXXRecordDecl *RD = moduleClassOf(strip(E)->getType());
  if (!RD || !isFrameworkDecl(RD))
    return std::nullopt;
  return lossModule(frameworkModuleName(RD));
}

/// The enclosing function of a node, and the innermost loop whose body
/// holds it.
struct Context {
  const FunctionDecl *Function = nullptr;
  const Stmt *Loop = nullptr;
};

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

/// The model whose parameters an expression lists: `model->parameters()`,
/// `model.parameters()`, a submodule's parameters (the owning model), or a
/// local variable holding one of these.
void readParameters(Folder &Fold, const Expr *E, ir::Optimizer &O,
                    unsigned Depth = 0) {
  if (!E || Depth > 8)
    return;
  E = strip(E);
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl()))
      if (const Expr *Init = Fold.stableInit(V))
        readParameters(Fold, Init, O, Depth + 1);
    return;
  }
  const auto *MC = dyn_cast<CXXMemberCallExpr>(E);
  if (!MC)
    return;
  llvm::StringRef N = declName(MC->getMethodDecl());
  if (N != "parameters" && N != "named_parameters")
    return;
  const Expr *Obj = MC->getImplicitObjectArgument();
  // `model->fc->parameters()`: the model that owns the submodule.
  for (unsigned I = 0; I < 4; ++I) {
    const Expr *S = strip(Obj);
    const Expr *Base = nullptr;
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(S))
      if (OC->getOperator() == OO_Arrow)
        S = strip(OC->getArg(0));
    if (const auto *ME = dyn_cast<MemberExpr>(S))
      if (isa<FieldDecl>(ME->getMemberDecl()) && !ME->getBase()->isImplicitCXXThis() &&
          !isa<CXXThisExpr>(strip(ME->getBase())))
        Base = ME->getBase();
    if (!Base || modelNameOfExpr(Base).empty())
      break;
    Obj = Base;
  }
  O.ModelVar = varName(Obj);
  O.ModelName = modelNameOfExpr(Obj);
}

std::optional<double> tupleAt(Folder &Fold, const Expr *E, unsigned I) {
  E = strip(E);
  if (const auto *CE = dyn_cast_or_null<CXXConstructExpr>(E)) {
    if (CE->getNumArgs() == 1)
      return tupleAt(Fold, CE->getArg(0), I);
    if (CE->getNumArgs() > I)
      return Fold.number(CE->getArg(I));
  }
  if (const auto *IL = dyn_cast_or_null<InitListExpr>(E))
    if (IL->getNumInits() > I)
      return Fold.number(IL->getInit(I));
  return std::nullopt;
}

/// Collects optimizer constructions and later rate changes.
class OptimizerFinder : public RecursiveASTVisitor<OptimizerFinder> {
public:
  OptimizerFinder(ASTContext &Ctx, Folder &Fold, ir::Program &Prog)
      : Ctx(Ctx), Fold(Fold), Prog(Prog) {}

  bool shouldVisitLambdaBody() const { return true; }

  bool TraverseDecl(Decl *D) {
    if (!D)
      return true;
    if (!isa<TranslationUnitDecl>(D) && !isUserLoc(Ctx, D->getLocation()))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }

  bool VisitCXXConstructExpr(CXXConstructExpr *CE) {
    const CXXConstructorDecl *Ctor = CE->getConstructor();
    if (!isUserLoc(Ctx, CE->getBeginLoc()) || Ctor->isCopyOrMoveConstructor())
      return true;
    const CXXRecordDecl *RD = Ctor->getParent();
    if (std::optional<ir::OptimizerKind> K = optimizerKindOf(RD)) {
      std::vector<const Expr *> Args(CE->arguments().begin(),
                                     CE->arguments().end());
      add(CE, *K, Args);
    } else if (declName(RD) == "StepLR" && isFrameworkDecl(RD)) {
      Schedulers.push_back(CE);
    }
    return true;
  }

  bool VisitCallExpr(CallExpr *C) {
    if (!isUserLoc(Ctx, C->getBeginLoc()))
      return true;
    const FunctionDecl *FD = C->getDirectCallee();
    if (!FD)
      return true;
    llvm::StringRef N = declName(FD);
    if ((N == "make_unique" || N == "make_shared") &&
        FD->getTemplateSpecializationArgs() &&
        FD->getTemplateSpecializationArgs()->size() >= 1 &&
        FD->getTemplateSpecializationArgs()->get(0).getKind() ==
            TemplateArgument::Type) {
      const CXXRecordDecl *RD = FD->getTemplateSpecializationArgs()
                                    ->get(0)
                                    .getAsType()
                                    ->getAsCXXRecordDecl();
      if (std::optional<ir::OptimizerKind> K = optimizerKindOf(RD)) {
        std::vector<const Expr *> Args(C->arguments().begin(),
                                       C->arguments().end());
        add(C, *K, Args);
      }
      return true;
    }
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(C))
      if ((N == "lr" || N == "set_lr") && MC->getNumArgs() == 1)
        RateSets.push_back(MC);
    return true;
  }

  /// Resolves the rates set later, once every optimizer is known.
  void finish();

  /// Which optimizer an expression names, -1 if none.
  int optimizerOf(const Expr *E) const {
    const ValueDecl *D = referencedDecl(E);
    if (!D)
      return -1;
    auto It = ByDecl.find(D);
    return It == ByDecl.end() ? -1 : It->second;
  }

  const ir::Program &program() const { return Prog; }

  /// Optimizer index by its construction expression.
  llvm::DenseMap<const Expr *, int> ByExpr;

private:
  void add(const Expr *E, ir::OptimizerKind K,
           const std::vector<const Expr *> &Args);
  void readRate(ir::Optimizer &O, const Expr *OptionsArg, SourceLocation At);
  int paramGroupsOwner(const Expr *E, unsigned Depth = 0) const;

  ASTContext &Ctx;
  Folder &Fold;
  ir::Program &Prog;
  llvm::DenseMap<const ValueDecl *, int> ByDecl;
  std::vector<const CXXMemberCallExpr *> RateSets;
  std::vector<const CXXConstructExpr *> Schedulers;
};

void OptimizerFinder::add(const Expr *E, ir::OptimizerKind K,
                          const std::vector<const Expr *> &Args) {
  ir::Optimizer O;
  O.Kind = K;
  O.Loc = irLoc(Ctx, E->getBeginLoc());
  O.Var = receiverName(Ctx, E);
  Context C = contextOf(Ctx, DynTypedNode::create(*E));
  if (C.Function)
    O.Function = C.Function->getQualifiedNameAsString();
  if (C.Loop) {
    O.InLoop = true;
    O.LoopLoc = irLoc(Ctx, C.Loop->getBeginLoc());
  }
  if (!Args.empty())
    readParameters(Fold, Args[0], O);
  const Expr *Options = nullptr;
  if (Args.size() >= 2 && !isa<CXXDefaultArgExpr>(Args[1]))
    Options = Args[1];
  readRate(O, Options, E->getBeginLoc());

  int Index = static_cast<int>(Prog.Optimizers.size());
  Prog.Optimizers.push_back(std::move(O));
  ByExpr[E] = Index;
  // The variable it is stored in, for step()/zero_grad()/param_groups().
  DynTypedNode Child = DynTypedNode::create(*E);
  for (unsigned Depth = 0; Depth < 12; ++Depth) {
    DynTypedNodeList Parents = Ctx.getParents(Child);
    if (Parents.empty())
      break;
    DynTypedNode P = Parents[0];
    if (const auto *V = P.get<VarDecl>()) {
      ByDecl[V] = Index;
      // A declaration is reported at its start, not at the variable name
      // where Clang puts the construction.
      Prog.Optimizers[Index].Loc = irLoc(Ctx, V->getBeginLoc());
      break;
    }
    if (const auto *Init = P.get<CXXCtorInitializer>()) {
      if (Init->getMember())
        ByDecl[Init->getMember()] = Index;
      break;
    }
    if (const FieldDecl *F = initializedMember(P, Child)) {
      ByDecl[F] = Index;
      break;
    }
    if (const auto *B = P.get<BinaryOperator>()) {
      if (const ValueDecl *D = referencedDecl(B->getLHS()))
        ByDecl[D] = Index;
      break;
    }
    if (const auto *OC = P.get<CXXOperatorCallExpr>()) {
      if (OC->getOperator() == OO_Equal)
        if (const ValueDecl *D = referencedDecl(OC->getArg(0)))
          ByDecl[D] = Index;
      break;
    }
    if (const auto *MC = P.get<CXXMemberCallExpr>()) {
      if (declName(MC->getMethodDecl()) == "reset")
        if (const ValueDecl *D =
                referencedDecl(MC->getImplicitObjectArgument()))
          ByDecl[D] = Index;
      break;
    }
    if (!P.get<Expr>())
      break;
    Child = P;
  }
}

void OptimizerFinder::readRate(ir::Optimizer &O, const Expr *OptionsArg,
                               SourceLocation At) {
  auto defaulted = [&] {
    O.LR = defaultRate(O.Kind);
    O.LRDefaulted = O.LR.has_value();
    O.LRLoc = irLoc(Ctx, At);
  };
  if (!OptionsArg) {
    defaulted();
    return;
  }
  const Expr *E = strip(OptionsArg);
  // An options object held in a variable that never changes.
  for (unsigned Depth = 0; Depth < 4; ++Depth) {
    const auto *DRE = dyn_cast<DeclRefExpr>(E);
    if (!DRE || isTensorType(DRE->getType()))
      break;
    const auto *V = dyn_cast<VarDecl>(DRE->getDecl());
    if (!V || V->getType()->isArithmeticType())
      break;
    const Expr *Init = Fold.stableInit(V);
    if (!Init)
      return; // unknown
    E = strip(Init);
  }
  OptionsExpr Opts = readOptions(E);
  if (!Opts.Valid) {
    // A plain number where the API takes the rate directly.
    if (E->getType()->isArithmeticType()) {
      O.LR = Fold.number(E);
      O.LRLoc = irLoc(Ctx, E->getBeginLoc());
    }
    return;
  }
  auto setter = [&](const char *Name) -> const Expr * {
    auto It = Opts.Setters.find(Name);
    return It == Opts.Setters.end() ? nullptr : It->second;
  };
  const Expr *Rate = setter("lr");
  if (!Rate && !Opts.Args.empty())
    Rate = Opts.Args[0];
  if (Rate) {
    O.LR = Fold.number(Rate);
    O.LRLoc = irLoc(Ctx, strip(Rate)->getBeginLoc());
  } else {
    defaulted();
    O.LRLoc = irLoc(Ctx, E->getBeginLoc());
  }
  if (const Expr *M = setter("momentum"))
    O.Momentum = Fold.number(M);
  if (const Expr *N = setter("nesterov"))
    O.Nesterov = Fold.boolean(N);
  if (const Expr *W = setter("weight_decay"))
    O.WeightDecay = Fold.number(W);
  if (const Expr *Eps = setter("eps"))
    O.Eps = Fold.number(Eps);
  if (const Expr *B = setter("betas")) {
    O.Beta1 = tupleAt(Fold, B, 0);
    O.Beta2 = tupleAt(Fold, B, 1);
  }
}

/// The optimizer whose param_groups() an options expression comes from:
/// `static_cast<AdamOptions &>(opt.param_groups()[0].options())`, or the
/// loop variable of `for (auto &g : opt.param_groups())`.
int OptimizerFinder::paramGroupsOwner(const Expr *E, unsigned Depth) const {
  if (!E || Depth > 12)
    return -1;
  E = strip(E);
  if (const auto *C = dyn_cast<ExplicitCastExpr>(E))
    return paramGroupsOwner(C->getSubExpr(), Depth + 1);
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    llvm::StringRef N = declName(MC->getMethodDecl());
    const Expr *Obj = MC->getImplicitObjectArgument();
    if (N == "param_groups")
      return optimizerOf(Obj);
    if (N == "options" || N == "at" || N == "front" || N == "back")
      return paramGroupsOwner(Obj, Depth + 1);
    return -1;
  }
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (OC->getOperator() == OO_Subscript && OC->getNumArgs() >= 1)
      return paramGroupsOwner(OC->getArg(0), Depth + 1);
    return -1;
  }
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const auto *V = dyn_cast<VarDecl>(DRE->getDecl());
    if (!V)
      return -1;
    for (const DynTypedNode &P : Ctx.getParents(*V))
      if (const auto *DS = P.get<DeclStmt>())
        for (const DynTypedNode &PP : Ctx.getParents(*DS))
          if (const auto *For = PP.get<CXXForRangeStmt>())
            if (For->getLoopVariable() == V)
              return paramGroupsOwner(For->getRangeInit(), Depth + 1);
    if (V->isLocalVarDecl() && V->getType()->isReferenceType() && V->getInit())
      return paramGroupsOwner(V->getInit(), Depth + 1);
  }
  return -1;
}

void OptimizerFinder::finish() {
  struct LaterRate {
    unsigned Offset;
    int Index;
    double Rate;
    SourceLocation Loc;
  };
  std::vector<LaterRate> Later;
  for (const CXXMemberCallExpr *MC : RateSets) {
    int I = paramGroupsOwner(MC->getImplicitObjectArgument());
    if (I < 0)
      continue;
    if (std::optional<double> V = Fold.number(MC->getArg(0)))
      Later.push_back({fileOffset(Ctx, MC->getBeginLoc()), I, *V,
                       MC->getArg(0)->getBeginLoc()});
  }
  // StepLR(opt, step_size, gamma): the rate after its first decay. How
  // many decays happen depends on the epoch count; one is what is certain
  // once the schedule runs a step_size of epochs.
  for (const CXXConstructExpr *CE : Schedulers) {
    if (CE->getNumArgs() < 3)
      continue;
    int I = optimizerOf(CE->getArg(0));
    if (I < 0 || !Prog.Optimizers[I].LR)
      continue;
    std::optional<double> Gamma = Fold.number(CE->getArg(2));
    if (!Gamma)
      continue;
    Later.push_back({fileOffset(Ctx, CE->getBeginLoc()), I,
                     *Prog.Optimizers[I].LR * *Gamma, CE->getBeginLoc()});
  }
  std::stable_sort(Later.begin(), Later.end(),
                   [](const auto &A, const auto &B) { return A.Offset < B.Offset; });
  for (const LaterRate &L : Later) {
    Prog.Optimizers[L.Index].LaterRates.push_back(L.Rate);
    Prog.Optimizers[L.Index].LaterRateLocs.push_back(irLoc(Ctx, L.Loc));
  }
}

/// What the model output went through before reaching a loss.
struct PredTrace {
  const Expr *ModelObj = nullptr;
  /// Activations from the loss back to the model (reversed at the end).
  std::vector<std::pair<ir::ActivationKind, SourceLocation>> Acts;
  bool Detached = false;
  SourceLocation DetachLoc;
};

/// The deletions that turn `torch::softmax(out, 1)` / `F::softmax(out, o)`
/// into `out`, and `out.sigmoid()` into `out`, when \p E is directly such a
/// call written outside any macro. Empty when the call is anything else.
static std::vector<ir::TextDeletion> unwrapActivation(ASTContext &Ctx,
                                                      const Expr *E) {
  std::vector<ir::TextDeletion> Out;
  const SourceManager &SM = Ctx.getSourceManager();
  const auto *C = dyn_cast_or_null<CallExpr>(strip(E));
  if (!C || !isFrameworkDecl(C->getDirectCallee()))
    return Out;
  const FunctionDecl *FD = C->getDirectCallee();
  if (!FD->getDeclName().isIdentifier() ||
      !activationOfFunction(FD->getName()))
    return Out;
  const Expr *Arg = nullptr;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(C))
    Arg = MC->getImplicitObjectArgument();
  else if (!isa<CXXOperatorCallExpr>(C) && C->getNumArgs() >= 1)
    Arg = C->getArg(0);
  if (!Arg)
    return Out;
  SourceLocation CallBegin = C->getBeginLoc(), ArgBegin = Arg->getBeginLoc();
  SourceLocation ArgEnd = Lexer::getLocForEndOfToken(Arg->getEndLoc(), 0, SM,
                                                     Ctx.getLangOpts());
  SourceLocation CallEnd = Lexer::getLocForEndOfToken(C->getEndLoc(), 0, SM,
                                                      Ctx.getLangOpts());
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

/// Builds the step tree of one function.
class StepWalker {
public:
  StepWalker(ASTContext &Ctx, Folder &Fold, const OptimizerFinder &Opts,
             const AssignmentIndex &Assigns, std::set<const LambdaExpr *> &Closures)
      : Ctx(Ctx), Fold(Fold), Opts(Opts), Assigns(Assigns), Closures(Closures) {}

  void walk(const Stmt *S, std::vector<ir::StepNode> &Out);
  bool trains() const { return SawBackward || SawStep; }

private:
  struct Guard {
    std::string By;
    SourceLocation Loc;
    bool Disables = true;
  };

  void walkExpr(const Expr *E, std::vector<ir::StepNode> &Out);
  void classify(const CallExpr *C, std::vector<ir::StepNode> &Out);
  void guardFrom(const VarDecl *V);
  void event(ir::StepEvent Ev, SourceLocation Loc, std::vector<ir::StepNode> &Out);
  bool isModel(const Expr *Obj) const { return !modelNameOfExpr(Obj).empty(); }
  void tracePred(const Expr *E, PredTrace &T, unsigned Depth);
  const CallExpr *forwardCall(const Expr *E) const;

  ASTContext &Ctx;
  Folder &Fold;
  const OptimizerFinder &Opts;
  const AssignmentIndex &Assigns;
  std::set<const LambdaExpr *> &Closures;
  std::vector<Guard> Guards;
  std::optional<Guard> GradMode;
  bool SawBackward = false, SawStep = false;
};

void StepWalker::event(ir::StepEvent Ev, SourceLocation Loc,
                       std::vector<ir::StepNode> &Out) {
  Ev.Loc = irLoc(Ctx, Loc);
  const Guard *Active = nullptr;
  if (!Guards.empty())
    Active = &Guards.back();
  else if (GradMode)
    Active = &*GradMode;
  if (Active && Active->Disables) {
    Ev.GradDisabledBy = Active->By;
    Ev.GradDisabledLoc = irLoc(Ctx, Active->Loc);
  }
  ir::StepNode N;
  N.Kind = ir::StepNode::Event;
  N.Loc = Ev.Loc;
  N.Ev = std::move(Ev);
  Out.push_back(std::move(N));
}

void StepWalker::guardFrom(const VarDecl *V) {
  const CXXRecordDecl *RD = V->getType()->getAsCXXRecordDecl();
  if (!RD || !isFrameworkDecl(RD))
    return;
  llvm::StringRef N = declName(RD);
  const auto *CE = dyn_cast_or_null<CXXConstructExpr>(
      V->getInit() ? strip(V->getInit()) : nullptr);
  const Expr *Arg = nullptr;
  if (CE && CE->getNumArgs() >= 1 && !isa<CXXDefaultArgExpr>(CE->getArg(0)))
    Arg = CE->getArg(0);
  Guard G;
  G.Loc = V->getLocation();
  if (N == "NoGradGuard") {
    G.By = "NoGradGuard";
  } else if (N == "InferenceMode") {
    G.By = "InferenceMode";
    if (Arg) {
      std::optional<bool> On = Fold.boolean(Arg);
      if (!On)
        return;
      G.Disables = *On;
    }
  } else if (N == "AutoGradMode") {
    G.By = "AutoGradMode";
    std::optional<bool> On = Arg ? Fold.boolean(Arg) : std::nullopt;
    if (!On)
      return;
    G.Disables = !*On;
  } else {
    return;
  }
  Guards.push_back(G);
}

void StepWalker::walk(const Stmt *S, std::vector<ir::StepNode> &Out) {
  if (!S)
    return;
  if (const auto *E = dyn_cast<Expr>(S)) {
    walkExpr(E, Out);
    return;
  }
  if (const auto *CS = dyn_cast<CompoundStmt>(S)) {
    size_t Mark = Guards.size();
    for (const Stmt *Child : CS->body())
      walk(Child, Out);
    Guards.resize(Mark);
    return;
  }
  if (const auto *DS = dyn_cast<DeclStmt>(S)) {
    for (const Decl *D : DS->decls())
      if (const auto *V = dyn_cast<VarDecl>(D)) {
        if (V->getInit())
          walkExpr(V->getInit(), Out);
        guardFrom(V);
      }
    return;
  }
  auto loop = [&](const Stmt *Loop, std::initializer_list<const Stmt *> Parts) {
    ir::StepNode N;
    N.Kind = ir::StepNode::Loop;
    N.Loc = irLoc(Ctx, Loop->getBeginLoc());
    N.Trips = loopTrips(Fold, Loop);
    for (const Stmt *P : Parts)
      walk(P, N.Children);
    Out.push_back(std::move(N));
  };
  if (const auto *F = dyn_cast<ForStmt>(S)) {
    walk(F->getInit(), Out);
    loop(F, {F->getCond(), F->getBody(), F->getInc()});
    return;
  }
  if (const auto *W = dyn_cast<WhileStmt>(S)) {
    loop(W, {W->getCond(), W->getBody()});
    return;
  }
  if (const auto *D = dyn_cast<DoStmt>(S)) {
    loop(D, {D->getBody(), D->getCond()});
    return;
  }
  if (const auto *R = dyn_cast<CXXForRangeStmt>(S)) {
    walk(R->getInit(), Out);
    walk(R->getRangeInit(), Out);
    loop(R, {R->getBody()});
    return;
  }
  // A branch holds one child per arm, each a Branch node with the arm's
  // calls; an `if` without `else` has one arm (which may not run).
  auto arm = [&](const Stmt *Body, ir::StepNode &Branch) {
    ir::StepNode A;
    A.Kind = ir::StepNode::Branch;
    A.Loc = irLoc(Ctx, Body->getBeginLoc());
    size_t Mark = Guards.size();
    walk(Body, A.Children);
    Guards.resize(Mark);
    Branch.Children.push_back(std::move(A));
  };
  if (const auto *If = dyn_cast<IfStmt>(S)) {
    walk(If->getInit(), Out);
    walk(If->getCond(), Out);
    ir::StepNode B;
    B.Kind = ir::StepNode::Branch;
    B.Loc = irLoc(Ctx, If->getBeginLoc());
    arm(If->getThen(), B);
    if (If->getElse())
      arm(If->getElse(), B);
    Out.push_back(std::move(B));
    return;
  }
  if (const auto *Sw = dyn_cast<SwitchStmt>(S)) {
    walk(Sw->getCond(), Out);
    ir::StepNode B;
    B.Kind = ir::StepNode::Branch;
    B.Loc = irLoc(Ctx, Sw->getBeginLoc());
    if (Sw->getBody())
      arm(Sw->getBody(), B);
    Out.push_back(std::move(B));
    return;
  }
  for (const Stmt *Child : S->children())
    walk(Child, Out);
}

void StepWalker::walkExpr(const Expr *E, std::vector<ir::StepNode> &Out) {
  if (!E)
    return;
  // Lambdas run when called, not where written; a closure passed to step()
  // is walked by classify().
  if (isa<LambdaExpr>(E))
    return;
  // GradMode::set_enabled(false) ... (true): a state, not a scope.
  if (const auto *C = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *FD = C->getDirectCallee();
    if (FD && declName(FD) == "set_enabled" && isFrameworkDecl(FD) &&
        C->getNumArgs() == 1) {
      if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
        if (declName(MD->getParent()) == "GradMode") {
          std::optional<bool> On = Fold.boolean(C->getArg(0));
          if (On && !*On)
            GradMode = Guard{"GradMode::set_enabled", C->getBeginLoc(), true};
          else
            GradMode.reset();
          return;
        }
    }
  }
  // Evaluation order: operands first, then the call itself.
  for (const Stmt *Child : E->children())
    if (const auto *CE = dyn_cast_or_null<Expr>(Child))
      walkExpr(CE, Out);
  auto It = Opts.ByExpr.find(E);
  if (It != Opts.ByExpr.end()) {
    ir::StepEvent Ev;
    Ev.Op = ir::StepOp::Optimizer;
    Ev.OptimizerIndex = It->second;
    event(std::move(Ev), E->getBeginLoc(), Out);
    // Where the optimizer itself is located.
    Out.back().Ev.Loc = Out.back().Loc = Opts.program().Optimizers[It->second].Loc;
  }
  if (const auto *C = dyn_cast<CallExpr>(E))
    classify(C, Out);
}

const LambdaExpr *findLambda(const Expr *E, unsigned Depth = 0) {
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

/// The model call an expression is, or null: `model->forward(x)`,
/// `model(x)`, `model.forward(x)`, `(*model)(x)`.
const CallExpr *StepWalker::forwardCall(const Expr *E) const {
  const auto *C = dyn_cast_or_null<CallExpr>(strip(E));
  if (!C)
    return nullptr;
  const Expr *Obj = objectOf(C);
  if (!Obj || lossModuleOf(Obj))
    return nullptr;
  llvm::StringRef N = declName(C->getDirectCallee());
  bool IsCall = isa<CXXOperatorCallExpr>(C);
  if ((N == "forward" || IsCall) && isModel(Obj))
    return C;
  return nullptr;
}

void StepWalker::tracePred(const Expr *E, PredTrace &T, unsigned Depth) {
  if (!E || Depth > 24)
    return;
  E = strip(E);
  if (const CallExpr *F = forwardCall(E)) {
    T.ModelObj = objectOf(F);
    return;
  }
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl()))
      if (const Expr *Val = Assigns.valueAt(V, DRE))
        tracePred(Val, T, Depth + 1);
    return;
  }
  const auto *C = dyn_cast<CallExpr>(E);
  if (!C)
    return;
  const FunctionDecl *FD = C->getDirectCallee();
  if (!FD || !isFrameworkDecl(FD))
    return;
  llvm::StringRef N = declName(FD);
  const Expr *Input = nullptr;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(C)) {
    if (!isTensorType(MC->getImplicitObjectArgument()->getType()))
      return;
    Input = MC->getImplicitObjectArgument();
  } else if (C->getNumArgs() >= 1 && !isa<CXXOperatorCallExpr>(C)) {
    Input = C->getArg(0);
  } else {
    return;
  }
  ir::ActivationKind A =
      activationOfFunction(N).value_or(ir::ActivationKind::Unknown);
  if (A != ir::ActivationKind::Unknown) {
    T.Acts.push_back({A, C->getBeginLoc()});
  } else if (N == "detach" || N == "detach_") {
    T.Detached = true;
    T.DetachLoc = C->getExprLoc();
  } else if (!(N == "view" || N == "reshape" || N == "squeeze" ||
               N == "unsqueeze" || N == "flatten" || N == "to" ||
               N == "contiguous" || N == "clone" || N == "view_as")) {
    return;
  }
  tracePred(Input, T, Depth + 1);
}

void StepWalker::classify(const CallExpr *C, std::vector<ir::StepNode> &Out) {
  const FunctionDecl *FD = C->getDirectCallee();
  if (!FD) {
    // In a template, `loss.backward()` on a dependent `loss` does not
    // resolve: read backward/step/zero_grad by name, so a templated training
    // loop is not mistaken for one that never calls them.
    const Expr *Callee = C->getCallee()->IgnoreParenImpCasts();
    llvm::StringRef Member;
    const Expr *Base = nullptr;
    if (const auto *D = dyn_cast<CXXDependentScopeMemberExpr>(Callee)) {
      if (D->getMember().isIdentifier())
        Member = D->getMember().getAsIdentifierInfo()->getName();
      Base = D->isImplicitAccess() ? nullptr : D->getBase();
    } else if (const auto *U = dyn_cast<UnresolvedMemberExpr>(Callee)) {
      if (U->getMemberName().isIdentifier())
        Member = U->getMemberName().getAsIdentifierInfo()->getName();
      Base = U->isImplicitAccess() ? nullptr : U->getBase();
    }
    ir::StepEvent Ev;
    if (Member == "backward") {
      SawBackward = true;
      Ev.Op = ir::StepOp::Backward;
    } else if (Member == "step" || Member == "zero_grad") {
      // Whose step it is cannot be told here; only a backward is recorded,
      // the rest would be guesses.
      return;
    } else {
      return;
    }
    if (Base)
      Ev.Var = varName(Base);
    event(std::move(Ev), C->getBeginLoc(), Out);
    return;
  }
  llvm::StringRef N = declName(FD);
  const Expr *Obj = objectOf(C);
  std::vector<const Expr *> Args = callArgs(C);
  bool Framework = isFrameworkDecl(FD);
  ir::StepEvent Ev;

  // Losses: free functions and loss modules (`criterion(out, y)`).
  std::optional<ir::LossKind> Loss;
  if (Obj && (N == "forward" || isa<CXXOperatorCallExpr>(C)))
    Loss = lossModuleOf(Obj);
  else if (!Obj && Framework)
    Loss = lossFunction(N);
  if (Loss) {
    Ev.Op = ir::StepOp::Loss;
    Ev.Loss = *Loss;
    if (!Args.empty()) {
      PredTrace T;
      tracePred(Args[0], T, 0);
      if (T.ModelObj) {
        Ev.Var = varName(T.ModelObj);
        Ev.ModelName = modelNameOfExpr(T.ModelObj);
      }
      for (auto It = T.Acts.rbegin(); It != T.Acts.rend(); ++It)
        Ev.CallSiteActs.push_back(It->first);
      if (!T.Acts.empty())
        Ev.CallSiteActLoc = irLoc(Ctx, T.Acts.front().second);
      if (T.Acts.size() == 1)
        Ev.UnwrapCallSiteAct = unwrapActivation(Ctx, Args[0]);
      Ev.Detached = T.Detached;
      if (T.Detached)
        Ev.DetachLoc = irLoc(Ctx, T.DetachLoc);
    }
    if (Args.size() >= 2)
      Ev.Target = traceData(Ctx, Fold, Assigns, Args[1]);
    event(std::move(Ev), C->getBeginLoc(), Out);
    return;
  }
  if (forwardCall(C)) {
    Ev.Op = ir::StepOp::Forward;
    Ev.Var = varName(Obj);
    Ev.ModelName = modelNameOfExpr(Obj);
    if (!Args.empty())
      Ev.Input = traceData(Ctx, Fold, Assigns, Args[0]);
    event(std::move(Ev), C->getBeginLoc(), Out);
    return;
  }
  if (!Framework)
    return;
  if (N == "backward" &&
      (!Obj || isTensorType(Obj->getType()) || !isa<CXXMemberCallExpr>(C))) {
    SawBackward = true;
    Ev.Op = ir::StepOp::Backward;
    if (Obj)
      Ev.Var = varName(Obj);
    event(std::move(Ev), C->getBeginLoc(), Out);
    return;
  }
  if (!Obj) {
    if (N == "clip_grad_norm_" || N == "clip_grad_value_") {
      Ev.Op = ir::StepOp::ClipGrad;
      event(std::move(Ev), C->getBeginLoc(), Out);
    }
    return;
  }
  if (isOptimizerExpr(Obj)) {
    if (N == "step") {
      SawStep = true;
      // LBFGS and friends: the closure runs inside step().
      for (const Expr *A : Args)
        if (const LambdaExpr *L = findLambda(A)) {
          Closures.insert(L);
          size_t Mark = Guards.size();
          walk(L->getBody(), Out);
          Guards.resize(Mark);
        }
      Ev.Op = ir::StepOp::Step;
    } else if (N == "zero_grad") {
      Ev.Op = ir::StepOp::ZeroGrad;
    } else {
      return;
    }
    Ev.Var = varName(Obj);
    event(std::move(Ev), C->getBeginLoc(), Out);
    return;
  }
  if (!isModel(Obj))
    return;
  if (N == "zero_grad")
    Ev.Op = ir::StepOp::ZeroGrad;
  else if (N == "eval")
    Ev.Op = ir::StepOp::Eval;
  else if (N == "train") {
    // train(false) is eval(); an unknown argument stays train().
    std::optional<bool> On =
        Args.empty() ? std::optional<bool>(true) : Fold.boolean(Args[0]);
    Ev.Op = On && !*On ? ir::StepOp::Eval : ir::StepOp::Train;
  } else
    return;
  Ev.Var = varName(Obj);
  Ev.ModelName = modelNameOfExpr(Obj);
  event(std::move(Ev), C->getBeginLoc(), Out);
}

/// Every function the user wrote, with a body.
class FunctionCollector : public RecursiveASTVisitor<FunctionCollector> {
public:
  explicit FunctionCollector(ASTContext &Ctx) : Ctx(Ctx) {}
  bool shouldVisitLambdaBody() const { return true; }
  bool TraverseDecl(Decl *D) {
    if (!D)
      return true;
    if (!isa<TranslationUnitDecl>(D) && !isUserLoc(Ctx, D->getLocation()))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }
  bool VisitFunctionDecl(FunctionDecl *FD) {
    if (FD->doesThisDeclarationHaveABody() && !FD->isDependentContext())
      Functions.push_back(FD);
    else if (FD->doesThisDeclarationHaveABody() &&
             FD->getDescribedFunctionTemplate())
      Functions.push_back(FD); // template pattern: what can be read of it
    return true;
  }
  bool VisitLambdaExpr(LambdaExpr *L) {
    Lambdas.push_back(L);
    return true;
  }
  std::vector<const FunctionDecl *> Functions;
  std::vector<const LambdaExpr *> Lambdas;

private:
  ASTContext &Ctx;
};

/// Input normalised by the model itself: a batch norm first in its chain.
void markModelNormalized(const ir::Program &Prog,
                         std::vector<ir::StepNode> &Nodes) {
  for (ir::StepNode &N : Nodes) {
    markModelNormalized(Prog, N.Children);
    if (N.Kind != ir::StepNode::Event || N.Ev.Op != ir::StepOp::Forward ||
        !N.Ev.Input)
      continue;
    const ir::Model *M = Prog.findModel(N.Ev.ModelName);
    if (!M || !M->ChainKnown)
      continue;
    std::vector<ir::Layer> Flat = ir::flatten(M->Chain);
    if (!Flat.empty() && ir::isNormalization(Flat.front().Kind)) {
      N.Ev.Input->Normalized = true;
      N.Ev.Input->Blocks.clear();
    }
  }
}

} // namespace

void extractTraining(ASTContext &Ctx, Folder &Fold, ir::Program &Prog) {
  OptimizerFinder Opts(Ctx, Fold, Prog);
  forEachUserDecl(Ctx, [&](Decl *D) { Opts.TraverseDecl(D); });
  Opts.finish();

  FunctionCollector Fns(Ctx);
  forEachUserDecl(Ctx, [&](Decl *D) { Fns.TraverseDecl(D); });
  AssignmentIndex Assigns(Ctx);
  for (const FunctionDecl *FD : Fns.Functions)
    Assigns.addFunction(FD->getBody());

  std::set<const LambdaExpr *> Closures;
  auto build = [&](const Stmt *Body, std::string Name, SourceLocation Loc) {
    StepWalker W(Ctx, Fold, Opts, Assigns, Closures);
    ir::TrainingFunction T;
    T.Name = std::move(Name);
    T.Loc = irLoc(Ctx, Loc);
    W.walk(Body, T.Body);
    if (!W.trains())
      return;
    markModelNormalized(Prog, T.Body);
    Prog.Trainings.push_back(std::move(T));
  };
  for (const FunctionDecl *FD : Fns.Functions) {
    if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
      if (MD->getParent()->isLambda())
        continue;
    build(FD->getBody(), FD->getQualifiedNameAsString(), FD->getLocation());
  }
  // Lambdas that train on their own (not closures handed to step()):
  // named after the function that defines them.
  for (const LambdaExpr *L : Fns.Lambdas) {
    if (Closures.count(L))
      continue;
    Context C = contextOf(Ctx, DynTypedNode::create(*L));
    std::string Name = C.Function ? C.Function->getQualifiedNameAsString() : "";
    build(L->getBody(), Name + "::(lambda)", L->getBeginLoc());
  }
}

} // namespace gradlint::lint
