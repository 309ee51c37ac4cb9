//===- lint/extract/Layers.cpp - Layers from construction expressions -----===//
//
// What a module construction builds: `Linear(10, 20)`, options builders,
// `make_shared<LinearImpl>(...)`, register_module's argument, a Sequential's
// children (brace lists, named pairs, Functional and lambdas), a factory's
// result.
//
//===----------------------------------------------------------------------===//

#include "lint/extract/ModelExtractorInternal.h"

#include "llvm/ADT/StringSwitch.h"

using namespace clang;

namespace gradlint::lint::models {

std::optional<ActivationKind> activationOfModule(llvm::StringRef N) {
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

std::optional<LayerKind> layerKindOfModule(llvm::StringRef N) {
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
      .Cases("AdaptiveAvgPool1d", "AdaptiveAvgPool2d", "AdaptiveMaxPool1d",
             "AdaptiveMaxPool2d",
             LayerKind::AdaptivePool)
      .Case("Flatten", LayerKind::Flatten)
      .Case("Sequential", LayerKind::Sequential)
      .Default(std::nullopt);
}

std::optional<Layer> Extractor::layerFromExpr(const Expr *E, unsigned Depth) {
  if (!E || Depth > 8)
    return std::nullopt;
  E = strip(E);
  if (!E)
    return std::nullopt;
  // A construction that did not resolve but whose type did
  // (`torch::nn::Linear(cfg::kIn, 64)` with cfg from a missing header): the
  // kind is known, nothing else. An unresolved type is never a layer.
  if (isa<RecoveryExpr>(E)) {
    const CXXRecordDecl *RD = moduleClassOf(E->getType());
    if (!RD || E->getType()->containsErrors() || !isFrameworkDecl(RD))
      return std::nullopt;
    return kindOnly(frameworkModuleName(RD), E);
  }
  // `Linear fc{Linear(64, 32)}`: list-initialisation from one element of
  // the same type.
  if (const auto *IL = dyn_cast<InitListExpr>(E)) {
    if (IL->getNumInits() == 1 && moduleClassOf(IL->getInit(0)->getType()))
      return layerFromExpr(IL->getInit(0), Depth + 1);
    return std::nullopt;
  }
  // `std::move(fc1)`: the module moved.
  if (const auto *Call = dyn_cast<CallExpr>(E))
    if (const FunctionDecl *FD = Call->getDirectCallee())
      if (FD->isInStdNamespace() && FD->getDeclName().isIdentifier() &&
          (FD->getName() == "move" || FD->getName() == "forward") &&
          Call->getNumArgs() == 1)
        return layerFromExpr(Call->getArg(0), Depth + 1);
  // A local module variable (`torch::nn::Linear fc1(784, 256)`): the layer
  // its declaration built.
  if (const VarDecl *V = localModuleVar(E))
    if (V->getInit() && !touchedByError(V))
      return layerFromExpr(V->getInit(), Depth + 1);
  // A Sequential whose construction did not resolve because an element did
  // not (`Sequential(Linear(4, 8), SEBlock(8), Linear(8, 2))`, SEBlock from
  // a missing header): Clang keeps the elements in order, so the known ones
  // keep their places and the unresolved one is an unknown step.
  if (const auto *U = dyn_cast<CXXUnresolvedConstructExpr>(E)) {
    if (!isSequentialType(U->getTypeAsWritten()))
      return std::nullopt;
    std::vector<const Expr *> Args(U->arg_begin(), U->arg_end());
    return frameworkLayer("Sequential", E, Args, Depth);
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

const VarDecl *localModuleVar(const Expr *E) {
  E = strip(E);
  if (const auto *Call = dyn_cast_or_null<CallExpr>(E))
    if (const FunctionDecl *FD = Call->getDirectCallee())
      if (FD->isInStdNamespace() && FD->getDeclName().isIdentifier() &&
          (FD->getName() == "move" || FD->getName() == "forward") &&
          Call->getNumArgs() == 1)
        E = strip(Call->getArg(0));
  const auto *DRE = dyn_cast_or_null<DeclRefExpr>(E);
  const auto *V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (V && V->hasLocalStorage() && !isa<ParmVarDecl>(V) &&
      !V->getType()->isReferenceType() && moduleClassOf(V->getType()) &&
      !isSequentialType(V->getType()))
    return V;
  return nullptr;
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
      // A local module put in: named after its variable, so that its
      // initialisation (`init::normal_(fc1->weight, ..)`) finds it.
      if (const VarDecl *V = localModuleVar(A))
        if (L->Name.empty())
          L->Name = V->getNameAsString();
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

/// `torch::kTanh` / `torch::kReLU` as RNNOptions::nonlinearity's argument
/// (through the variant's conversions), else unknown.
static std::optional<ActivationKind> nonlinearityOf(const Expr *E) {
  for (unsigned Depth = 0; E && Depth < 8; ++Depth) {
    E = E->IgnoreImplicit();
    if (const CXXRecordDecl *R = E->getType()->getAsCXXRecordDecl()) {
      if (R->getName() == "kTanh")
        return ActivationKind::Tanh;
      if (R->getName() == "kReLU")
        return ActivationKind::ReLU;
    }
    if (const auto *C = dyn_cast<CXXConstructExpr>(E))
      E = C->getNumArgs() >= 1 ? C->getArg(0) : nullptr;
    else if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E))
      E = M->getSubExpr();
    else if (const auto *F = dyn_cast<CXXFunctionalCastExpr>(E))
      E = F->getSubExpr();
    else
      return std::nullopt;
  }
  return std::nullopt;
}

Layer Extractor::kindOnly(const std::string &Module, const Expr *At) {
  Layer L;
  L.Loc = loc(At);
  if (std::optional<ActivationKind> A = activationOfModule(Module)) {
    L.Kind = LayerKind::Activation;
    L.Act = *A;
  } else if (std::optional<LayerKind> K = layerKindOfModule(Module)) {
    // A Sequential whose children did not resolve is not known empty.
    if (*K != LayerKind::Sequential)
      L.Kind = *K;
  }
  return L;
}

Layer Extractor::frameworkLayer(const std::string &Module, const Expr *At,
                                llvm::ArrayRef<const Expr *> Args,
                                unsigned Depth) {
  // An argument that did not resolve: its value, and the defaults it may
  // override, are unknown. Sequential children keep their own places.
  if (Module != "Sequential")
    for (const Expr *A : Args)
      if (touchedByError(A))
        return kindOnly(Module, At);
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
    if (*K == LayerKind::ConvTranspose) {
      // A value that does not fold stays unknown (the probe declines).
      L.OutputPadding = 0;
      if (const Expr *O = Arg(99, "output_padding"))
        L.OutputPadding = Int(O);
      L.Dilation = 1;
      if (const Expr *D = Arg(99, "dilation"))
        L.Dilation = Int(D);
      if (!L.OutputPadding || !L.Dilation)
        return kindOnly(Module, At);
    }
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
    if (const Expr *G = Arg(99, "groups"))
      L.Groups = Int(G);
    else
      L.Groups = 1;
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
    L.Groups = Int(Arg(0, "num_groups"));
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
    // Options the code leaves out take LibTorch's defaults.
    L.NumLayers = 1;
    if (const Expr *N = Arg(99, "num_layers"))
      L.NumLayers = Int(N);
    L.BatchFirst = false;
    if (const Expr *B = Arg(99, "batch_first"))
      L.BatchFirst = Fold.boolean(B);
    L.P = 0.0; // dropout between stacked layers
    if (const Expr *D = Arg(99, "dropout"))
      L.P = Fold.number(D);
    L.Bidirectional = false;
    if (const Expr *B = Arg(99, "bidirectional"))
      L.Bidirectional = Fold.boolean(B);
    if (*K == LayerKind::RNN) {
      L.Nonlinearity = ActivationKind::Tanh;
      if (const Expr *N = Arg(99, "nonlinearity"))
        L.Nonlinearity = nonlinearityOf(N);
    }
    if (const Expr *B = Arg(99, "bias"))
      L.Bias = Fold.boolean(B);
    else
      L.Bias = true;
    break;
  case LayerKind::AdaptivePool:
    L.OutputSize = Int(Arg(0, "output_size"));
    L.AdaptiveMax = StringRef(Module).starts_with("AdaptiveMax");
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

} // namespace gradlint::lint::models
