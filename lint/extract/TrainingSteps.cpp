//===- lint/extract/TrainingSteps.cpp - The step tree of a function ------===//

#include "lint/extract/TrainingSteps.h"

#include "lint/extract/Extract.h"
#include "lint/extract/Optimizers.h"
#include "lint/extract/Torch.h"
#include "lint/extract/TrainingBindings.h"
#include "lint/extract/TrainingCalls.h"
#include "lint/extract/TrainingData.h"

#include "clang/AST/StmtCXX.h"

using namespace clang;

namespace gradlint::lint::train {

namespace {

/// The member a call that did not resolve in a template names, and the
/// object it is called on: `optimizer.step()` with a dependent `optimizer`.
llvm::StringRef dependentMember(const CallExpr *C, const Expr *&Base) {
  const Expr *Callee = C->getCallee()->IgnoreParenImpCasts();
  Base = nullptr;
  if (const auto *D = dyn_cast<CXXDependentScopeMemberExpr>(Callee)) {
    Base = D->isImplicitAccess() ? nullptr : D->getBase();
    if (D->getMember().isIdentifier())
      return D->getMember().getAsIdentifierInfo()->getName();
  } else if (const auto *U = dyn_cast<UnresolvedMemberExpr>(Callee)) {
    Base = U->isImplicitAccess() ? nullptr : U->getBase();
    if (U->getMemberName().isIdentifier())
      return U->getMemberName().getAsIdentifierInfo()->getName();
  }
  return "";
}

/// The variable a tensor expression is rooted in: `p` for `p`,
/// `p.data()`, `p.detach()`, `*p`.
const ValueDecl *tensorRoot(const Expr *E) {
  for (unsigned Depth = 0; E && Depth < 8; ++Depth) {
    E = strip(E);
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
      llvm::StringRef N = declName(MC->getMethodDecl());
      if (N != "data" && N != "detach" && N != "grad" && N != "mutable_grad")
        return nullptr;
      E = MC->getImplicitObjectArgument();
      continue;
    }
    return referencedDecl(E);
  }
  return nullptr;
}

/// Whether \p E reads the gradient of \p Root: `Root.grad()`,
/// `Root.grad().data()`, `Root.mutable_grad()`.
bool readsGradOf(const Expr *E, const ValueDecl *Root, unsigned Depth = 0) {
  if (!E || Depth > 16)
    return false;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    llvm::StringRef N = declName(MC->getMethodDecl());
    if ((N == "grad" || N == "mutable_grad") &&
        isFrameworkDecl(MC->getMethodDecl()) &&
        tensorRoot(MC->getImplicitObjectArgument()) == Root)
      return true;
  }
  for (const Stmt *Child : E->children())
    if (const auto *CE = dyn_cast_or_null<Expr>(Child))
      if (readsGradOf(CE, Root, Depth + 1))
        return true;
  return false;
}

/// The tensor a hand-written gradient-descent update changes, or null:
/// `x -= lr * x.grad()`, `p.data() = p.data() - lr * p.grad()`,
/// `w.sub_(lr * w.grad())`, `p.data().add_(p.grad().data(), -lr)`. The
/// update must read the gradient of the tensor it writes: a running sum of
/// gradient norms for a log is no update.
const Expr *manualUpdateTarget(const CallExpr *C) {
  const FunctionDecl *FD = C->getDirectCallee();
  if (!FD || !isFrameworkDecl(FD))
    return nullptr;
  const Expr *Target = nullptr;
  std::vector<const Expr *> Values;
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(C)) {
    OverloadedOperatorKind Op = OC->getOperator();
    if ((Op != OO_MinusEqual && Op != OO_PlusEqual && Op != OO_Equal) ||
        OC->getNumArgs() != 2)
      return nullptr;
    Target = OC->getArg(0);
    Values.push_back(OC->getArg(1));
  } else if (const auto *MC = dyn_cast<CXXMemberCallExpr>(C)) {
    llvm::StringRef N = declName(FD);
    if (N != "sub_" && N != "add_" && N != "copy_" && N != "set_data")
      return nullptr;
    Target = MC->getImplicitObjectArgument();
    Values.assign(MC->arg_begin(), MC->arg_end());
  } else {
    return nullptr;
  }
  if (!isTensorType(Target->getType()))
    return nullptr;
  const ValueDecl *Root = tensorRoot(Target);
  if (!Root)
    return nullptr;
  for (const Expr *V : Values)
    if (readsGradOf(V, Root))
      return Target;
  return nullptr;
}

/// Whether \p C clears a gradient by hand: `x.grad().zero_()`,
/// `p.mutable_grad().reset()`.
bool clearsGradByHand(const CallExpr *C) {
  const auto *MC = dyn_cast<CXXMemberCallExpr>(C);
  if (!MC || !isFrameworkDecl(MC->getMethodDecl()))
    return false;
  llvm::StringRef N = declName(MC->getMethodDecl());
  if (N != "zero_" && N != "reset")
    return false;
  const auto *Inner =
      dyn_cast<CXXMemberCallExpr>(strip(MC->getImplicitObjectArgument()));
  for (unsigned Depth = 0; Inner && Depth < 4; ++Depth) {
    llvm::StringRef IN = declName(Inner->getMethodDecl());
    if (IN == "grad" || IN == "mutable_grad")
      return true;
    if (IN != "data" && IN != "detach")
      return false;
    Inner =
        dyn_cast<CXXMemberCallExpr>(strip(Inner->getImplicitObjectArgument()));
  }
  return false;
}

} // namespace

std::string StepWalker::modelName(const Expr *Obj) const {
  // A parameter or member bound to one model at every call site is that
  // model, whatever type it is declared with.
  return Binds.modelName(Obj);
}

bool StepWalker::isModel(const Expr *Obj) const {
  return !modelName(Obj).empty();
}

void StepWalker::event(ir::StepEvent Ev, SourceLocation Loc,
                       std::vector<ir::StepNode> &Out) {
  Ev.Loc = irLoc(Ctx, Loc);
  const GradGuard *Active = nullptr;
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
  if (touchedByError(V))
    return;
  if (std::optional<GradGuard> G = gradGuardOf(V, Fold))
    Guards.push_back(*G);
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
    std::optional<bool> On;
    if (isGradModeSwitch(C, Fold, On)) {
      if (On && !*On)
        GradMode = GradGuard{"GradMode::set_enabled", C->getBeginLoc(), true};
      else
        GradMode.reset();
      return;
    }
  }
  // Evaluation order: operands first, then the call itself.
  for (const Stmt *Child : E->children())
    if (const auto *CE = dyn_cast_or_null<Expr>(Child))
      walkExpr(CE, Out);
  // A helper that leaves grad mode switched (off, or back on) does so for
  // its caller too.
  if (const auto *C = dyn_cast<CallExpr>(E)) {
    bool On = true;
    if (const CallExpr *S =
            lastGradModeSwitch(C->getDirectCallee(), Fold, On)) {
      if (On)
        GradMode.reset();
      else
        GradMode = GradGuard{
            "GradMode::set_enabled(false) in '" +
                C->getDirectCallee()->getQualifiedNameAsString() + "'",
            S->getBeginLoc(), true};
    }
  }
  auto It = Opts.ByExpr.find(E);
  if (It != Opts.ByExpr.end()) {
    ir::StepEvent Ev;
    Ev.Op = ir::StepOp::Optimizer;
    Ev.OptimizerIndex = It->second;
    event(std::move(Ev), E->getBeginLoc(), Out);
    // Where the optimizer itself is located.
    Out.back().Ev.Loc = Out.back().Loc =
        Opts.program().Optimizers[It->second].Loc;
  }
  if (const auto *C = dyn_cast<CallExpr>(E))
    classify(C, Out);
}

/// The model call an expression is, or null: `model->forward(x)`,
/// `model(x)`, `model.forward(x)`, `(*model)(x)`.
const CallExpr *StepWalker::forwardCall(const Expr *E) const {
  const auto *C = dyn_cast_or_null<CallExpr>(strip(E));
  return C && forwardObject(C) ? C : nullptr;
}

const Expr *StepWalker::forwardObject(const CallExpr *C) const {
  if (touchedByError(C))
    return nullptr;
  if (!C->getDirectCallee()) {
    // A template's `model->forward(x)` or `model(x)` on a dependent
    // `model`: a forward only when the parameter is bound to a model.
    const Expr *Base = nullptr;
    llvm::StringRef Member = dependentMember(C, Base);
    if (!Base && Member.empty() && isa<DeclRefExpr>(strip(C->getCallee())))
      Base = strip(C->getCallee());
    if (Base && (Member.empty() || Member == "forward") &&
        !Binds.modelOf(Base).empty())
      return Base;
    return nullptr;
  }
  const Expr *Obj = objectOf(C);
  if (!Obj || lossModuleOf(Obj))
    return nullptr;
  llvm::StringRef N = declName(C->getDirectCallee());
  bool IsCall = isa<CXXOperatorCallExpr>(C);
  if ((N == "forward" || IsCall) && isModel(Obj))
    return Obj;
  return nullptr;
}

void StepWalker::tracePred(const Expr *E, PredTrace &T, unsigned Depth) {
  if (!E || Depth > 24)
    return;
  E = strip(E);
  if (const CallExpr *F = forwardCall(E)) {
    T.ModelObj = forwardObject(F);
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
  if (!FD)
    return;
  if (!isFrameworkDecl(FD)) {
    traceHelper(FD, T, Depth);
    return;
  }
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
               N == "contiguous" || N == "clone" || N == "view_as" ||
               // Picking entries keeps what they are: a DQN's Q(s, a).
               N == "gather" || N == "index_select" || N == "select" ||
               N == "narrow")) {
    return;
  }
  tracePred(Input, T, Depth + 1);
}

namespace {

/// The values a function returns (not those of lambdas inside it).
void returnValues(const Stmt *S, std::vector<const Expr *> &Out) {
  if (!S || isa<LambdaExpr>(S))
    return;
  if (const auto *R = dyn_cast<ReturnStmt>(S)) {
    Out.push_back(R->getRetValue());
    return;
  }
  for (const Stmt *C : S->children())
    returnValues(C, Out);
}

bool sameActs(const PredTrace &A, const PredTrace &B) {
  if (A.Acts.size() != B.Acts.size() || A.Detached != B.Detached)
    return false;
  for (size_t I = 0; I < A.Acts.size(); ++I)
    if (A.Acts[I].first != B.Acts[I].first)
      return false;
  return true;
}

} // namespace

void StepWalker::traceHelper(const FunctionDecl *FD, PredTrace &T,
                             unsigned Depth) {
  // A helper of the user's returning what it computed from the model
  // (`torch::Tensor predict(x) { return torch::softmax(net->forward(x), 1);
  // }`): what every return statement went through, when they all agree.
  const FunctionDecl *Def = nullptr;
  if (!FD->hasBody(Def) || !Def || !isTensorType(Def->getReturnType()) ||
      !isUserLoc(Ctx, Def->getLocation()) || Def->isDependentContext())
    return;
  // A module's own forward() (called on an argument that did not resolve)
  // is the model, not a helper: its inside is not the caller's model.
  if (const auto *MD = dyn_cast<CXXMethodDecl>(Def))
    if (isModuleClass(MD->getParent()))
      return;
  std::vector<const Expr *> Returns;
  returnValues(Def->getBody(), Returns);
  if (Returns.empty())
    return;
  std::optional<PredTrace> Agreed;
  for (const Expr *R : Returns) {
    if (!R || touchedByError(R))
      return;
    PredTrace Each;
    tracePred(R, Each, Depth + 4);
    if (Agreed && !sameActs(*Agreed, Each))
      return;
    if (!Agreed)
      Agreed = Each;
  }
  T.Acts.insert(T.Acts.end(), Agreed->Acts.begin(), Agreed->Acts.end());
  T.Detached |= Agreed->Detached;
  if (Agreed->Detached)
    T.DetachLoc = Agreed->DetachLoc;
  T.ModelObj = Agreed->ModelObj;
}

void StepWalker::classify(const CallExpr *C, std::vector<ir::StepNode> &Out) {
  // A call an error touches (an argument, the object or the callee did not
  // resolve) is no forward, loss, backward or step: what it is is unknown.
  // Its resolved parts were classified on their own.
  if (touchedByError(C))
    return;
  const FunctionDecl *FD = C->getDirectCallee();
  if (!FD) {
    classifyDependent(C, Out);
    return;
  }
  llvm::StringRef N = declName(FD);
  const Expr *Obj = objectOf(C);
  std::vector<const Expr *> Args = callArgs(C);
  bool Framework = isFrameworkDecl(FD);
  ir::StepEvent Ev;

  // Hand-written gradient descent: the update is the step, and clearing
  // `.grad()` is the zero_grad. Neither makes a function train on its own
  // account (a helper that only updates is called after a backward).
  if (const Expr *Target = manualUpdateTarget(C)) {
    Ev.Op = ir::StepOp::Step;
    if (const ValueDecl *Root = tensorRoot(Target))
      Ev.Var = Root->getNameAsString();
    event(std::move(Ev), C->getBeginLoc(), Out);
    return;
  }
  if (clearsGradByHand(C)) {
    Ev.Op = ir::StepOp::ZeroGrad;
    Ev.Var = varName(Obj);
    event(std::move(Ev), C->getBeginLoc(), Out);
    return;
  }

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
        Ev.ModelName = modelName(T.ModelObj);
      }
      for (auto It = T.Acts.rbegin(); It != T.Acts.rend(); ++It)
        Ev.CallSiteActs.push_back(It->first);
      if (!T.Acts.empty())
        Ev.CallSiteActLoc = irLoc(Ctx, T.Acts.front().second);
      SawLossOnActivation |= !T.Acts.empty();
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
  if (forwardObject(C)) {
    Ev.Op = ir::StepOp::Forward;
    Ev.Var = varName(Obj);
    Ev.ModelName = modelName(Obj);
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
    Ev.OptimizerIndex = Binds.optimizerOf(Obj);
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
  Ev.ModelName = modelName(Obj);
  event(std::move(Ev), C->getBeginLoc(), Out);
}

void StepWalker::classifyDependent(const CallExpr *C,
                                   std::vector<ir::StepNode> &Out) {
  // In a template, `loss.backward()` on a dependent `loss` does not
  // resolve: read backward/step/zero_grad/forward by name, so a templated
  // training loop is not mistaken for one that never calls them.
  const Expr *Base = nullptr;
  llvm::StringRef Member = dependentMember(C, Base);
  ir::StepEvent Ev;
  if (Base)
    Ev.Var = varName(Base);
  if (Member == "backward") {
    SawBackward = true;
    Ev.Op = ir::StepOp::Backward;
    event(std::move(Ev), C->getBeginLoc(), Out);
    return;
  }
  if (const Expr *Obj = forwardObject(C)) {
    Ev.Op = ir::StepOp::Forward;
    Ev.Var = varName(Obj);
    Ev.ModelName = modelName(Obj);
    std::vector<const Expr *> Args(C->arguments().begin(),
                                   C->arguments().end());
    if (!Args.empty())
      Ev.Input = traceData(Ctx, Fold, Assigns, Args[0]);
    event(std::move(Ev), C->getBeginLoc(), Out);
    return;
  }
  if (Member != "step" && Member != "zero_grad")
    return;
  // `optimizer.step()` on a parameter bound to an optimizer is its step. On
  // anything else (a scheduler, an environment) it may not be an optimizer's:
  // recorded without one, so that the loop is not reported as never
  // stepping, and the function does not train on its account alone.
  int Index = Base ? Binds.optimizerOf(Base) : -1;
  if (Index < 0 && (C->getNumArgs() != 0 || !Base))
    return;
  if (Member == "step") {
    Ev.Op = ir::StepOp::Step;
    SawStep |= Index >= 0;
  } else {
    Ev.Op = ir::StepOp::ZeroGrad;
  }
  Ev.OptimizerIndex = Index;
  event(std::move(Ev), C->getBeginLoc(), Out);
}

} // namespace gradlint::lint::train
