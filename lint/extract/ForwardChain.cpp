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
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

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

static bool isRecurrent(LayerKind K) {
  return K == LayerKind::RNN || K == LayerKind::LSTM || K == LayerKind::GRU;
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
  // A call or name that did not resolve (declared in a header that was not
  // found): what it does to the input is unknown. The chain goes on through
  // it as an unknown step, so no run of activations is counted across it.
  if (touchedByError(E)) {
    for (const Stmt *Child : E->children())
      if (const auto *CE = dyn_cast_or_null<Expr>(Child))
        if (std::optional<std::vector<Layer>> In = chainOf(CE, W)) {
          Layer U;
          U.Loc = loc(E);
          In->push_back(U);
          return In;
        }
    return std::nullopt;
  }
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
          if (isPrefix(*A, *B) || isPrefix(*B, *A))
            R.Span = int64_t(ir::flatten(*B).size()) -
                     int64_t(ir::flatten(*A).size());
          if (R.Span && *R.Span < 0)
            R.Span = -*R.Span;
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
              It = O.Setters.find("training");
              if (It != O.Setters.end())
                In->back().TrainingFlag = ownTrainingFlag(It->second, W);
            }
          }
          // `torch::dropout(x, p, training)`: the third argument.
          if (Call->getNumArgs() > First + 1 &&
              !isa<CXXDefaultArgExpr>(Call->getArg(First + 1)))
            In->back().TrainingFlag = ownTrainingFlag(Call->getArg(First + 1), W);
          return In;
        }
        // `torch::max_pool2d(x, 2)`, `x.avg_pool1d(3, 1)`: literal kernel,
        // stride (the kernel unless stated) and padding.
        unsigned First = IsMethod ? 0 : 1;
        auto IntArg = [&](unsigned I) -> std::optional<int64_t> {
          if (Call->getNumArgs() <= First + I ||
              isa<CXXDefaultArgExpr>(Call->getArg(First + I)))
            return std::nullopt;
          const Expr *A = Call->getArg(First + I);
          if (std::optional<int64_t> V = Fold.integer(A))
            return V;
          if (std::optional<std::vector<int64_t>> V = Fold.integers(A))
            if (!V->empty() && std::all_of(V->begin(), V->end(),
                                           [&](int64_t X) { return X == (*V)[0]; }))
              return (*V)[0];
          return std::nullopt;
        };
        auto Pool = [&](LayerKind K) {
          In = Add(K);
          Layer &P = In->back();
          P.Kernel = IntArg(0);
          bool StrideStated = Call->getNumArgs() > First + 1 &&
                              !isa<CXXDefaultArgExpr>(Call->getArg(First + 1));
          P.Stride = IntArg(1);
          // An empty stride list ({}) means the kernel, as an absent one.
          if (!P.Stride && (!StrideStated ||
                            (Fold.integers(Call->getArg(First + 1)) &&
                             Fold.integers(Call->getArg(First + 1))->empty())))
            P.Stride = P.Kernel;
          auto Stated = [&](unsigned I) {
            return Call->getNumArgs() > First + I &&
                   !isa<CXXDefaultArgExpr>(Call->getArg(First + I));
          };
          P.Padding = Stated(2) ? IntArg(2) : std::optional<int64_t>(0);
          // Max pooling's dilation and ceil_mode (average pooling's
          // ceil_mode and count_include_pad) other than the defaults are
          // not modelled: the kernel is then left unknown.
          bool Plain = true;
          if (K == LayerKind::MaxPool && Stated(3))
            Plain = IntArg(3) == std::optional<int64_t>(1);
          if (Stated(K == LayerKind::MaxPool ? 4 : 3))
            Plain = Plain && Fold.boolean(Call->getArg(
                                 First + (K == LayerKind::MaxPool ? 4 : 3))) ==
                                 std::optional<bool>(false);
          if (K == LayerKind::AvgPool && Stated(4))
            Plain = Plain && Fold.boolean(Call->getArg(First + 4)) ==
                                 std::optional<bool>(true);
          if (K == LayerKind::AvgPool && Stated(5)) // divisor_override
            Plain = false;
          if (!Plain)
            P.Kernel.reset();
          return In;
        };
        if (N.starts_with("max_pool"))
          return Pool(LayerKind::MaxPool);
        if (N.starts_with("avg_pool"))
          return Pool(LayerKind::AvgPool);
        if (N.starts_with("adaptive_")) {
          In = Add(LayerKind::AdaptivePool);
          In->back().OutputSize = IntArg(0);
          In->back().AdaptiveMax = N.starts_with("adaptive_max");
          return In;
        }
        // The last step of a recurrent layer's output: `out.select(1, -1)`
        // batch-first, `out.select(0, -1)` or `out[-1]` sequence-first; of
        // its final hidden state h_n ([layers * directions, N, H]):
        // `h_n[-1]` or `h_n.select(0, -1)`, the last layer's last direction.
        if (!In->empty() && isRecurrent(In->back().Kind) && !In->back().LastStep) {
          Layer &R = In->back();
          std::optional<int64_t> Dim, At;
          const auto *Sub = dyn_cast<CXXOperatorCallExpr>(Call);
          if (Sub && Sub->getOperator() == OO_Subscript &&
              Call->getNumArgs() == First + 1) {
            Dim = 0;
            At = Fold.integer(Call->getArg(First));
          } else if (N == "select" && Call->getNumArgs() == First + 2) {
            Dim = Fold.integer(Call->getArg(First));
            At = Fold.integer(Call->getArg(First + 1));
          }
          int64_t Time = R.FinalHidden || !R.BatchFirst.value_or(false) ? 0 : 1;
          if (Dim && At && *At == -1 && *Dim == Time) {
            R.LastStep = true;
            return In;
          }
        }
        // `x.mean(1)`, `torch::mean(x, 1)` of a batch-first sequence (a bag
        // of embeddings): the mean over its steps. After a sequence-first
        // recurrent output ([L, N, H]) dim 1 is the batch: unknown.
        if (N == "mean" && !In->empty() && Call->getNumArgs() >= First + 1 &&
            IntArg(0) == std::optional<int64_t>(1) &&
            (Call->getNumArgs() == First + 1 ||
             isa<CXXDefaultArgExpr>(Call->getArg(First + 1)) ||
             Fold.boolean(Call->getArg(First + 1)) == std::optional<bool>(false))) {
          const Layer &Last = In->back();
          bool SequenceFirst = isRecurrent(Last.Kind) && !Last.LastStep &&
                               !Last.FinalHidden && !Last.BatchFirst.value_or(false);
          if (!SequenceFirst) {
            In = Add(LayerKind::AvgPool);
            In->back().MeanOverSteps = true;
            return In;
          }
        }
        if (N == "batch_norm")
          return Add(LayerKind::BatchNorm1d);
        // Per-sample statistics: not an affine map at inference, unlike
        // batch norm.
        if (N == "instance_norm" || N == "group_norm")
          return Add(LayerKind::GroupNorm);
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
    // `std::get<0>(lstm->forward(x))`: a recurrent layer's output sequence;
    // `std::get<1>(rnn->forward(x))`: its final hidden state h_n (an LSTM's
    // (h_n, c_n), whose `std::get<0>` is h_n; c_n is an unknown step).
    if (FD && FD->isInStdNamespace() && Name == "get" && Call->getNumArgs() == 1)
      if (const TemplateArgumentList *TA = FD->getTemplateSpecializationArgs())
        if (TA->size() >= 1 && TA->get(0).getKind() == TemplateArgument::Integral)
          if (auto In = chainOf(Call->getArg(0), W))
            if (!In->empty() && isRecurrent(In->back().Kind) && !In->back().LastStep) {
              Layer &R = In->back();
              int64_t Index = TA->get(0).getAsIntegral().getExtValue();
              if (Index == 0 && (!R.FinalHidden || R.Kind == LayerKind::LSTM))
                return In;
              if (Index == 1 && !R.FinalHidden) {
                R.FinalHidden = true;
                return In;
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

/// The name of a bool member of the class being read that \p Flag reads,
/// when the code never sets it outside the constructors; else "".
std::string Extractor::ownTrainingFlag(const Expr *Flag, const Walk &W) {
  const auto *ME = dyn_cast_or_null<MemberExpr>(strip(Flag));
  if (!ME || !W.Class)
    return "";
  const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl());
  if (!F || F->getParent() != W.Class || !F->getType()->isBooleanType() ||
      FlagsSetOutsideCtors.count(F))
    return "";
  return F->getNameAsString();
}

/// Whether Clang's recovery dropped a statement whole between \p Prev and
/// \p Next (a call on a variable whose type did not resolve leaves nothing
/// in the AST): the text between them holds a `;` of its own. Only in a
/// translation unit with errors; a `;` in a comment only costs precision.
bool Extractor::droppedBetween(const Stmt *Prev, const Stmt *Next) {
  if (!Prev || !Next || !Ctx.getDiagnostics().hasErrorOccurred())
    return false;
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation From = Lexer::getLocForEndOfToken(
      SM.getExpansionLoc(Prev->getEndLoc()), 0, SM, Ctx.getLangOpts());
  SourceLocation To = SM.getExpansionLoc(Next->getBeginLoc());
  if (From.isInvalid() || To.isInvalid() || !SM.isBeforeInTranslationUnit(From, To))
    return false;
  StringRef Text = Lexer::getSourceText(CharSourceRange::getCharRange(From, To),
                                        SM, Ctx.getLangOpts());
  size_t Semis = Text.count(';');
  // An expression or return statement ends before its own `;`.
  if (isa<Expr>(Prev) || isa<ReturnStmt>(Prev) || isa<DoStmt>(Prev))
    Semis = Semis > 0 ? Semis - 1 : 0;
  return Semis > 0;
}

void Extractor::unknownStepForAll(const Stmt *At, Walk &W) {
  for (auto &[V, Chain] : W.Vars) {
    Layer U;
    U.Loc = irLoc(Ctx, At->getBeginLoc());
    Chain.push_back(U);
  }
}

void Extractor::walkStmt(const Stmt *S, Walk &W) {
  if (!S)
    return;
  if (const auto *CS = dyn_cast<CompoundStmt>(S)) {
    const Stmt *Prev = nullptr;
    for (const Stmt *Child : CS->body()) {
      if (droppedBetween(Prev, Child))
        unknownStepForAll(Child, W);
      walkStmt(Child, W);
      Prev = Child;
    }
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
    // A statement that did not resolve (`x = project::mish(x)` may be one
    // RecoveryExpr) may change every variable it names: each gets an
    // unknown step.
    if (touchedByError(X)) {
      struct Refs : RecursiveASTVisitor<Refs> {
        std::vector<const VarDecl *> Vars;
        bool VisitDeclRefExpr(DeclRefExpr *DRE) {
          if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl()))
            Vars.push_back(V);
          return true;
        }
      } R;
      R.TraverseStmt(const_cast<Expr *>(X));
      for (const VarDecl *V : R.Vars) {
        auto It = W.Vars.find(V);
        if (It == W.Vars.end() ||
            (!It->second.empty() && It->second.back().Kind == LayerKind::Unknown &&
             It->second.back().Loc.Offset == loc(X).Offset))
          continue;
        Layer U;
        U.Loc = loc(X);
        It->second.push_back(U);
      }
      return;
    }
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
