//===- lint/extract/ForwardChain.cpp - The chain forward() applies --------===//
//
// Follows the input of forward() (or of a lambda given to Functional)
// through module applications, framework functions, tensor methods,
// branches, loops and skip connections, and records the chain of layers it
// passes. What cannot be followed is an Unknown step, never a guess.
//
//===----------------------------------------------------------------------===//

#include "lint/extract/ModelExtractorInternal.h"

#include "clang/AST/RecursiveASTVisitor.h"

using namespace clang;

namespace gradlint::lint::models {

static bool sameLayer(const Layer &A, const Layer &B) {
  return A.Kind == B.Kind && A.Act == B.Act && A.Name == B.Name &&
         A.Loc.Line == B.Loc.Line && A.Loc.Column == B.Loc.Column &&
         A.Loc.File == B.Loc.File;
}

static bool sameChain(const std::vector<Layer> &A, const std::vector<Layer> &B) {
  if (A.size() != B.size())
    return false;
  for (size_t I = 0; I < A.size(); ++I)
    if (!sameLayer(A[I], B[I]))
      return false;
  return true;
}

static bool isPrefix(const std::vector<Layer> &P, const std::vector<Layer> &C) {
  if (P.size() > C.size())
    return false;
  for (size_t I = 0; I < P.size(); ++I)
    if (!sameLayer(P[I], C[I]))
      return false;
  return true;
}

std::optional<Layer> Extractor::moduleRefLayer(const Expr *Obj, Walk &W) {
  Obj = strip(Obj);
  // `fc1` or `this->fc1`: a member of the class being read.
  if (const auto *ME = dyn_cast<MemberExpr>(Obj)) {
    if (const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl())) {
      if (W.M && F->getParent() == W.Class) {
        std::string Name = F->getNameAsString();
        if (ir::Member *Mem = member(*W.M, Name))
          Mem->UsedInForward = true;
        auto It = MemberLayers.find(F);
        Layer L;
        if (It != MemberLayers.end())
          L = It->second;
        else if (const CXXRecordDecl *RD = moduleClassOf(F->getType())) {
          if (isUserModuleClass(RD))
            L.ModuleClass = modelNameOf(RD);
          else if (std::optional<ActivationKind> A =
                       activationOfModule(frameworkModuleName(RD))) {
            L.Kind = LayerKind::Activation;
            L.Act = *A;
          }
        }
        L.Name = Name;
        if (L.Kind == LayerKind::Activation || !L.Loc.isValid())
          L.Loc = loc(ME);
        return L;
      }
    }
  }
  // A module built right here: `torch::nn::Linear(10, 20)(x)`.
  if (std::optional<Layer> L = layerFromExpr(Obj)) {
    L->BuiltInForward = true;
    return L;
  }
  // A local variable holding a module built in forward().
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Obj))
    if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl()))
      if (V->isLocalVarDecl() && V->getInit())
        if (std::optional<Layer> L = layerFromExpr(V->getInit())) {
          L->BuiltInForward = true;
          return L;
        }
  return std::nullopt;
}

std::optional<std::vector<Layer>> Extractor::chainOf(const Expr *E, Walk &W) {
  if (!E)
    return std::nullopt;
  E = strip(E);
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl())) {
      auto It = W.Vars.find(V);
      if (It != W.Vars.end())
        return It->second;
    }
    return std::nullopt;
  }
  if (const auto *C = dyn_cast<ConditionalOperator>(E)) {
    if (std::optional<bool> B = Fold.boolean(C->getCond()))
      return chainOf(*B ? C->getTrueExpr() : C->getFalseExpr(), W);
    auto T = chainOf(C->getTrueExpr(), W);
    auto F = chainOf(C->getFalseExpr(), W);
    if (T && F && sameChain(*T, *F))
      return T;
    if (T || F) {
      std::vector<Layer> Out = T ? *T : *F;
      Layer U;
      U.Loc = loc(E);
      Out.push_back(U);
      return Out;
    }
    return std::nullopt;
  }

  // Module application: `fc->forward(x)`, `fc(x)`, `(*fc)(x)`.
  const Expr *Module = nullptr;
  const Expr *Input = nullptr;
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (OC->getOperator() == OO_Call && OC->getNumArgs() >= 2 &&
        moduleClassOf(OC->getArg(0)->getType())) {
      Module = OC->getArg(0);
      Input = OC->getArg(1);
    }
  }
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *MD = MC->getMethodDecl();
    if (MD && MD->getDeclName().isIdentifier() && MD->getName() == "forward" &&
        MC->getNumArgs() >= 1 &&
        moduleClassOf(MC->getImplicitObjectArgument()->getType())) {
      Module = MC->getImplicitObjectArgument();
      // `fc->forward(x)`: the object is `fc.operator->()`.
      if (const auto *Arrow = dyn_cast<CXXOperatorCallExpr>(strip(Module)))
        if (Arrow->getOperator() == OO_Arrow)
          Module = Arrow->getArg(0);
      if (const auto *Arrow = dyn_cast<CXXMemberCallExpr>(strip(Module)))
        if (const CXXMethodDecl *AM = Arrow->getMethodDecl())
          if (AM->getOverloadedOperator() == OO_Arrow)
            Module = Arrow->getImplicitObjectArgument();
      Input = MC->getArg(0);
    }
  }
  if (Module) {
    std::optional<std::vector<Layer>> In = chainOf(Input, W);
    if (!In)
      return std::nullopt;
    if (const auto *U = dyn_cast<UnaryOperator>(strip(Module)))
      if (U->getOpcode() == UO_Deref)
        Module = U->getSubExpr();
    // `(*fc).forward(x)` on a holder: its operator*.
    if (const auto *Star = dyn_cast<CXXOperatorCallExpr>(strip(Module)))
      if (Star->getOperator() == OO_Star && Star->getNumArgs() == 1)
        Module = Star->getArg(0);
    if (const auto *Star = dyn_cast<CXXMemberCallExpr>(strip(Module)))
      if (const CXXMethodDecl *SM = Star->getMethodDecl())
        if (SM->getOverloadedOperator() == OO_Star && Star->getNumArgs() == 0)
          Module = Star->getImplicitObjectArgument();
    std::optional<Layer> L = moduleRefLayer(Module, W);
    In->push_back(L ? *L : Layer());
    if (!L)
      In->back().Loc = loc(E);
    return In;
  }

  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    std::string Name = calleeName(Call);
    const FunctionDecl *FD = Call->getDirectCallee();
    bool Framework = FD && isFrameworkDecl(FD);
    // The tensor the operation applies to: the object of a method, or the
    // first argument of a function.
    const Expr *Subject = nullptr;
    bool IsMethod = false;
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call)) {
      Subject = MC->getImplicitObjectArgument();
      IsMethod = true;
    } else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(Call)) {
      Subject = OC->getNumArgs() > 0 ? OC->getArg(0) : nullptr;
    } else if (Call->getNumArgs() > 0) {
      Subject = Call->getArg(0);
    }

    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(Call)) {
      OverloadedOperatorKind Op = OC->getOperator();
      if ((Op == OO_Plus || Op == OO_Minus || Op == OO_Star ||
           Op == OO_Slash || Op == OO_PlusEqual) &&
          OC->getNumArgs() == 2) {
        auto A = chainOf(OC->getArg(0), W);
        auto B = chainOf(OC->getArg(1), W);
        if (A && B) {
          if (Op != OO_Plus && Op != OO_PlusEqual) {
            std::vector<Layer> Out = A->size() >= B->size() ? *A : *B;
            Layer U;
            U.Loc = loc(E);
            Out.push_back(U);
            return Out;
          }
          // A skip connection: x + f(x).
          std::vector<Layer> Out = isPrefix(*A, *B) ? *B : *A;
          Layer R;
          R.Kind = LayerKind::Residual;
          R.Loc = loc(E);
          Out.push_back(R);
          return Out;
        }
        // x * 2, x + bias: a constant does not change the chain.
        return A ? A : B;
      }
    }

    if (Framework || IsMethod) {
      std::optional<std::vector<Layer>> In = chainOf(Subject, W);
      if (In) {
        if (std::optional<ActivationKind> A = activationOfFunction(Name)) {
          Layer L;
          L.Kind = LayerKind::Activation;
          L.Act = *A;
          L.Form = IsMethod ? ActivationForm::Method : ActivationForm::Function;
          L.Loc = loc(E);
          if (*A == ActivationKind::LeakyReLU) {
            unsigned First = IsMethod ? 0 : 1;
            if (Call->getNumArgs() > First) {
              const Expr *Arg = Call->getArg(First);
              L.ActParam = Fold.number(Arg);
              if (!L.ActParam) {
                OptionsExpr O = readOptions(Arg);
                auto It = O.Setters.find("negative_slope");
                if (It != O.Setters.end())
                  L.ActParam = Fold.number(It->second);
              }
            } else {
              L.ActParam = 0.01;
            }
          }
          In->push_back(L);
          return In;
        }
        StringRef N(Name);
        auto Add = [&](LayerKind K) {
          Layer L;
          L.Kind = K;
          L.Loc = loc(E);
          In->push_back(L);
          return In;
        };
        if (N == "view" || N == "reshape" || N == "flatten")
          return Add(LayerKind::Flatten);
        if (N.contains("dropout")) {
          // `torch::dropout(x, 0.5, train)`, `F::dropout(x, F::DropoutFuncOptions().p(0.2))`.
          In = Add(LayerKind::Dropout);
          unsigned First = IsMethod ? 0 : 1;
          if (Call->getNumArgs() > First &&
              !isa<CXXDefaultArgExpr>(Call->getArg(First))) {
            const Expr *Arg = Call->getArg(First);
            In->back().P = Fold.number(Arg);
            if (!In->back().P) {
              OptionsExpr O = readOptions(Arg);
              auto It = O.Setters.find("p");
              if (It != O.Setters.end())
                In->back().P = Fold.number(It->second);
            }
          }
          return In;
        }
        if (N.starts_with("max_pool"))
          return Add(LayerKind::MaxPool);
        if (N.starts_with("avg_pool"))
          return Add(LayerKind::AvgPool);
        if (N.starts_with("adaptive_"))
          return Add(LayerKind::AdaptivePool);
        if (N == "batch_norm" || N == "instance_norm")
          return Add(LayerKind::BatchNorm1d);
        if (N == "layer_norm" || N == "normalize")
          return Add(LayerKind::LayerNorm);
        if (N == "contiguous" || N == "to" || N == "clone" ||
            N == "squeeze" || N == "unsqueeze" || N == "permute" ||
            N == "transpose" || N == "t" || N == "detach" || N == "cpu" ||
            N == "operator=")
          return In;
        return Add(LayerKind::Unknown);
      }
    }
    // A user helper or anything else taking the tensor: unknown step.
    for (const Expr *A : Call->arguments()) {
      if (auto In = chainOf(A, W)) {
        Layer U;
        U.Loc = loc(E);
        In->push_back(U);
        return In;
      }
    }
    return std::nullopt;
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
    if (BO->getOpcode() == BO_Assign || BO->getOpcode() == BO_Comma)
      return chainOf(BO->getRHS(), W);
  }
  return std::nullopt;
}

void Extractor::walkStmt(const Stmt *S, Walk &W) {
  if (!S)
    return;
  if (const auto *CS = dyn_cast<CompoundStmt>(S)) {
    for (const Stmt *Child : CS->body())
      walkStmt(Child, W);
    return;
  }
  if (const auto *DS = dyn_cast<DeclStmt>(S)) {
    for (const Decl *D : DS->decls())
      if (const auto *V = dyn_cast<VarDecl>(D))
        if (V->getInit())
          if (auto C = chainOf(V->getInit(), W))
            W.Vars[V] = *C;
    return;
  }
  if (const auto *R = dyn_cast<ReturnStmt>(S)) {
    const Expr *Ret = R->getRetValue();
    if (!Ret)
      return;
    auto C = chainOf(Ret, W);
    if (!C) {
      // `return {x, h}` / std::make_tuple(x, h): the first tensor output.
      const Expr *RS = strip(Ret);
      std::vector<const Expr *> Parts;
      if (const auto *CE = dyn_cast<CXXConstructExpr>(RS))
        Parts.assign(CE->arg_begin(), CE->arg_end());
      else if (const auto *Call = dyn_cast<CallExpr>(RS))
        Parts.assign(Call->arg_begin(), Call->arg_end());
      else if (const auto *IL = dyn_cast<InitListExpr>(RS))
        for (const Expr *Init : IL->inits())
          Parts.push_back(Init);
      for (const Expr *P : Parts)
        if ((C = chainOf(P, W)))
          break;
    }
    if (C && !W.Result)
      W.Result = C;
    return;
  }
  if (const auto *If = dyn_cast<IfStmt>(S)) {
    if (const Expr *Cond = If->getCond())
      if (std::optional<bool> B = Fold.boolean(Cond)) {
        walkStmt(*B ? If->getThen() : If->getElse(), W);
        return;
      }
    Walk T = W, F = W;
    T.Result.reset();
    F.Result.reset();
    walkStmt(If->getThen(), T);
    walkStmt(If->getElse(), F);
    // A variable the branches leave different gets an unknown step.
    for (auto &[V, Chain] : T.Vars) {
      auto FIt = F.Vars.find(V);
      if (FIt != F.Vars.end() && sameChain(Chain, FIt->second)) {
        W.Vars[V] = Chain;
        continue;
      }
      auto Orig = W.Vars.find(V);
      std::vector<Layer> Base = Orig != W.Vars.end() ? Orig->second : Chain;
      Layer U;
      U.Loc = irLoc(Ctx, If->getBeginLoc());
      Base.push_back(U);
      W.Vars[V] = Base;
    }
    if (!W.Result && (T.Result || F.Result)) {
      if (T.Result && F.Result && sameChain(*T.Result, *F.Result))
        W.Result = T.Result;
      else {
        std::vector<Layer> R = T.Result ? *T.Result : *F.Result;
        Layer U;
        U.Loc = irLoc(Ctx, If->getBeginLoc());
        R.push_back(U);
        W.Result = R;
      }
    }
    return;
  }
  if (isa<ForStmt>(S) || isa<WhileStmt>(S) || isa<CXXForRangeStmt>(S) ||
      isa<DoStmt>(S)) {
    // A loop applies its body an unknown number of times.
    Walk Body = W;
    const Stmt *B = nullptr;
    if (const auto *F = dyn_cast<ForStmt>(S))
      B = F->getBody();
    else if (const auto *Wh = dyn_cast<WhileStmt>(S))
      B = Wh->getBody();
    else if (const auto *R = dyn_cast<CXXForRangeStmt>(S))
      B = R->getBody();
    else
      B = cast<DoStmt>(S)->getBody();
    walkStmt(B, Body);
    for (auto &[V, Chain] : Body.Vars) {
      auto Orig = W.Vars.find(V);
      if (Orig != W.Vars.end() && sameChain(Orig->second, Chain))
        continue;
      std::vector<Layer> Base = Orig != W.Vars.end() ? Orig->second : Chain;
      Layer U;
      U.Loc = irLoc(Ctx, S->getBeginLoc());
      Base.push_back(U);
      W.Vars[V] = Base;
    }
    return;
  }
  if (const auto *E = dyn_cast<Expr>(S)) {
    const Expr *X = strip(E);
    const Expr *LHS = nullptr, *RHS = nullptr;
    bool Compound = false;
    if (const auto *BO = dyn_cast<BinaryOperator>(X)) {
      if (BO->isAssignmentOp()) {
        LHS = BO->getLHS();
        RHS = BO->getRHS();
        Compound = BO->isCompoundAssignmentOp();
      }
    } else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(X)) {
      if (OC->isAssignmentOp() && OC->getNumArgs() == 2) {
        LHS = OC->getArg(0);
        RHS = OC->getArg(1);
        Compound = OC->getOperator() != OO_Equal;
      }
    }
    if (LHS) {
      if (const auto *DRE = dyn_cast<DeclRefExpr>(strip(LHS)))
        if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl())) {
          if (Compound) {
            if (auto C = chainOf(X, W))
              W.Vars[V] = *C;
          } else if (auto C = chainOf(RHS, W)) {
            W.Vars[V] = *C;
          } else {
            W.Vars.erase(V);
          }
        }
      return;
    }
    // In-place tensor methods: `x.relu_()`, `x.sigmoid_()`.
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(X)) {
      const CXXMethodDecl *MD = MC->getMethodDecl();
      if (MD && MD->getDeclName().isIdentifier() && MD->getName().ends_with("_"))
        if (const auto *DRE = dyn_cast<DeclRefExpr>(strip(MC->getImplicitObjectArgument())))
          if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl()))
            if (W.Vars.count(V))
              if (auto C = chainOf(X, W))
                W.Vars[V] = *C;
    }
    return;
  }
}

void Extractor::markUsed(const Stmt *S, ir::Model &M, const CXXRecordDecl *RD) {
  struct Visitor : RecursiveASTVisitor<Visitor> {
    ir::Model &M;
    const CXXRecordDecl *RD;
    Extractor &X;
    Visitor(ir::Model &M, const CXXRecordDecl *RD, Extractor &X)
        : M(M), RD(RD), X(X) {}
    bool VisitMemberExpr(MemberExpr *ME) {
      if (const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl()))
        if (F->getParent() == RD)
          if (ir::Member *Mem = X.member(M, F->getNameAsString()))
            Mem->UsedInForward = true;
      return true;
    }
  } V(M, RD, *this);
  V.TraverseStmt(const_cast<Stmt *>(S));
}

void Extractor::readForward(const CXXMethodDecl *Forward, ir::Model &M,
                            const CXXRecordDecl *RD) {
  M.ForwardLoc = irLoc(Ctx, Forward->getLocation());
  markUsed(Forward->getBody(), M, RD);
  if (Forward->getNumParams() < 1)
    return;
  Walk W;
  W.Class = RD;
  W.M = &M;
  W.Vars[Forward->getParamDecl(0)] = {};
  walkStmt(Forward->getBody(), W);
  if (W.Result) {
    M.Chain = *W.Result;
    M.ChainKnown = true;
  }
}

} // namespace gradlint::lint::models
