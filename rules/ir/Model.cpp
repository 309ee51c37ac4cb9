//===- rules/ir/Model.cpp - Model IR helpers ------------------------------===//

#include "rules/ir/Model.h"

#include <algorithm>

namespace gradlint::ir {

bool hasParameters(LayerKind K) {
  switch (K) {
  case LayerKind::Linear:
  case LayerKind::Conv1d:
  case LayerKind::Conv2d:
  case LayerKind::Conv3d:
  case LayerKind::ConvTranspose:
  case LayerKind::BatchNorm1d:
  case LayerKind::BatchNorm2d:
  case LayerKind::LayerNorm:
  case LayerKind::GroupNorm:
  case LayerKind::Embedding:
  case LayerKind::RNN:
  case LayerKind::LSTM:
  case LayerKind::GRU:
  case LayerKind::Sequential:
  case LayerKind::Unknown:
    return true;
  case LayerKind::Dropout:
  case LayerKind::MaxPool:
  case LayerKind::AvgPool:
  case LayerKind::AdaptivePool:
  case LayerKind::Flatten:
  case LayerKind::Activation:
  case LayerKind::Residual:
    return false;
  }
  return true;
}

bool isAffine(LayerKind K) {
  switch (K) {
  case LayerKind::Linear:
  case LayerKind::Conv1d:
  case LayerKind::Conv2d:
  case LayerKind::Conv3d:
  case LayerKind::ConvTranspose:
    return true;
  default:
    return false;
  }
}

bool isNormalization(LayerKind K) {
  return K == LayerKind::BatchNorm1d || K == LayerKind::BatchNorm2d ||
         K == LayerKind::LayerNorm || K == LayerKind::GroupNorm;
}

static void flattenInto(const std::vector<Layer> &Chain,
                        std::vector<Layer> &Out) {
  for (const Layer &L : Chain) {
    if (L.Kind == LayerKind::Sequential && !L.Children.empty()) {
      flattenInto(L.Children, Out);
      continue;
    }
    Out.push_back(L);
  }
}

std::vector<Layer> flatten(const std::vector<Layer> &Chain) {
  std::vector<Layer> Out;
  flattenInto(Chain, Out);
  return Out;
}

const Model *Program::findModel(const std::string &Name) const {
  std::string N = Name;
  for (unsigned Depth = 0; Depth < 4; ++Depth) {
    auto It = std::find_if(Models.begin(), Models.end(),
                           [&](const Model &M) { return M.Name == N; });
    if (It == Models.end() || It->InstanceOf.empty() || It->InstanceOf == N)
      return It == Models.end() ? nullptr : &*It;
    if (!std::any_of(Models.begin(), Models.end(), [&](const Model &M) {
          return M.Name == It->InstanceOf;
        }))
      return &*It; // the definition is not in this program
    N = It->InstanceOf;
  }
  return nullptr;
}

static bool sameLoc(const SourceLoc &A, const SourceLoc &B) {
  return A.File == B.File && A.Line == B.Line && A.Column == B.Column;
}

static void mergeModel(Model &Into, const Model &From) {
  if (!Into.Loc.isValid())
    Into.Loc = From.Loc;
  Into.ConstructorKnown |= From.ConstructorKnown;
  Into.IsSequential |= From.IsSequential;
  if (Into.InstanceOf.empty())
    Into.InstanceOf = From.InstanceOf;
  if (!Into.ChainKnown && From.ChainKnown) {
    Into.Chain = From.Chain;
    Into.ChainKnown = true;
    Into.ForwardLoc = From.ForwardLoc;
  }
  for (const Member &M : From.Members) {
    auto It = std::find_if(Into.Members.begin(), Into.Members.end(),
                           [&](const Member &X) { return X.Name == M.Name; });
    if (It == Into.Members.end()) {
      Into.Members.push_back(M);
      continue;
    }
    It->Registered |= M.Registered;
    It->UsedInForward |= M.UsedInForward;
    if (It->Kind == LayerKind::Unknown)
      It->Kind = M.Kind;
  }
  for (const Init &I : From.Inits)
    if (std::none_of(Into.Inits.begin(), Into.Inits.end(),
                     [&](const Init &X) { return sameLoc(X.Loc, I.Loc); }))
      Into.Inits.push_back(I);
}

static void renameLayers(std::vector<Layer> &Chain, const std::string &From,
                         const std::string &To) {
  for (Layer &L : Chain) {
    if (L.ModuleClass == From)
      L.ModuleClass = To;
    renameLayers(L.Children, From, To);
  }
}

static void renameEvents(std::vector<StepNode> &Nodes, const std::string &From,
                         const std::string &To) {
  for (StepNode &N : Nodes) {
    if (N.Ev.ModelName == From)
      N.Ev.ModelName = To;
    renameEvents(N.Children, From, To);
  }
}

void merge(Program &Into, const Program &Source) {
  // Two different Sequentials that happen to share a name ("main::model" in
  // two programs) stay two models: the newcomer is renamed after its file.
  Program Renamed;
  const Program *FromP = &Source;
  for (const Model &M : Source.Models) {
    const Model *Old = Into.findModel(M.Name);
    if (!Old || !Old->IsSequential || !M.IsSequential || !Old->Loc.isValid() ||
        !M.Loc.isValid() || Old->Loc.File == M.Loc.File)
      continue;
    if (FromP == &Source) {
      Renamed = Source;
      FromP = &Renamed;
    }
    std::string Base = M.Loc.File.substr(M.Loc.File.find_last_of('/') + 1);
    std::string To = M.Name + "@" + Base;
    for (Model &X : Renamed.Models) {
      if (X.Name == M.Name)
        X.Name = To;
      if (X.InstanceOf == M.Name)
        X.InstanceOf = To;
      renameLayers(X.Chain, M.Name, To);
    }
    for (Optimizer &O : Renamed.Optimizers)
      if (O.ModelName == M.Name)
        O.ModelName = To;
    for (TrainingFunction &T : Renamed.Trainings)
      renameEvents(T.Body, M.Name, To);
  }
  const Program &From = *FromP;
  for (const Model &M : From.Models) {
    auto It = std::find_if(Into.Models.begin(), Into.Models.end(),
                           [&](const Model &X) { return X.Name == M.Name; });
    if (It == Into.Models.end())
      Into.Models.push_back(M);
    else
      mergeModel(*It, M);
  }
  // A header seen by two translation units yields the same optimizer and
  // training function twice; keep one.
  size_t Offset = Into.Optimizers.size();
  std::vector<int> Remap;
  for (const Optimizer &O : From.Optimizers) {
    auto It = std::find_if(Into.Optimizers.begin(), Into.Optimizers.end(),
                           [&](const Optimizer &X) { return sameLoc(X.Loc, O.Loc); });
    if (It != Into.Optimizers.end()) {
      Remap.push_back(static_cast<int>(It - Into.Optimizers.begin()));
      continue;
    }
    Remap.push_back(static_cast<int>(Into.Optimizers.size()));
    Into.Optimizers.push_back(O);
  }
  (void)Offset;
  for (TrainingFunction T : From.Trainings) {
    if (std::any_of(Into.Trainings.begin(), Into.Trainings.end(),
                    [&](const TrainingFunction &X) { return sameLoc(X.Loc, T.Loc); }))
      continue;
    // Re-point optimizer indices at the merged list.
    std::vector<StepNode *> Work;
    for (StepNode &N : T.Body)
      Work.push_back(&N);
    while (!Work.empty()) {
      StepNode *N = Work.back();
      Work.pop_back();
      if (N->Ev.OptimizerIndex >= 0 &&
          N->Ev.OptimizerIndex < static_cast<int>(Remap.size()))
        N->Ev.OptimizerIndex = Remap[N->Ev.OptimizerIndex];
      for (StepNode &C : N->Children)
        Work.push_back(&C);
    }
    Into.Trainings.push_back(std::move(T));
  }
}

static void resolveChain(const Program &P, std::vector<Layer> &Chain,
                         unsigned Depth) {
  for (Layer &L : Chain) {
    if (!L.ModuleClass.empty() && L.Children.empty() && Depth < 8) {
      const Model *M = P.findModel(L.ModuleClass);
      if (M && M->ChainKnown) {
        L.Kind = LayerKind::Sequential;
        L.Children = M->Chain;
      }
    }
    resolveChain(P, L.Children, Depth + 1);
  }
}

void resolveSubmodules(Program &P) {
  for (Model &M : P.Models)
    resolveChain(P, M.Chain, 0);
}

// Names as they appear in JSON and messages. Each table is in enum order.
namespace {
template <typename E, size_t N>
std::string_view lookup(E K, const std::string_view (&Names)[N]) {
  size_t I = static_cast<size_t>(K);
  return I < N ? Names[I] : std::string_view("unknown");
}
template <typename E, size_t N>
std::optional<E> reverse(std::string_view S, const std::string_view (&Names)[N]) {
  for (size_t I = 0; I < N; ++I)
    if (Names[I] == S)
      return static_cast<E>(I);
  return std::nullopt;
}

const std::string_view LayerNames[] = {
    "linear",     "conv1d",       "conv2d",       "conv3d",     "conv_transpose",
    "batch_norm1d", "batch_norm2d", "layer_norm", "group_norm", "dropout",
    "embedding",  "rnn",          "lstm",         "gru",        "max_pool",
    "avg_pool",   "adaptive_pool", "flatten",     "activation", "residual",
    "sequential", "unknown"};
const std::string_view ActNames[] = {
    "sigmoid", "tanh",    "relu",        "leaky_relu", "elu",
    "gelu",    "silu",    "softplus",    "softmax",    "log_softmax",
    "hardtanh", "relu6",  "identity",    "unknown"};
const std::string_view InitNames[] = {
    "default",        "zeros",         "ones",          "constant",
    "uniform",        "normal",        "xavier_uniform", "xavier_normal",
    "kaiming_uniform", "kaiming_normal", "orthogonal",    "unknown"};
const std::string_view OptNames[] = {"sgd",     "adam",  "adamw", "rmsprop",
                                     "adagrad", "lbfgs", "unknown"};
const std::string_view LossNames[] = {
    "mse", "l1",  "smooth_l1", "huber",  "bce", "bce_with_logits",
    "cross_entropy", "nll", "kl_div", "unknown"};
const std::string_view StepNames[] = {"forward", "loss",  "zero_grad",
                                      "backward", "step", "clip_grad",
                                      "train",   "eval",  "optimizer"};
const std::string_view RoleNames[] = {"weight", "bias", "any"};
const std::string_view FormNames[] = {"module", "functional", "function",
                                      "method"};
const std::string_view DistNames[] = {"unknown", "uniform", "normal",
                                      "integers", "constant"};
} // namespace

std::string_view name(LayerKind K) { return lookup(K, LayerNames); }
std::string_view name(ActivationKind K) { return lookup(K, ActNames); }
std::string_view name(InitScheme K) { return lookup(K, InitNames); }
std::string_view name(OptimizerKind K) { return lookup(K, OptNames); }
std::string_view name(LossKind K) { return lookup(K, LossNames); }
std::string_view name(StepOp K) { return lookup(K, StepNames); }
std::string_view name(ParamRole K) { return lookup(K, RoleNames); }
std::string_view name(ActivationForm K) { return lookup(K, FormNames); }
std::string_view name(DataDist K) { return lookup(K, DistNames); }

std::optional<LayerKind> parseLayerKind(std::string_view S) {
  return reverse<LayerKind>(S, LayerNames);
}
std::optional<ActivationKind> parseActivationKind(std::string_view S) {
  return reverse<ActivationKind>(S, ActNames);
}
std::optional<InitScheme> parseInitScheme(std::string_view S) {
  return reverse<InitScheme>(S, InitNames);
}
std::optional<OptimizerKind> parseOptimizerKind(std::string_view S) {
  return reverse<OptimizerKind>(S, OptNames);
}
std::optional<LossKind> parseLossKind(std::string_view S) {
  return reverse<LossKind>(S, LossNames);
}
std::optional<StepOp> parseStepOp(std::string_view S) {
  return reverse<StepOp>(S, StepNames);
}
std::optional<ParamRole> parseParamRole(std::string_view S) {
  return reverse<ParamRole>(S, RoleNames);
}
std::optional<ActivationForm> parseActivationForm(std::string_view S) {
  return reverse<ActivationForm>(S, FormNames);
}
std::optional<DataDist> parseDataDist(std::string_view S) {
  return reverse<DataDist>(S, DistNames);
}

} // namespace gradlint::ir
