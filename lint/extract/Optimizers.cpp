//===- lint/extract/Optimizers.cpp - Optimizer constructions -------------===//

#include "lint/extract/Optimizers.h"

#include "lint/extract/Instances.h"

#include "lint/extract/Extract.h"
#include "lint/extract/Torch.h"
#include "lint/extract/TrainingCalls.h"
#include "lint/extract/TrainingData.h"

#include "clang/AST/ParentMapContext.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringSwitch.h"

#include <algorithm>

using namespace clang;

namespace gradlint::lint::train {

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

namespace {

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

} // namespace

/// Whether an expression is an optimizer object (any torch::optim one).
bool isOptimizerExpr(const Expr *E) {
  // An unresolved type is never taken for an optimizer.
  return E && !touchedByError(E) && derivesFromFramework(heldRecord(E->getType()), "Optimizer");
}

namespace {

/// The model whose parameters an expression lists: `model->parameters()`,
/// `model.parameters()`, a submodule's parameters (the owning model), or a
/// local variable holding one of these. Returns the model expression.
const Expr *readParameters(Folder &Fold, const ModelInstances &Instances,
                           const Expr *E, ir::Optimizer &O,
                           unsigned Depth = 0) {
  if (!E || Depth > 8)
    return nullptr;
  E = strip(E);
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl()))
      if (const Expr *Init = Fold.stableInit(V))
        return readParameters(Fold, Instances, Init, O, Depth + 1);
    return nullptr;
  }
  const auto *MC = dyn_cast<CXXMemberCallExpr>(E);
  if (!MC)
    return nullptr;
  llvm::StringRef N = declName(MC->getMethodDecl());
  if (N != "parameters" && N != "named_parameters")
    return nullptr;
  const Expr *Obj = MC->getImplicitObjectArgument();
  // `model->fc->parameters()`: the model that owns the submodule.
  for (unsigned I = 0; I < 4; ++I) {
    const Expr *S = strip(Obj);
    const Expr *Base = nullptr;
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(S))
      if (OC->getOperator() == OO_Arrow)
        S = strip(OC->getArg(0));
    if (const auto *ME = dyn_cast<MemberExpr>(S))
      if (isa<FieldDecl>(ME->getMemberDecl()) &&
          !ME->getBase()->isImplicitCXXThis() &&
          !isa<CXXThisExpr>(strip(ME->getBase())))
        Base = ME->getBase();
    if (!Base || Instances.modelName(Base).empty())
      break;
    Obj = Base;
  }
  O.ModelVar = varName(Obj);
  O.ModelName = Instances.modelName(Obj);
  return Obj;
}

/// Whether \p Model is built, assigned, reloaded or re-initialised inside
/// \p Loop (a fresh model per fold or trial goes with a fresh optimizer),
/// or is the same model on every iteration (false). Unknown when the model
/// is not a variable of the function.
std::optional<bool> modelRebuiltIn(const ASTContext &Ctx, const Stmt *Loop,
                                   const Expr *Model) {
  const auto *V = dyn_cast_or_null<VarDecl>(referencedDecl(Model));
  if (!V || !Loop)
    return std::nullopt;
  const SourceManager &SM = Ctx.getSourceManager();
  SourceRange R = Loop->getSourceRange();
  SourceLocation At = V->getLocation();
  if (R.isValid() && At.isValid() &&
      !SM.isBeforeInTranslationUnit(At, R.getBegin()) &&
      !SM.isBeforeInTranslationUnit(R.getEnd(), At))
    return true;
  std::vector<const Stmt *> Work{Loop};
  while (!Work.empty()) {
    const Stmt *S = Work.back();
    Work.pop_back();
    if (!S)
      continue;
    const Expr *Assigned = nullptr;
    if (const auto *B = dyn_cast<BinaryOperator>(S))
      if (B->getOpcode() == BO_Assign)
        Assigned = B->getLHS();
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(S))
      if (OC->getOperator() == OO_Equal && OC->getNumArgs() == 2)
        Assigned = OC->getArg(0);
    if (Assigned && referencedDecl(Assigned) == V)
      return true;
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(S)) {
      llvm::StringRef N = declName(MC->getMethodDecl());
      if ((N == "reset" || N == "reset_parameters" || N == "apply" ||
           N == "load") &&
          referencedDecl(MC->getImplicitObjectArgument()) == V)
        return true;
    } else if (const auto *C = dyn_cast<CallExpr>(S)) {
      // torch::load(model, path): the weights come back from disk.
      const FunctionDecl *FD = C->getDirectCallee();
      if (FD && declName(FD) == "load" && isFrameworkDecl(FD))
        for (const Expr *A : C->arguments())
          if (referencedDecl(A) == V)
            return true;
    }
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
  return false;
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

} // namespace

bool OptimizerFinder::TraverseDecl(Decl *D) {
  if (!D)
    return true;
  if (!isa<TranslationUnitDecl>(D) && !isUserLoc(Ctx, D->getLocation()))
    return true;
  return RecursiveASTVisitor::TraverseDecl(D);
}

bool OptimizerFinder::VisitCXXConstructExpr(CXXConstructExpr *CE) {
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

bool OptimizerFinder::VisitCallExpr(CallExpr *C) {
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

int OptimizerFinder::optimizerOf(const Expr *E) const {
  const ValueDecl *D = referencedDecl(E);
  if (!D)
    return -1;
  auto It = ByDecl.find(D);
  return It == ByDecl.end() ? -1 : It->second;
}

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
  const Expr *Model = Args.empty() ? nullptr : readParameters(Fold, Instances, Args[0], O);
  if (C.Loop && Model)
    O.ModelInLoop = modelRebuiltIn(Ctx, C.Loop, Model);
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
  std::stable_sort(
      Later.begin(), Later.end(),
      [](const auto &A, const auto &B) { return A.Offset < B.Offset; });
  for (const LaterRate &L : Later) {
    Prog.Optimizers[L.Index].LaterRates.push_back(L.Rate);
    Prog.Optimizers[L.Index].LaterRateLocs.push_back(irLoc(Ctx, L.Loc));
  }
}

} // namespace gradlint::lint::train
