//===- rules/Chain.cpp - Layer-chain queries shared by checks -------------===//

#include "rules/Chain.h"

#include <fmt/format.h>

#include <cmath>

namespace gradlint::rules {

using namespace ir;

std::string describe(const Layer &L) {
  if (!L.Name.empty())
    return "'" + L.Name + "'";
  auto Shape = [&](const char *Kind) {
    if (L.In && L.Out)
      return fmt::format("{}({}, {})", Kind, *L.In, *L.Out);
    return std::string(Kind);
  };
  switch (L.Kind) {
  case LayerKind::Linear:
    return Shape("Linear");
  case LayerKind::Conv1d:
    return Shape("Conv1d");
  case LayerKind::Conv2d:
    return Shape("Conv2d");
  case LayerKind::Conv3d:
    return Shape("Conv3d");
  case LayerKind::ConvTranspose:
    return Shape("ConvTranspose");
  case LayerKind::Activation:
    return std::string(name(L.Act));
  default:
    return std::string(name(L.Kind));
  }
}

std::string num(double V) {
  double A = std::fabs(V);
  if (A >= 10 && A < 1e6)
    return fmt::format("{:.0f}", V);
  std::string S = fmt::format("{:.2g}", V);
  // "1e-06" -> "1e-6", "1e+07" -> "1e+7": as people write them.
  size_t E = S.find('e');
  if (E != std::string::npos && E + 2 < S.size() && S[E + 2] == '0')
    S.erase(E + 2, 1);
  return S;
}

const SourceLoc &firstValid(const SourceLoc &A, const SourceLoc &B) {
  return A.isValid() ? A : B;
}

FollowingAct followingActivation(const std::vector<Layer> &Chain,
                                 size_t Index) {
  for (size_t I = Index + 1; I < Chain.size(); ++I) {
    const Layer &L = Chain[I];
    switch (L.Kind) {
    case LayerKind::Dropout:
    case LayerKind::Flatten:
    case LayerKind::MaxPool:
    case LayerKind::AvgPool:
    case LayerKind::AdaptivePool:
      continue;
    case LayerKind::Activation:
      if (L.Act == ActivationKind::Unknown)
        return {};
      return {true, L.Act};
    case LayerKind::Linear:
    case LayerKind::Conv1d:
    case LayerKind::Conv2d:
    case LayerKind::Conv3d:
    case LayerKind::ConvTranspose:
      return {true, ActivationKind::Identity};
    case LayerKind::BatchNorm1d:
    case LayerKind::BatchNorm2d:
    case LayerKind::LayerNorm:
    case LayerKind::GroupNorm:
    case LayerKind::Embedding:
    case LayerKind::RNN:
    case LayerKind::LSTM:
    case LayerKind::GRU:
    case LayerKind::Residual:
    case LayerKind::Sequential:
    case LayerKind::Unknown:
      return {};
    }
  }
  return {true, ActivationKind::Identity};
}

std::string optimizerName(OptimizerKind K) {
  switch (K) {
  case OptimizerKind::SGD:
    return "SGD";
  case OptimizerKind::Adam:
    return "Adam";
  case OptimizerKind::AdamW:
    return "AdamW";
  case OptimizerKind::RMSprop:
    return "RMSprop";
  case OptimizerKind::Adagrad:
    return "Adagrad";
  case OptimizerKind::LBFGS:
    return "LBFGS";
  case OptimizerKind::Unknown:
    return "optimizer";
  }
  return "optimizer";
}

std::string lossName(LossKind K) {
  switch (K) {
  case LossKind::MSE:
    return "mse_loss";
  case LossKind::L1:
    return "l1_loss";
  case LossKind::SmoothL1:
    return "smooth_l1_loss";
  case LossKind::Huber:
    return "huber_loss";
  case LossKind::BCE:
    return "binary_cross_entropy";
  case LossKind::BCEWithLogits:
    return "binary_cross_entropy_with_logits";
  case LossKind::CrossEntropy:
    return "cross_entropy";
  case LossKind::NLL:
    return "nll_loss";
  case LossKind::KLDiv:
    return "kl_div";
  case LossKind::Unknown:
    return "loss";
  }
  return "loss";
}

bool isRegressionLoss(LossKind K) {
  return K == LossKind::MSE || K == LossKind::L1 || K == LossKind::SmoothL1 ||
         K == LossKind::Huber;
}

Claim makeClaim(Metric What, Compare Cmp, double Threshold, FixKind Fix,
                std::string Description, std::string ModelName,
                double FixFactor) {
  Claim C;
  C.What = What;
  C.Cmp = Cmp;
  C.Threshold = Threshold;
  C.TheFix.Kind = Fix;
  C.TheFix.Description = std::move(Description);
  C.ModelName = std::move(ModelName);
  C.FixFactor = FixFactor;
  return C;
}

void prove(Finding &F, std::string Proof) {
  F.Proof = std::move(Proof);
  Verdict V;
  V.Kind = VerdictKind::Proven;
  V.Summary = F.Proof;
  F.Probe = std::move(V);
}

bool isReluFamily(ActivationKind K) {
  switch (K) {
  case ActivationKind::ReLU:
  case ActivationKind::LeakyReLU:
  case ActivationKind::ELU:
  case ActivationKind::GELU:
  case ActivationKind::SiLU:
  case ActivationKind::ReLU6:
    return true;
  case ActivationKind::Sigmoid:
  case ActivationKind::Tanh:
  case ActivationKind::Softplus:
  case ActivationKind::Softmax:
  case ActivationKind::LogSoftmax:
  case ActivationKind::Hardtanh:
  case ActivationKind::Identity:
  case ActivationKind::Unknown:
    return false;
  }
  return false;
}

static void flattenInto(const std::vector<StepNode> &Body,
                        std::vector<const StepNode *> &Loops, bool InBranch,
                        std::vector<FlatEvent> &Out) {
  for (const StepNode &N : Body) {
    switch (N.Kind) {
    case StepNode::Event:
      Out.push_back({&N.Ev, Loops, InBranch});
      break;
    case StepNode::Loop:
      Loops.push_back(&N);
      flattenInto(N.Children, Loops, false, Out);
      Loops.pop_back();
      break;
    case StepNode::Branch:
      flattenInto(N.Children, Loops, true, Out);
      break;
    }
  }
}

std::vector<FlatEvent> flattenEvents(const std::vector<StepNode> &Body) {
  std::vector<FlatEvent> Out;
  std::vector<const StepNode *> Loops;
  flattenInto(Body, Loops, false, Out);
  return Out;
}

std::vector<FlatEvent> flattenEvents(const StepNode &Node) {
  return flattenEvents(Node.Children);
}

static void loopsInto(const std::vector<StepNode> &Body,
                      std::vector<const StepNode *> &Out) {
  for (const StepNode &N : Body) {
    if (N.Kind == StepNode::Loop)
      Out.push_back(&N);
    loopsInto(N.Children, Out);
  }
}

std::vector<const StepNode *> collectLoops(const std::vector<StepNode> &Body) {
  std::vector<const StepNode *> Out;
  loopsInto(Body, Out);
  return Out;
}

const Optimizer *resolveOptimizer(const Program &P, const TrainingFunction &T,
                                  const std::string &Var) {
  if (Var.empty())
    return nullptr;
  for (const FlatEvent &E : flattenEvents(T.Body))
    if (E.Ev->Op == StepOp::Optimizer && E.Ev->Var == Var &&
        E.Ev->OptimizerIndex >= 0 &&
        E.Ev->OptimizerIndex < static_cast<int>(P.Optimizers.size()))
      return &P.Optimizers[E.Ev->OptimizerIndex];
  const Optimizer *InFunction = nullptr, *Anywhere = nullptr;
  int NumInFunction = 0, NumAnywhere = 0;
  for (const Optimizer &O : P.Optimizers) {
    if (O.Var != Var)
      continue;
    ++NumAnywhere;
    Anywhere = &O;
    if (O.Function == T.Name) {
      ++NumInFunction;
      InFunction = &O;
    }
  }
  if (NumInFunction == 1)
    return InFunction;
  if (NumInFunction == 0 && NumAnywhere == 1)
    return Anywhere;
  return nullptr;
}

const Optimizer *resolveOptimizer(const Program &P, const TrainingFunction &T,
                                  const StepEvent &Ev) {
  if (Ev.OptimizerIndex >= 0 &&
      Ev.OptimizerIndex < static_cast<int>(P.Optimizers.size()))
    return &P.Optimizers[Ev.OptimizerIndex];
  return resolveOptimizer(P, T, Ev.Var);
}

std::string lossModelName(const std::vector<FlatEvent> &Events, size_t Index) {
  if (!Events[Index].Ev->ModelName.empty())
    return Events[Index].Ev->ModelName;
  for (size_t I = Index; I-- > 0;)
    if (Events[I].Ev->Op == StepOp::Forward && !Events[I].Ev->ModelName.empty())
      return Events[I].Ev->ModelName;
  return {};
}

std::optional<OutputAct> outputActivation(const Program &P,
                                          const std::vector<FlatEvent> &Events,
                                          size_t Index) {
  const StepEvent &Loss = *Events[Index].Ev;
  OutputAct Out;
  Out.M = P.findModel(lossModelName(Events, Index));
  if (!Loss.CallSiteActs.empty() &&
      Loss.CallSiteActs.back() != ActivationKind::Identity) {
    if (Loss.CallSiteActs.back() == ActivationKind::Unknown)
      return std::nullopt;
    Out.Act = Loss.CallSiteActs.back();
    Out.Loc = firstValid(Loss.CallSiteActLoc, Loss.Loc);
    Out.AtCallSite = true;
    return Out;
  }
  if (!Out.M || !Out.M->ChainKnown)
    return std::nullopt;
  std::vector<Layer> Chain = flatten(Out.M->Chain);
  for (size_t I = Chain.size(); I-- > 0;) {
    const Layer &L = Chain[I];
    if (L.Kind == LayerKind::Dropout || L.Kind == LayerKind::Flatten ||
        (L.Kind == LayerKind::Activation && L.Act == ActivationKind::Identity))
      continue;
    if (L.Kind == LayerKind::Activation) {
      if (L.Act == ActivationKind::Unknown)
        return std::nullopt;
      Out.Act = L.Act;
      Out.Loc = L.Loc;
      return Out;
    }
    if (isAffine(L.Kind)) {
      Out.Act = ActivationKind::Identity;
      Out.Loc = L.Loc;
      return Out;
    }
    return std::nullopt;
  }
  return std::nullopt;
}

} // namespace gradlint::rules
