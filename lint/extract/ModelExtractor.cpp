//===- lint/extract/ModelExtractor.cpp - Models, layers, init -------------===//
//
// Reads the models a translation unit builds. Three sources of facts:
//  - module classes: members, how each is constructed and registered, the
//    chain forward() applies, initialisation in constructors;
//  - Sequentials built in functions (and factories returning them);
//  - initialisation applied from outside (`model->apply(fn)`, loops over
//    `model->parameters()`, `model->fc->weight`).
//
//===----------------------------------------------------------------------===//

#include "lint/extract/ModelExtractor.h"

#include "lint/extract/Extract.h"
#include "lint/extract/Torch.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringSwitch.h"

#include <algorithm>
#include <map>

using namespace clang;

namespace gradlint::lint {
namespace {

using ir::ActivationForm;
using ir::ActivationKind;
using ir::Layer;
using ir::LayerKind;

std::optional<ActivationKind> activationOfModule(StringRef N) {
  return llvm::StringSwitch<std::optional<ActivationKind>>(N)
      .Case("ReLU", ActivationKind::ReLU)
      .Case("Sigmoid", ActivationKind::Sigmoid)
      .Case("Tanh", ActivationKind::Tanh)
      .Case("LeakyReLU", ActivationKind::LeakyReLU)
      .Cases("ELU", "SELU", "CELU", ActivationKind::ELU)
      .Case("GELU", ActivationKind::GELU)
      .Case("SiLU", ActivationKind::SiLU)
      .Case("Softplus", ActivationKind::Softplus)
      .Case("Softmax", ActivationKind::Softmax)
      .Case("LogSoftmax", ActivationKind::LogSoftmax)
      .Case("Hardtanh", ActivationKind::Hardtanh)
      .Case("ReLU6", ActivationKind::ReLU6)
      .Case("Identity", ActivationKind::Identity)
      .Default(std::nullopt);
}

std::optional<LayerKind> layerKindOfModule(StringRef N) {
  return llvm::StringSwitch<std::optional<LayerKind>>(N)
      .Case("Linear", LayerKind::Linear)
      .Case("Conv1d", LayerKind::Conv1d)
      .Case("Conv2d", LayerKind::Conv2d)
      .Case("Conv3d", LayerKind::Conv3d)
      .Cases("ConvTranspose1d", "ConvTranspose2d", "ConvTranspose3d",
             LayerKind::ConvTranspose)
      .Case("BatchNorm1d", LayerKind::BatchNorm1d)
      .Cases("BatchNorm2d", "BatchNorm3d", LayerKind::BatchNorm2d)
      .Case("LayerNorm", LayerKind::LayerNorm)
      .Case("GroupNorm", LayerKind::GroupNorm)
      .Cases("Dropout", "Dropout2d", "Dropout3d", "AlphaDropout",
             LayerKind::Dropout)
      .Case("Embedding", LayerKind::Embedding)
      .Case("RNN", LayerKind::RNN)
      .Case("LSTM", LayerKind::LSTM)
      .Case("GRU", LayerKind::GRU)
      .Cases("MaxPool1d", "MaxPool2d", "MaxPool3d", LayerKind::MaxPool)
      .Cases("AvgPool1d", "AvgPool2d", "AvgPool3d", LayerKind::AvgPool)
      .Cases("AdaptiveAvgPool1d", "AdaptiveAvgPool2d", "AdaptiveMaxPool2d",
             LayerKind::AdaptivePool)
      .Case("Flatten", LayerKind::Flatten)
      .Case("Sequential", LayerKind::Sequential)
      .Default(std::nullopt);
}

bool sameLayer(const Layer &A, const Layer &B) {
  return A.Kind == B.Kind && A.Act == B.Act && A.Name == B.Name &&
         A.Loc.Line == B.Loc.Line && A.Loc.Column == B.Loc.Column &&
         A.Loc.File == B.Loc.File;
}

bool sameChain(const std::vector<Layer> &A, const std::vector<Layer> &B) {
  if (A.size() != B.size())
    return false;
  for (size_t I = 0; I < A.size(); ++I)
    if (!sameLayer(A[I], B[I]))
      return false;
  return true;
}

bool isPrefix(const std::vector<Layer> &P, const std::vector<Layer> &C) {
  if (P.size() > C.size())
    return false;
  for (size_t I = 0; I < P.size(); ++I)
    if (!sameLayer(P[I], C[I]))
      return false;
  return true;
}

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
static std::optional<std::pair<const VarDecl *, std::pair<int64_t, int64_t>>>
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

/// What an initialisation statement targets.
struct ParamTarget {
  std::string Model;
  std::string Layer;
  ir::ParamRole Role = ir::ParamRole::Weight;
  std::optional<LayerKind> KindFilter;
  std::string NameContains;
  bool Valid = false;
};

class Extractor {
public:
  Extractor(ASTContext &Ctx, Folder &Fold, ir::Program &Prog)
      : Ctx(Ctx), Fold(Fold), Prog(Prog) {}

  void run();

private:
  // Layers from construction expressions.
  std::optional<Layer> layerFromExpr(const Expr *E, unsigned Depth = 0);
  Layer frameworkLayer(const std::string &Module, const Expr *At,
                       llvm::ArrayRef<const Expr *> Args, unsigned Depth);
  void sequentialChildren(llvm::ArrayRef<const Expr *> Args,
                          std::vector<Layer> &Out, unsigned Depth);
  std::optional<Layer> functionalLayer(const Expr *Fn, const Expr *At,
                                       llvm::ArrayRef<const Expr *> Extra);
  std::optional<std::vector<Layer>> lambdaChain(const LambdaExpr *L);

  // forward() and lambdas: the chain applied to the input.
  using Env = std::map<const VarDecl *, std::vector<Layer>>;
  struct Walk {
    const CXXRecordDecl *Class = nullptr;
    ir::Model *M = nullptr;
    Env Vars;
    std::optional<std::vector<Layer>> Result;
  };
  std::optional<std::vector<Layer>> chainOf(const Expr *E, Walk &W);
  void walkStmt(const Stmt *S, Walk &W);
  std::optional<Layer> moduleRefLayer(const Expr *Obj, Walk &W);
  void markUsed(const Stmt *S, ir::Model &M, const CXXRecordDecl *RD);

  // Module classes.
  void extractClass(const CXXRecordDecl *RD);
  void readConstructor(const CXXConstructorDecl *Ctor, ir::Model &M,
                       const CXXRecordDecl *RD);
  void noteAssignment(const FieldDecl *F, const Expr *Value, ir::Model &M);
  ir::Member *member(ir::Model &M, const std::string &Name);
  void registerCall(const CallExpr *Call, ir::Model &M);

  // Sequentials and init in functions.
  void extractFunction(const FunctionDecl *FD);
  void walkFunctionBody(const Stmt *S, const FunctionDecl *FD,
                        std::map<const VarDecl *, ir::Model *> &Seqs);
  void pushBack(const CXXMemberCallExpr *Call, std::vector<Layer> &Chain);

  // Initialisation.
  void scanInits(const Stmt *S, const std::string &SelfModel,
                 const CXXRecordDecl *SelfClass);
  void initCall(const CallExpr *Call, const std::string &SelfModel,
                const CXXRecordDecl *SelfClass);
  ParamTarget paramTarget(const Expr *E, const std::string &SelfModel);
  void addInit(const ParamTarget &T, ir::InitScheme S,
               std::optional<double> A, std::optional<double> B,
               std::optional<double> Gain, const Expr *At);
  void applyFunction(const Stmt *Body, const ParmVarDecl *ModuleParam,
                     const std::string &ModelName);
  void parameterLoop(const CXXForRangeStmt *For, const std::string &SelfModel);

  ir::Model &model(const std::string &Name);
  ir::SourceLoc loc(const Expr *E) { return irLoc(Ctx, E->getBeginLoc()); }

  void readForward(const CXXMethodDecl *Forward, ir::Model &M,
                   const CXXRecordDecl *RD);

  ASTContext &Ctx;
  Folder &Fold;
  ir::Program &Prog;
  // Counted loops are unrolled while the iterations of the loops around
  // them, multiplied, stay within MaxUnrolled: nested loops would walk the
  // body their product of times (4 nested 64-iteration loops: 16.7M). A
  // loop past it is read as uncounted (its chain unknown).
  static constexpr int64_t MaxUnrolled = 4096;
  int64_t Unrolled = 1;
  bool mayUnroll(int64_t Trips) const {
    return Trips <= 64 && Trips * Unrolled <= MaxUnrolled;
  }
  // The layer each member of the class being read is built as.
  std::map<const FieldDecl *, Layer> MemberLayers;
  // Init context: loop variables over parameters()/modules(), variables
  // bound to `m.as<Linear>()`, the enclosing typeid filter.
  std::map<const VarDecl *, ParamTarget> BoundTargets;
  std::optional<LayerKind> TypeidFilter;
  const ParmVarDecl *ApplyParam = nullptr;
  std::string ApplyModel;
};

ir::Model &Extractor::model(const std::string &Name) {
  for (ir::Model &M : Prog.Models)
    if (M.Name == Name)
      return M;
  Prog.Models.emplace_back();
  Prog.Models.back().Name = Name;
  return Prog.Models.back();
}

//===----------------------------------------------------------------------===//
// Layers from construction expressions
//===----------------------------------------------------------------------===//

std::optional<Layer> Extractor::layerFromExpr(const Expr *E, unsigned Depth) {
  if (!E || Depth > 8)
    return std::nullopt;
  E = strip(E);
  if (!E)
    return std::nullopt;
  // `Linear fc{Linear(64, 32)}`: list-initialisation from one element of
  // the same type.
  if (const auto *IL = dyn_cast<InitListExpr>(E)) {
    if (IL->getNumInits() == 1 && moduleClassOf(IL->getInit(0)->getType()))
      return layerFromExpr(IL->getInit(0), Depth + 1);
    return std::nullopt;
  }
  if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
    const CXXRecordDecl *Type = CE->getConstructor()->getParent();
    // AnyModule / NamedAnyModule wrappers of Sequential's constructor.
    if (Type && (Type->getName() == "AnyModule") && CE->getNumArgs() >= 1)
      return layerFromExpr(CE->getArg(CE->getNumArgs() - 1), Depth + 1);
    const CXXRecordDecl *RD = moduleClassOf(CE->getType());
    if (!RD)
      return std::nullopt;
    std::vector<const Expr *> Args;
    for (const Expr *A : CE->arguments())
      if (!isa<CXXDefaultArgExpr>(A))
        Args.push_back(A);
    // `Linear fc{nullptr}`: an empty holder, assigned later.
    if (Args.size() == 1 && strip(Args[0])->getType()->isNullPtrType())
      return std::nullopt;
    // A holder converted from another holder or shared_ptr of the module
    // (`Linear(register_module("fc", Linear(...)))`): look inside.
    if (Args.size() == 1 && moduleClassOf(strip(Args[0])->getType()))
      return layerFromExpr(Args[0], Depth + 1);
    if (isUserModuleClass(RD)) {
      Layer L;
      L.Kind = LayerKind::Unknown;
      L.ModuleClass = modelNameOf(RD);
      L.Loc = loc(E);
      return L;
    }
    return frameworkLayer(frameworkModuleName(RD), E, Args, Depth);
  }
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    std::string N = calleeName(Call);
    if (N == "register_module" && Call->getNumArgs() == 2)
      return layerFromExpr(Call->getArg(1), Depth + 1);
    if (N == "make_shared") {
      const CXXRecordDecl *RD = moduleClassOf(Call->getType());
      if (!RD)
        return std::nullopt;
      if (isUserModuleClass(RD)) {
        Layer L;
        L.ModuleClass = modelNameOf(RD);
        L.Loc = loc(E);
        return L;
      }
      std::vector<const Expr *> Args(Call->arg_begin(), Call->arg_end());
      return frameworkLayer(frameworkModuleName(RD), E, Args, Depth);
    }
    // A factory returning a Sequential or a module.
    if (const FunctionDecl *FD = Call->getDirectCallee()) {
      if (!isFrameworkDecl(FD) && !isa<CXXMethodDecl>(FD)) {
        const CXXRecordDecl *RD = moduleClassOf(Call->getType());
        if (RD) {
          Layer L;
          L.ModuleClass = isUserModuleClass(RD) ? modelNameOf(RD)
                                                : FD->getQualifiedNameAsString();
          L.Loc = loc(E);
          return L;
        }
      }
    }
  }
  return std::nullopt;
}

void Extractor::sequentialChildren(llvm::ArrayRef<const Expr *> Args,
                                   std::vector<Layer> &Out, unsigned Depth) {
  for (const Expr *A : Args) {
    const Expr *S = strip(A);
    if (const auto *IL = dyn_cast<CXXStdInitializerListExpr>(S))
      S = strip(IL->getSubExpr());
    if (const auto *List = dyn_cast<InitListExpr>(S)) {
      sequentialChildren(llvm::ArrayRef<const Expr *>(
                             const_cast<const Expr *const *>(List->getInits()),
                             List->getNumInits()),
                         Out, Depth);
      continue;
    }
    if (const auto *CE = dyn_cast<CXXConstructExpr>(S)) {
      const CXXRecordDecl *T = CE->getConstructor()->getParent();
      if (T && T->getName() == "NamedAnyModule" && CE->getNumArgs() >= 2) {
        std::optional<Layer> L = layerFromExpr(CE->getArg(1), Depth + 1);
        Layer X = L ? *L : Layer();
        if (!L)
          X.Loc = loc(CE->getArg(1));
        if (std::optional<std::string> Name = Fold.string(CE->getArg(0)))
          X.Name = *Name;
        Out.push_back(X);
        continue;
      }
    }
    if (std::optional<Layer> L = layerFromExpr(A, Depth + 1)) {
      Out.push_back(*L);
      continue;
    }
    // Something the adapter does not understand: keep its place.
    Layer U;
    U.Loc = loc(A);
    Out.push_back(U);
  }
}

std::optional<Layer>
Extractor::functionalLayer(const Expr *Fn, const Expr *At,
                           llvm::ArrayRef<const Expr *> Extra) {
  Fn = peelCallable(Fn);
  Layer L;
  L.Loc = loc(At);
  L.Form = ActivationForm::Functional;
  if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(Fn)) {
    if (const auto *FD = dyn_cast<FunctionDecl>(DRE->getDecl())) {
      if (isFrameworkDecl(FD) && FD->getDeclName().isIdentifier()) {
        if (std::optional<ActivationKind> A = activationOfFunction(FD->getName())) {
          L.Kind = LayerKind::Activation;
          L.Act = *A;
          if (*A == ActivationKind::LeakyReLU && !Extra.empty())
            L.ActParam = Fold.number(Extra[0]);
          return L;
        }
      }
    }
  }
  if (const auto *Lambda = dyn_cast_or_null<LambdaExpr>(Fn)) {
    if (std::optional<std::vector<Layer>> Chain = lambdaChain(Lambda)) {
      if (Chain->size() == 1) {
        Layer One = (*Chain)[0];
        One.Form = ActivationForm::Functional;
        return One;
      }
      L.Kind = LayerKind::Sequential;
      L.Children = *Chain;
      return L;
    }
  }
  return L; // Unknown
}

std::optional<std::vector<Layer>> Extractor::lambdaChain(const LambdaExpr *Lambda) {
  const CXXMethodDecl *Call = Lambda->getCallOperator();
  if (!Call || Call->getNumParams() < 1 || !Call->hasBody())
    return std::nullopt;
  Walk W;
  W.Vars[Call->getParamDecl(0)] = {};
  walkStmt(Call->getBody(), W);
  return W.Result;
}

Layer Extractor::frameworkLayer(const std::string &Module, const Expr *At,
                                llvm::ArrayRef<const Expr *> Args,
                                unsigned Depth) {
  Layer L;
  L.Loc = loc(At);
  if (Module == "Functional") {
    if (!Args.empty())
      if (std::optional<Layer> F = functionalLayer(Args[0], At, Args.drop_front()))
        return *F;
    return L;
  }
  if (Module == "Sequential") {
    L.Kind = LayerKind::Sequential;
    sequentialChildren(Args, L.Children, Depth);
    return L;
  }
  if (std::optional<ActivationKind> A = activationOfModule(Module)) {
    L.Kind = LayerKind::Activation;
    L.Act = *A;
    L.Form = ActivationForm::Module;
    if (!Args.empty()) {
      OptionsExpr O = readOptions(Args[0]);
      if (*A == ActivationKind::LeakyReLU) {
        auto It = O.Setters.find("negative_slope");
        if (It != O.Setters.end())
          L.ActParam = Fold.number(It->second);
      }
    } else if (*A == ActivationKind::LeakyReLU) {
      L.ActParam = 0.01;
    }
    return L;
  }
  std::optional<LayerKind> K = layerKindOfModule(Module);
  if (!K)
    return L;
  L.Kind = *K;

  // Positional arguments of the module's constructor or of its options'
  // constructor, by kind; then the options' builder calls.
  std::vector<const Expr *> Pos;
  std::map<std::string, const Expr *> Set;
  if (Args.size() == 1) {
    OptionsExpr O = readOptions(Args[0]);
    if (O.Valid && StringRef(O.Class).ends_with("Options")) {
      Pos = O.Args;
      Set = O.Setters;
    } else {
      Pos = {Args[0]};
    }
  } else {
    Pos.assign(Args.begin(), Args.end());
  }
  auto Arg = [&](size_t I, const char *Setter) -> const Expr * {
    auto It = Set.find(Setter);
    if (It != Set.end())
      return It->second;
    return I < Pos.size() ? Pos[I] : nullptr;
  };
  auto Int = [&](const Expr *E) -> std::optional<int64_t> {
    if (!E)
      return std::nullopt;
    if (std::optional<int64_t> I = Fold.integer(E))
      return I;
    // ExpandingArray: `{3, 3}` -> the first entry (square kernels).
    if (std::optional<std::vector<int64_t>> V = Fold.integers(E))
      if (!V->empty() && std::all_of(V->begin(), V->end(),
                                     [&](int64_t X) { return X == (*V)[0]; }))
        return (*V)[0];
    return std::nullopt;
  };

  switch (*K) {
  case LayerKind::Linear:
    L.In = Int(Arg(0, "in_features"));
    L.Out = Int(Arg(1, "out_features"));
    if (const Expr *B = Arg(99, "bias"))
      L.Bias = Fold.boolean(B);
    else
      L.Bias = true;
    break;
  case LayerKind::Conv1d:
  case LayerKind::Conv2d:
  case LayerKind::Conv3d:
  case LayerKind::ConvTranspose:
    L.In = Int(Arg(0, "in_channels"));
    L.Out = Int(Arg(1, "out_channels"));
    L.Kernel = Int(Arg(2, "kernel_size"));
    if (const Expr *S = Arg(99, "stride"))
      L.Stride = Int(S);
    else
      L.Stride = 1;
    if (const Expr *P = Arg(99, "padding"))
      L.Padding = Int(P);
    else
      L.Padding = 0;
    if (const Expr *B = Arg(99, "bias"))
      L.Bias = Fold.boolean(B);
    else
      L.Bias = true;
    break;
  case LayerKind::BatchNorm1d:
  case LayerKind::BatchNorm2d:
    L.In = Int(Arg(0, "num_features"));
    L.Out = L.In;
    break;
  case LayerKind::LayerNorm:
    if (const Expr *S = Arg(0, "normalized_shape"))
      if (std::optional<std::vector<int64_t>> V = Fold.integers(S))
        if (V->size() == 1) {
          L.In = (*V)[0];
          L.Out = L.In;
        }
    break;
  case LayerKind::GroupNorm:
    L.In = Int(Arg(1, "num_channels"));
    L.Out = L.In;
    break;
  case LayerKind::Dropout:
    if (const Expr *P = Arg(0, "p"))
      L.P = Fold.number(P);
    else
      L.P = 0.5;
    break;
  case LayerKind::Embedding:
    L.In = Int(Arg(0, "num_embeddings"));
    L.Out = Int(Arg(1, "embedding_dim"));
    break;
  case LayerKind::RNN:
  case LayerKind::LSTM:
  case LayerKind::GRU:
    L.In = Int(Arg(0, "input_size"));
    L.Out = Int(Arg(1, "hidden_size"));
    break;
  case LayerKind::MaxPool:
  case LayerKind::AvgPool:
    L.Kernel = Int(Arg(0, "kernel_size"));
    if (const Expr *S = Arg(99, "stride"))
      L.Stride = Int(S);
    else
      L.Stride = L.Kernel;
    break;
  default:
    break;
  }
  return L;
}

//===----------------------------------------------------------------------===//
// The chain a forward() (or a lambda) applies
//===----------------------------------------------------------------------===//

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

//===----------------------------------------------------------------------===//
// Module classes
//===----------------------------------------------------------------------===//

ir::Member *Extractor::member(ir::Model &M, const std::string &Name) {
  for (ir::Member &X : M.Members)
    if (X.Name == Name)
      return &X;
  return nullptr;
}

void Extractor::registerCall(const CallExpr *Call, ir::Model &M) {
  // register_module("fc", fc) / register_parameter("w", w): the second
  // argument names the member, or the call's result is assigned to it (see
  // noteAssignment).
  if (Call->getNumArgs() < 2)
    return;
  if (const ValueDecl *D = referencedDecl(Call->getArg(1)))
    if (const auto *F = dyn_cast<FieldDecl>(D))
      if (ir::Member *Mem = member(M, F->getNameAsString()))
        Mem->Registered = true;
}

void Extractor::noteAssignment(const FieldDecl *F, const Expr *Value,
                               ir::Model &M) {
  ir::Member *Mem = member(M, F->getNameAsString());
  // The registration may sit under conversions of the returned holder.
  const Expr *V = Value;
  for (unsigned Depth = 0; V && Depth < 6; ++Depth) {
    V = strip(V);
    if (const auto *Call = dyn_cast_or_null<CallExpr>(V)) {
      std::string N = calleeName(Call);
      if ((N == "register_module" || N == "register_parameter" ||
           N == "register_buffer") &&
          Mem)
        Mem->Registered = true;
      break;
    }
    // `auto Raw = register_module(...); fc = Linear(Raw);`: follow the
    // local. A module from a variable we cannot follow may well be
    // registered: say so, rather than report it unregistered.
    if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(V)) {
      const auto *Var = dyn_cast<VarDecl>(DRE->getDecl());
      if (Var && Var->getInit() && Var->isLocalVarDecl()) {
        V = Var->getInit();
        continue;
      }
      if (Mem)
        Mem->Registered = true;
      break;
    }
    const auto *CE = dyn_cast_or_null<CXXConstructExpr>(V);
    if (!CE || CE->getNumArgs() != 1)
      break;
    V = CE->getArg(0);
  }
  if (std::optional<Layer> L = layerFromExpr(Value)) {
    L->Name = F->getNameAsString();
    MemberLayers[F] = *L;
    if (Mem && Mem->Kind == LayerKind::Unknown)
      Mem->Kind = L->Kind;
  }
}

void Extractor::readConstructor(const CXXConstructorDecl *Ctor, ir::Model &M,
                                const CXXRecordDecl *RD) {
  for (const CXXCtorInitializer *I : Ctor->inits()) {
    if (!I->isWritten())
      continue;
    if (const FieldDecl *F = I->getMember())
      noteAssignment(F, I->getInit(), M);
  }
  if (!Ctor->hasBody())
    return;
  // Statements in order: assignments to members, registrations, push_back
  // on a Sequential base.
  std::vector<const Stmt *> Work{Ctor->getBody()};
  struct Visitor : RecursiveASTVisitor<Visitor> {
    Extractor &X;
    ir::Model &M;
    const CXXRecordDecl *RD;
    Visitor(Extractor &X, ir::Model &M, const CXXRecordDecl *RD)
        : X(X), M(M), RD(RD) {}
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
    void assign(const Expr *LHS, const Expr *RHS) {
      if (const auto *ME = dyn_cast<MemberExpr>(strip(LHS)))
        if (const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl()))
          if (F->getParent() == RD)
            X.noteAssignment(F, RHS, M);
    }
    bool VisitCallExpr(CallExpr *Call) {
      std::string N = calleeName(Call);
      if (N == "register_module" || N == "register_parameter" ||
          N == "register_buffer")
        X.registerCall(Call, M);
      return true;
    }
    // `for (int i = 0; i < 3; ++i) seq->push_back(...)`: unrolled.
    bool TraverseForStmt(ForStmt *For) {
      if (auto Counted = countedLoop(For, X.Fold)) {
        auto [V, Range] = *Counted;
        int64_t Trips = std::max<int64_t>(Range.second - Range.first, 1);
        if (X.mayUnroll(Trips)) {
          X.Unrolled *= Trips;
          for (int64_t I = Range.first; I < Range.second; ++I) {
            X.Fold.bind(V, static_cast<double>(I));
            TraverseStmt(For->getBody());
          }
          X.Unrolled /= Trips;
          X.Fold.unbind(V);
          return true;
        }
      }
      return uncounted(For, [&] {
        return RecursiveASTVisitor<Visitor>::TraverseForStmt(For);
      });
    }
    bool TraverseWhileStmt(WhileStmt *S) {
      return uncounted(S, [&] {
        return RecursiveASTVisitor<Visitor>::TraverseWhileStmt(S);
      });
    }
    bool TraverseDoStmt(DoStmt *S) {
      return uncounted(S, [&] {
        return RecursiveASTVisitor<Visitor>::TraverseDoStmt(S);
      });
    }
    bool TraverseCXXForRangeStmt(CXXForRangeStmt *S) {
      return uncounted(S, [&] {
        return RecursiveASTVisitor<Visitor>::TraverseCXXForRangeStmt(S);
      });
    }
    // A loop run an unknown number of times (perhaps never): whatever it
    // pushes is one unknown step.
    bool uncounted(const Stmt *Loop, llvm::function_ref<bool()> Traverse) {
      size_t Own = M.Chain.size();
      std::map<const FieldDecl *, size_t> Members;
      for (auto &[F, L] : X.MemberLayers)
        Members[F] = L.Kind == LayerKind::Sequential ? L.Children.size() : 0;
      bool R = Traverse();
      auto Collapse = [&](std::vector<Layer> &Chain, size_t Before) {
        if (Chain.size() <= Before)
          return;
        Chain.resize(Before);
        Layer U;
        U.Loc = irLoc(X.Ctx, Loop->getBeginLoc());
        Chain.push_back(U);
      };
      if (M.IsSequential)
        Collapse(M.Chain, Own);
      for (auto &[F, L] : X.MemberLayers)
        if (L.Kind == LayerKind::Sequential) {
          auto It = Members.find(F);
          Collapse(L.Children, It == Members.end() ? 0 : It->second);
        }
      return R;
    }
    bool VisitCXXMemberCallExpr(CXXMemberCallExpr *MC) {
      const CXXMethodDecl *MD = MC->getMethodDecl();
      if (!MD || !MD->getDeclName().isIdentifier() || MD->getName() != "push_back")
        return true;
      const Expr *Obj = strip(MC->getImplicitObjectArgument());
      if (isa<CXXThisExpr>(Obj) && M.IsSequential) {
        X.pushBack(MC, M.Chain);
        M.ChainKnown = true;
        return true;
      }
      // `seq->push_back(...)` on a Sequential member.
      if (const auto *Arrow = dyn_cast<CXXOperatorCallExpr>(Obj))
        if (Arrow->getOperator() == OO_Arrow)
          Obj = strip(Arrow->getArg(0));
      if (const auto *ME = dyn_cast<MemberExpr>(Obj))
        if (const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl())) {
          // Only a Sequential member is a chain (not a std::vector).
          if (F->getParent() != RD || !isSequentialType(F->getType()))
            return true;
          auto It = X.MemberLayers.find(F);
          if (It == X.MemberLayers.end()) {
            Layer S;
            S.Kind = LayerKind::Sequential;
            S.Name = F->getNameAsString();
            S.Loc = X.loc(ME);
            It = X.MemberLayers.emplace(F, S).first;
          }
          X.pushBack(MC, It->second.Children);
        }
      return true;
    }
  } V(*this, M, RD);
  V.TraverseStmt(const_cast<Stmt *>(Ctor->getBody()));
}

void Extractor::pushBack(const CXXMemberCallExpr *Call,
                         std::vector<Layer> &Chain) {
  if (Call->getNumArgs() == 0)
    return;
  const Expr *Module = Call->getArg(Call->getNumArgs() - 1);
  std::optional<Layer> L = layerFromExpr(Module);
  Layer X = L ? *L : Layer();
  if (!L)
    X.Loc = loc(Module);
  if (Call->getNumArgs() == 2)
    if (std::optional<std::string> Name = Fold.string(Call->getArg(0)))
      X.Name = *Name;
  Chain.push_back(X);
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

void Extractor::extractClass(const CXXRecordDecl *RD) {
  ir::Model &M = model(modelNameOf(RD));
  M.Loc = irLoc(Ctx, RD->getLocation());
  MemberLayers.clear();
  for (const CXXBaseSpecifier &B : RD->bases())
    if (const CXXRecordDecl *BR = B.getType()->getAsCXXRecordDecl())
      if (isFrameworkDecl(BR) && BR->getName() == "SequentialImpl")
        M.IsSequential = true;

  for (const FieldDecl *F : RD->fields()) {
    ir::Member Mem;
    Mem.Name = F->getNameAsString();
    Mem.Loc = irLoc(Ctx, F->getLocation());
    if (const CXXRecordDecl *MRD = moduleClassOf(F->getType())) {
      std::string N = isUserModuleClass(MRD) ? "" : frameworkModuleName(MRD);
      if (std::optional<LayerKind> K = layerKindOfModule(N))
        Mem.Kind = *K;
      else if (activationOfModule(N))
        Mem.Kind = LayerKind::Activation;
      else if (N == "Functional")
        Mem.Kind = LayerKind::Activation;
    } else if (isTensorType(F->getType())) {
      Mem.IsTensor = true;
    } else {
      continue;
    }
    if (!member(M, Mem.Name))
      M.Members.push_back(Mem);
    if (const Expr *Init = F->getInClassInitializer())
      noteAssignment(F, Init, M);
  }

  std::vector<const CXXConstructorDecl *> Ctors;
  for (const CXXConstructorDecl *Ctor : RD->ctors()) {
    const FunctionDecl *Def = nullptr;
    if (Ctor->isUserProvided() && Ctor->hasBody(Def) && Def)
      Ctors.push_back(cast<CXXConstructorDecl>(Def));
  }
  for (const CXXConstructorDecl *Ctor : Ctors) {
    readConstructor(Ctor, M, RD);
    M.ConstructorKnown = true;
  }

  // Members that are modules hold themselves; a member module that is a
  // Sequential or activation with no constructor call still has its kind.
  const CXXMethodDecl *Forward = nullptr;
  for (const CXXMethodDecl *MD : RD->methods())
    if (MD->getDeclName().isIdentifier() && MD->getName() == "forward") {
      const FunctionDecl *Def = nullptr;
      if (MD->hasBody(Def) && Def)
        Forward = cast<CXXMethodDecl>(Def);
    }
  if (Forward)
    readForward(Forward, M, RD);

  // Initialisation in constructors and other methods (reset_parameters).
  for (const CXXConstructorDecl *Ctor : Ctors)
    scanInits(Ctor->getBody(), M.Name, RD);
  for (const CXXMethodDecl *MD : RD->methods()) {
    const FunctionDecl *Def = nullptr;
    if (isa<CXXConstructorDecl>(MD) || !MD->hasBody(Def) || !Def ||
        Def == Forward)
      continue;
    scanInits(Def->getBody(), M.Name, RD);
  }
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

//===----------------------------------------------------------------------===//
// Initialisation
//===----------------------------------------------------------------------===//

static std::optional<LayerKind> kindOfModuleType(QualType T) {
  const CXXRecordDecl *RD = moduleClassOf(T);
  if (!RD || !isFrameworkDecl(RD))
    return std::nullopt;
  return layerKindOfModule(frameworkModuleName(RD));
}

/// `m.as<Linear>()`, `dynamic_cast<LinearImpl*>(&m)`: the kind it selects.
static std::optional<LayerKind> castKind(const Expr *E) {
  E = strip(E);
  if (const auto *MC = dyn_cast_or_null<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *MD = MC->getMethodDecl();
    if (MD && MD->getDeclName().isIdentifier() && MD->getName() == "as")
      return kindOfModuleType(MC->getType());
  }
  if (const auto *DC = dyn_cast_or_null<CXXDynamicCastExpr>(E))
    return kindOfModuleType(DC->getType());
  if (const auto *SC = dyn_cast_or_null<CXXStaticCastExpr>(E))
    return kindOfModuleType(SC->getType());
  return std::nullopt;
}

ParamTarget Extractor::paramTarget(const Expr *E, const std::string &SelfModel) {
  ParamTarget T;
  for (unsigned Depth = 0; E && Depth < 8; ++Depth) {
    E = strip(E);
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
      const CXXMethodDecl *MD = MC->getMethodDecl();
      if (!MD || !MD->getDeclName().isIdentifier())
        return T;
      StringRef N = MD->getName();
      if (N == "data" || N == "detach" || N == "view" || N == "value" ||
          N == "get") {
        E = MC->getImplicitObjectArgument();
        continue;
      }
      return T;
    }
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
      if (OC->getOperator() == OO_Arrow || OC->getOperator() == OO_Star) {
        E = OC->getArg(0);
        continue;
      }
      return T;
    }
    break;
  }
  if (!E)
    return T;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl())) {
      auto It = BoundTargets.find(V);
      if (It != BoundTargets.end())
        return It->second;
    }
    return T;
  }
  const auto *ME = dyn_cast<MemberExpr>(E);
  if (!ME)
    return T;
  const auto *Param = dyn_cast<FieldDecl>(ME->getMemberDecl());
  if (!Param)
    return T;
  StringRef PN = Param->getName();
  if (PN != "weight" && PN != "bias") {
    // A tensor member of a user module registered as a parameter.
    if (isUserModuleClass(dyn_cast<CXXRecordDecl>(Param->getParent())) && isTensorType(Param->getType())) {
      T.Model = modelNameOf(cast<CXXRecordDecl>(Param->getParent()));
      T.Layer = Param->getNameAsString();
      T.Valid = true;
    }
    return T;
  }
  ir::ParamRole Role = PN == "weight" ? ir::ParamRole::Weight : ir::ParamRole::Bias;
  // The module the parameter belongs to.
  const Expr *Base = ME->getBase();
  for (unsigned Depth = 0; Base && Depth < 8; ++Depth) {
    Base = strip(Base);
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(Base)) {
      if (OC->getOperator() == OO_Arrow || OC->getOperator() == OO_Star) {
        Base = OC->getArg(0);
        continue;
      }
    }
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Base)) {
      const CXXMethodDecl *MD = MC->getMethodDecl();
      if (MD && MD->getOverloadedOperator() == OO_Arrow) {
        Base = MC->getImplicitObjectArgument();
        continue;
      }
      if (std::optional<LayerKind> K = castKind(MC)) {
        T.Model = ApplyModel.empty() ? SelfModel : ApplyModel;
        T.KindFilter = K;
        T.Role = Role;
        T.Valid = !T.Model.empty();
        return T;
      }
    }
    break;
  }
  if (const auto *BM = dyn_cast_or_null<MemberExpr>(Base)) {
    if (const auto *F = dyn_cast<FieldDecl>(BM->getMemberDecl())) {
      if (isUserModuleClass(dyn_cast<CXXRecordDecl>(F->getParent()))) {
        T.Model = modelNameOf(cast<CXXRecordDecl>(F->getParent()));
        T.Layer = F->getNameAsString();
        T.Role = Role;
        T.Valid = true;
      }
    }
    return T;
  }
  if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(Base)) {
    if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl())) {
      auto It = BoundTargets.find(V);
      if (It != BoundTargets.end()) {
        T = It->second;
        T.Role = Role;
        return T;
      }
    }
  }
  if (Base)
    if (std::optional<LayerKind> K = castKind(Base)) {
      T.Model = ApplyModel.empty() ? SelfModel : ApplyModel;
      T.KindFilter = K;
      T.Role = Role;
      T.Valid = !T.Model.empty();
    }
  return T;
}

void Extractor::addInit(const ParamTarget &T, ir::InitScheme S,
                        std::optional<double> A, std::optional<double> B,
                        std::optional<double> Gain, const Expr *At) {
  if (!T.Valid || T.Model.empty())
    return;
  ir::Init I;
  I.Layer = T.Layer;
  I.KindFilter = T.KindFilter;
  I.Role = T.Role;
  I.NameContains = T.NameContains;
  if (I.Role == ir::ParamRole::Any) {
    if (StringRef(T.NameContains).contains("weight"))
      I.Role = ir::ParamRole::Weight;
    else if (StringRef(T.NameContains).contains("bias"))
      I.Role = ir::ParamRole::Bias;
  }
  if (!I.KindFilter && TypeidFilter && I.Layer.empty())
    I.KindFilter = TypeidFilter;
  I.Scheme = S;
  I.A = A;
  I.B = B;
  I.Gain = Gain;
  // `w.fill_(0)`: the caret goes under the method's name.
  I.Loc = isa<CXXMemberCallExpr>(At) ? irLoc(Ctx, At->getExprLoc()) : loc(At);
  ir::Model &M = model(T.Model);
  for (const ir::Init &X : M.Inits)
    if (X.Loc.Offset == I.Loc.Offset && X.Loc.File == I.Loc.File)
      return;
  M.Inits.push_back(I);
}

void Extractor::initCall(const CallExpr *Call, const std::string &SelfModel,
                         const CXXRecordDecl *SelfClass) {
  const FunctionDecl *FD = Call->getDirectCallee();
  if (!FD || !FD->getDeclName().isIdentifier())
    return;
  StringRef N = FD->getName();
  const auto *MC = dyn_cast<CXXMemberCallExpr>(Call);

  // model->apply(fn)
  if (MC && N == "apply" && Call->getNumArgs() >= 1 && isFrameworkDecl(FD)) {
    const Expr *Obj = strip(MC->getImplicitObjectArgument());
    std::string Model;
    if (isa<CXXThisExpr>(Obj))
      Model = SelfModel;
    else {
      if (const auto *Arrow = dyn_cast<CXXOperatorCallExpr>(Obj))
        if (Arrow->getOperator() == OO_Arrow)
          Obj = Arrow->getArg(0);
      Model = modelNameOfExpr(Obj);
    }
    if (Model.empty())
      return;
    const Expr *Fn = peelCallable(Call->getArg(0));
    if (const auto *L = dyn_cast_or_null<LambdaExpr>(Fn)) {
      const CXXMethodDecl *Op = L->getCallOperator();
      if (Op && Op->getNumParams() >= 1 && Op->hasBody())
        applyFunction(Op->getBody(), Op->getParamDecl(Op->getNumParams() - 1), Model);
    } else if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(Fn)) {
      if (const auto *F = dyn_cast<FunctionDecl>(DRE->getDecl())) {
        const FunctionDecl *Def = nullptr;
        if (F->hasBody(Def) && Def && Def->getNumParams() >= 1)
          applyFunction(Def->getBody(), Def->getParamDecl(Def->getNumParams() - 1), Model);
      }
    }
    return;
  }
  if (!isFrameworkDecl(FD))
    return;

  auto Num = [&](unsigned I) -> std::optional<double> {
    if (I >= Call->getNumArgs() || isa<CXXDefaultArgExpr>(Call->getArg(I)))
      return std::nullopt;
    return Fold.number(Call->getArg(I));
  };
  auto HasArg = [&](unsigned I) {
    return I < Call->getNumArgs() && !isa<CXXDefaultArgExpr>(Call->getArg(I));
  };
  auto NumOr = [&](unsigned I, double Default) -> std::optional<double> {
    if (!HasArg(I))
      return Default;
    return Num(I);
  };

  if (MC) {
    // Tensor methods on a parameter: fill_, zero_, uniform_, normal_.
    if (N != "fill_" && N != "zero_" && N != "uniform_" && N != "normal_")
      return;
    ParamTarget T = paramTarget(MC->getImplicitObjectArgument(), SelfModel);
    if (!T.Valid)
      return;
    if (N == "zero_")
      addInit(T, ir::InitScheme::Zeros, 0.0, std::nullopt, std::nullopt, Call);
    else if (N == "fill_") {
      std::optional<double> V = Num(0);
      if (!V)
        addInit(T, ir::InitScheme::Unknown, std::nullopt, std::nullopt, std::nullopt, Call);
      else
        addInit(T, *V == 0 ? ir::InitScheme::Zeros : ir::InitScheme::Constant, V,
                std::nullopt, std::nullopt, Call);
    } else if (N == "uniform_")
      addInit(T, ir::InitScheme::Uniform, NumOr(0, 0), NumOr(1, 1), std::nullopt, Call);
    else
      addInit(T, ir::InitScheme::Normal, NumOr(0, 0), NumOr(1, 1), std::nullopt, Call);
    return;
  }

  static const std::map<std::string, ir::InitScheme> Schemes = {
      {"uniform_", ir::InitScheme::Uniform},
      {"normal_", ir::InitScheme::Normal},
      {"constant_", ir::InitScheme::Constant},
      {"zeros_", ir::InitScheme::Zeros},
      {"ones_", ir::InitScheme::Ones},
      {"xavier_uniform_", ir::InitScheme::XavierUniform},
      {"xavier_normal_", ir::InitScheme::XavierNormal},
      {"kaiming_uniform_", ir::InitScheme::KaimingUniform},
      {"kaiming_normal_", ir::InitScheme::KaimingNormal},
      {"orthogonal_", ir::InitScheme::Orthogonal},
      {"eye_", ir::InitScheme::Unknown},
      {"dirac_", ir::InitScheme::Unknown},
  };
  auto It = Schemes.find(N.str());
  if (It == Schemes.end() || Call->getNumArgs() < 1)
    return;
  ParamTarget T = paramTarget(Call->getArg(0), SelfModel);
  if (!T.Valid)
    return;
  switch (It->second) {
  case ir::InitScheme::Uniform:
    addInit(T, It->second, NumOr(1, 0), NumOr(2, 1), std::nullopt, Call);
    break;
  case ir::InitScheme::Normal:
    addInit(T, It->second, NumOr(1, 0), NumOr(2, 1), std::nullopt, Call);
    break;
  case ir::InitScheme::Constant: {
    std::optional<double> V = Num(1);
    addInit(T, V ? (*V == 0 ? ir::InitScheme::Zeros : ir::InitScheme::Constant)
                 : ir::InitScheme::Unknown,
            V, std::nullopt, std::nullopt, Call);
    break;
  }
  case ir::InitScheme::Zeros:
    addInit(T, It->second, 0.0, std::nullopt, std::nullopt, Call);
    break;
  case ir::InitScheme::Ones:
    addInit(T, It->second, 1.0, std::nullopt, std::nullopt, Call);
    break;
  case ir::InitScheme::XavierUniform:
  case ir::InitScheme::XavierNormal:
  case ir::InitScheme::Orthogonal:
    addInit(T, It->second, std::nullopt, std::nullopt, NumOr(1, 1), Call);
    break;
  case ir::InitScheme::KaimingUniform:
  case ir::InitScheme::KaimingNormal:
    addInit(T, It->second, std::nullopt, std::nullopt, NumOr(1, 0), Call);
    break;
  default:
    addInit(T, ir::InitScheme::Unknown, std::nullopt, std::nullopt, std::nullopt, Call);
    break;
  }
}

void Extractor::applyFunction(const Stmt *Body, const ParmVarDecl *ModuleParam,
                              const std::string &ModelName) {
  std::string SavedModel = ApplyModel;
  const ParmVarDecl *SavedParam = ApplyParam;
  ApplyModel = ModelName;
  ApplyParam = ModuleParam;
  scanInits(Body, ModelName, nullptr);
  ApplyModel = SavedModel;
  ApplyParam = SavedParam;
}

void Extractor::scanInits(const Stmt *S, const std::string &SelfModel,
                          const CXXRecordDecl *SelfClass) {
  if (!S)
    return;
  struct Visitor : RecursiveASTVisitor<Visitor> {
    Extractor &X;
    const std::string &Self;
    const CXXRecordDecl *SelfClass;
    Visitor(Extractor &X, const std::string &Self, const CXXRecordDecl *C)
        : X(X), Self(Self), SelfClass(C) {}
    bool shouldVisitLambdaBody() const { return false; }
    bool VisitCallExpr(CallExpr *Call) {
      X.initCall(Call, Self, SelfClass);
      return true;
    }
    bool VisitVarDecl(VarDecl *V) {
      // `auto *lin = m.as<Linear>()`: parameters of lin are those of every
      // Linear of the model.
      if (const Expr *Init = V->getInit())
        if (std::optional<LayerKind> K = castKind(Init)) {
          ParamTarget T;
          T.Model = X.ApplyModel.empty() ? Self : X.ApplyModel;
          T.KindFilter = K;
          T.Valid = !T.Model.empty();
          X.BoundTargets[V] = T;
        }
      return true;
    }
    bool TraverseIfStmt(IfStmt *If) {
      std::optional<LayerKind> Saved = X.TypeidFilter;
      std::map<const VarDecl *, ParamTarget> SavedBound = X.BoundTargets;
      struct L : RecursiveASTVisitor<L> {
        std::string S;
        bool VisitStringLiteral(StringLiteral *SL) {
          if (SL->getCharByteWidth() == 1)
            S = SL->getString().str();
          return true;
        }
      } LV;
      if (const Expr *Cond = If->getCond()) {
        // typeid(m) == typeid(torch::nn::LinearImpl)
        struct T : RecursiveASTVisitor<T> {
          std::optional<LayerKind> K;
          bool VisitCXXTypeidExpr(CXXTypeidExpr *E) {
            if (E->isTypeOperand())
              if (auto Kind = kindOfModuleType(
                      E->getTypeOperandSourceInfo()->getType()))
                K = Kind;
            return true;
          }
        } TV;
        TV.TraverseStmt(const_cast<Expr *>(Cond));
        if (TV.K)
          X.TypeidFilter = TV.K;
        // named_parameters: `if (p.key().find("weight") != npos)`.
        LV.TraverseStmt(const_cast<Expr *>(Cond));
        if (!LV.S.empty())
          for (auto &[V, Target] : X.BoundTargets)
            if (Target.Layer.empty() && !Target.KindFilter)
              Target.NameContains = LV.S;
        if (If->getConditionVariable())
          TraverseDecl(If->getConditionVariable());
        TraverseStmt(const_cast<Expr *>(Cond));
      }
      TraverseStmt(If->getThen());
      X.TypeidFilter = Saved;
      X.BoundTargets = SavedBound;
      // An else branch of a name test applies to "everything else": not a
      // statement about one kind of parameter, so it is skipped.
      bool NameTest = false;
      if (If->getElse() && !NameTest) {
        std::map<const VarDecl *, ParamTarget> Before = X.BoundTargets;
        bool HasLoopTarget = false;
        for (auto &[V, Target] : X.BoundTargets)
          if (Target.Layer.empty() && !Target.KindFilter)
            HasLoopTarget = true;
        // The else of `name contains "weight"` is the biases (and the
        // reverse): layers have a weight and a bias.
        std::string Other = LV.S == "weight" ? "bias" : LV.S == "bias" ? "weight" : "";
        if (HasLoopTarget && !Other.empty()) {
          for (auto &[V, Target] : X.BoundTargets)
            if (Target.Layer.empty() && !Target.KindFilter)
              Target.NameContains = Other;
          TraverseStmt(If->getElse());
        } else if (!HasLoopTarget) {
          TraverseStmt(If->getElse());
        }
        X.BoundTargets = Before;
      }
      return true;
    }
    bool TraverseCXXForRangeStmt(CXXForRangeStmt *For) {
      const Expr *Range = strip(For->getRangeInit());
      std::string Model;
      if (const auto *MC = dyn_cast_or_null<CXXMemberCallExpr>(Range)) {
        const CXXMethodDecl *MD = MC->getMethodDecl();
        if (MD && MD->getDeclName().isIdentifier() && isFrameworkDecl(MD)) {
          StringRef N = MD->getName();
          if (N == "parameters" || N == "named_parameters" || N == "modules" ||
              N == "children" || N == "named_modules" || N == "named_children") {
            const Expr *Obj = strip(MC->getImplicitObjectArgument());
            if (isa<CXXThisExpr>(Obj))
              Model = Self;
            else {
              if (const auto *Arrow = dyn_cast<CXXOperatorCallExpr>(Obj))
                if (Arrow->getOperator() == OO_Arrow)
                  Obj = Arrow->getArg(0);
              Model = modelNameOfExpr(Obj);
            }
            if (!Model.empty()) {
              ParamTarget T;
              T.Model = Model;
              T.Role = ir::ParamRole::Any;
              T.Valid = true;
              X.BoundTargets[For->getLoopVariable()] = T;
              std::string Saved = X.ApplyModel;
              if (N.contains("modules") || N.contains("children"))
                X.ApplyModel = Model;
              TraverseStmt(For->getBody());
              X.ApplyModel = Saved;
              X.BoundTargets.erase(For->getLoopVariable());
              return true;
            }
          }
        }
      }
      return RecursiveASTVisitor<Visitor>::TraverseCXXForRangeStmt(For);
    }
  } V(*this, SelfModel, SelfClass);
  V.TraverseStmt(const_cast<Stmt *>(S));
}

//===----------------------------------------------------------------------===//
// Sequentials built in functions
//===----------------------------------------------------------------------===//


void Extractor::walkFunctionBody(const Stmt *S, const FunctionDecl *FD,
                                 std::map<const VarDecl *, ir::Model *> &Seqs) {
  if (!S)
    return;
  if (const auto *DS = dyn_cast<DeclStmt>(S)) {
    for (const Decl *D : DS->decls()) {
      const auto *V = dyn_cast<VarDecl>(D);
      if (!V || !isSequentialType(V->getType()) ||
          V->getType()->isReferenceType())
        continue;
      std::string Name = sequentialModelName(V);
      const Expr *Init = V->getInit();
      // Initialised from a factory: that factory's model, not a new one.
      if (Init)
        if (const auto *Call = dyn_cast_or_null<CallExpr>(strip(Init)))
          if (const FunctionDecl *F = Call->getDirectCallee())
            if (!isFrameworkDecl(F))
              continue;
      ir::Model &M = model(Name);
      M.IsSequential = true;
      M.Loc = irLoc(Ctx, V->getLocation());
      M.ChainKnown = true;
      M.Chain.clear();
      if (Init)
        if (std::optional<Layer> L = layerFromExpr(Init))
          if (L->Kind == LayerKind::Sequential)
            M.Chain = L->Children;
      Seqs[V] = &M;
    }
    return;
  }
  if (const auto *For = dyn_cast<ForStmt>(S)) {
    if (auto Counted = countedLoop(For, Fold)) {
      auto [V, Range] = *Counted;
      int64_t Trips = std::max<int64_t>(Range.second - Range.first, 1);
      if (mayUnroll(Trips)) {
        Unrolled *= Trips;
        for (int64_t I = Range.first; I < Range.second; ++I) {
          Fold.bind(V, static_cast<double>(I));
          walkFunctionBody(For->getBody(), FD, Seqs);
        }
        Unrolled /= Trips;
        Fold.unbind(V);
        return;
      }
    }
  }
  if (isa<ForStmt>(S) || isa<WhileStmt>(S) || isa<DoStmt>(S) ||
      isa<CXXForRangeStmt>(S)) {
    // Pushed an unknown number of times: the chain is not known.
    std::map<const VarDecl *, size_t> Before;
    for (auto &[V, M] : Seqs)
      Before[V] = M->Chain.size();
    for (const Stmt *C : S->children())
      walkFunctionBody(C, FD, Seqs);
    // What the loop pushed may be there any number of times, perhaps never:
    // one unknown step stands for it.
    for (auto &[V, M] : Seqs) {
      auto B = Before.find(V);
      size_t Was = B == Before.end() ? 0 : B->second;
      if (M->Chain.size() > Was) {
        M->Chain.resize(Was);
        Layer U;
        U.Loc = irLoc(Ctx, S->getBeginLoc());
        M->Chain.push_back(U);
      }
    }
    return;
  }
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(S)) {
    const CXXMethodDecl *MD = MC->getMethodDecl();
    if (MD && MD->getDeclName().isIdentifier() && MD->getName() == "push_back") {
      const ValueDecl *D = referencedDecl(MC->getImplicitObjectArgument());
      if (const auto *V = dyn_cast_or_null<VarDecl>(D)) {
        auto It = Seqs.find(V);
        if (It != Seqs.end()) {
          pushBack(MC, It->second->Chain);
          return;
        }
      }
    }
  }
  if (const auto *R = dyn_cast<ReturnStmt>(S)) {
    // A factory: the returned Sequential is named after the function.
    if (const Expr *Ret = R->getRetValue()) {
      if (const auto *V = dyn_cast_or_null<VarDecl>(referencedDecl(Ret))) {
        auto It = Seqs.find(V);
        if (It != Seqs.end() && !isa<CXXMethodDecl>(FD)) {
          It->second->Name = FD->getQualifiedNameAsString();
          return;
        }
      }
      if (!isa<CXXMethodDecl>(FD) && isSequentialType(Ret->getType()))
        if (std::optional<Layer> L = layerFromExpr(Ret))
          if (L->Kind == LayerKind::Sequential) {
            ir::Model &M = model(FD->getQualifiedNameAsString());
            M.IsSequential = true;
            M.Loc = loc(Ret);
            M.Chain = L->Children;
            M.ChainKnown = true;
          }
    }
    return;
  }
  for (const Stmt *C : S->children())
    walkFunctionBody(C, FD, Seqs);
}

void Extractor::extractFunction(const FunctionDecl *FD) {
  std::map<const VarDecl *, ir::Model *> Seqs;
  // Model pointers stay valid: walkFunctionBody only adds models before it
  // takes their address in this function... guard by re-finding names.
  walkFunctionBody(FD->getBody(), FD, Seqs);
  scanInits(FD->getBody(), "", nullptr);
}

//===----------------------------------------------------------------------===//
// Run
//===----------------------------------------------------------------------===//

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

} // namespace

void extractModels(ASTContext &Ctx, Folder &Fold, ir::Program &Prog) {
  Extractor(Ctx, Fold, Prog).run();
}

} // namespace gradlint::lint
