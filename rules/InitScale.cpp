//===- rules/InitScale.cpp - Which layers an init touches, at what scale --===//

#include "rules/InitScale.h"

#include "rules/Chain.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace gradlint::rules {

using namespace ir;

bool touchesWeight(const Init &I) {
  if (I.Role == ParamRole::Bias)
    return false;
  if (I.NameContains.find("bias") != std::string::npos)
    return false;
  return true;
}

std::vector<size_t> initTargets(const std::vector<Layer> &Chain,
                                const Init &I) {
  std::vector<size_t> Out;
  for (size_t K = 0; K < Chain.size(); ++K) {
    const Layer &L = Chain[K];
    if (!I.Layer.empty()) {
      if (L.Name == I.Layer) {
        Out.push_back(K);
        break; // A layer applied twice is one layer.
      }
      continue;
    }
    if (I.KindFilter ? L.Kind == *I.KindFilter : isAffine(L.Kind))
      Out.push_back(K);
  }
  return Out;
}

std::optional<size_t> lastAffine(const std::vector<Layer> &Chain) {
  for (size_t K = Chain.size(); K-- > 0;)
    if (isAffine(Chain[K].Kind))
      return K;
  return std::nullopt;
}

static std::optional<double> receptive(const Layer &L) {
  int Dims = 0;
  switch (L.Kind) {
  case LayerKind::Linear:
    return 1.0;
  case LayerKind::Conv1d:
    Dims = 1;
    break;
  case LayerKind::Conv2d:
    Dims = 2;
    break;
  case LayerKind::Conv3d:
    Dims = 3;
    break;
  default:
    // ConvTranspose: its dimensionality is not in the IR.
    return std::nullopt;
  }
  if (!L.Kernel || *L.Kernel <= 0)
    return std::nullopt;
  return std::pow(static_cast<double>(*L.Kernel), Dims);
}

std::optional<double> fanIn(const Layer &L) {
  std::optional<double> R = receptive(L);
  if (!R || !L.In || *L.In <= 0)
    return std::nullopt;
  return *R * static_cast<double>(*L.In);
}

std::optional<double> fanOut(const Layer &L) {
  std::optional<double> R = receptive(L);
  if (!R || !L.Out || *L.Out <= 0)
    return std::nullopt;
  return *R * static_cast<double>(*L.Out);
}

std::optional<double> initScale(const Init &I, const Layer &L) {
  std::optional<double> In = fanIn(L);
  switch (I.Scheme) {
  case InitScheme::Uniform: {
    if (!I.A || !I.B)
      return std::nullopt;
    // U(a, b): mean (a+b)/2, variance (b-a)^2/12. The RMS counts the mean
    // too: U(0.5, 0.51) has a tiny spread but large weights.
    double Mean = (*I.A + *I.B) / 2, Var = (*I.B - *I.A) * (*I.B - *I.A) / 12;
    return std::sqrt(Mean * Mean + Var);
  }
  case InitScheme::Normal:
    if (!I.A || !I.B)
      return std::nullopt;
    return std::sqrt(*I.A * *I.A + *I.B * *I.B);
  case InitScheme::XavierUniform:
  case InitScheme::XavierNormal: {
    std::optional<double> Out = fanOut(L);
    if (!In || !Out)
      return std::nullopt;
    return I.Gain.value_or(1.0) * std::sqrt(2.0 / (*In + *Out));
  }
  case InitScheme::KaimingUniform:
  case InitScheme::KaimingNormal: {
    if (!In)
      return std::nullopt;
    // LibTorch's defaults: mode fan_in, nonlinearity leaky_relu with slope
    // a (0 unless given), gain sqrt(2 / (1 + a^2)).
    double A = I.Gain.value_or(0.0);
    return std::sqrt(2.0 / (1 + A * A)) / std::sqrt(*In);
  }
  case InitScheme::Orthogonal: {
    std::optional<double> Out = fanOut(L);
    if (!In || !Out)
      return std::nullopt;
    // Orthonormal rows (or columns) of length 1 spread over max(in, out)
    // entries.
    return I.Gain.value_or(1.0) / std::sqrt(std::max(*In, *Out));
  }
  case InitScheme::Default:
  case InitScheme::Zeros:
  case InitScheme::Ones:
  case InitScheme::Constant:
  case InitScheme::Unknown:
    return std::nullopt;
  }
  return std::nullopt;
}

double neededScale(ActivationKind Act, double FanIn) {
  // He for the ReLU family (half the units are off), LeCun otherwise.
  return isReluFamily(Act) ? std::sqrt(2.0 / FanIn) : 1.0 / std::sqrt(FanIn);
}

std::string describeInit(const Init &I) {
  auto V = [](const std::optional<double> &X) {
    return X ? num(*X) : std::string("?");
  };
  switch (I.Scheme) {
  case InitScheme::Uniform:
    return fmt::format("uniform({}, {})", V(I.A), V(I.B));
  case InitScheme::Normal:
    return fmt::format("normal({}, {})", V(I.A), V(I.B));
  case InitScheme::Constant:
    return fmt::format("constant({})", V(I.A));
  case InitScheme::XavierUniform:
  case InitScheme::XavierNormal:
  case InitScheme::Orthogonal:
    if (I.Gain)
      return fmt::format("{}(gain {})", name(I.Scheme), num(*I.Gain));
    return std::string(name(I.Scheme));
  case InitScheme::KaimingUniform:
  case InitScheme::KaimingNormal:
    if (I.Gain)
      return fmt::format("{}(a {})", name(I.Scheme), num(*I.Gain));
    return std::string(name(I.Scheme));
  case InitScheme::Default:
  case InitScheme::Zeros:
  case InitScheme::Ones:
  case InitScheme::Unknown:
    return std::string(name(I.Scheme));
  }
  return std::string(name(I.Scheme));
}

std::string inputsInto(const ScaleMismatch &S) {
  if (S.Act == ActivationKind::Identity)
    return fmt::format("{} inputs", num(S.FanIn));
  return fmt::format("{} inputs into a {}", num(S.FanIn), name(S.Act));
}

/// Whether the output of Chain[Index] reaches a normalisation layer through
/// steps that only rescale it: pooling, dropout, flattening, ReLU and leaky
/// ReLU (positively homogeneous), and affine layers when the normalisation
/// is a batch norm (it subtracts each channel's mean, so their biases drop
/// out too). The normalisation then undoes whatever scale the weights have:
/// the DCGAN discriminator's N(0, 0.02) first convolution, two steps before
/// its first BatchNorm, does not shrink the signal.
static bool rescaledIntoNorm(const std::vector<Layer> &Chain, size_t Index) {
  bool ThroughAffine = false;
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
      if (L.Act == ActivationKind::ReLU || L.Act == ActivationKind::LeakyReLU ||
          L.Act == ActivationKind::Identity)
        continue;
      return false;
    case LayerKind::Linear:
    case LayerKind::Conv1d:
    case LayerKind::Conv2d:
    case LayerKind::Conv3d:
    case LayerKind::ConvTranspose:
      ThroughAffine = true;
      continue;
    case LayerKind::BatchNorm1d:
    case LayerKind::BatchNorm2d:
      return true;
    case LayerKind::LayerNorm:
    case LayerKind::GroupNorm:
      return !ThroughAffine;
    case LayerKind::Embedding:
    case LayerKind::RNN:
    case LayerKind::LSTM:
    case LayerKind::GRU:
    case LayerKind::Residual:
    case LayerKind::Sequential:
    case LayerKind::Unknown:
      return false;
    }
  }
  return false;
}

std::vector<ScaleMismatch> scaleMismatches(const Model &M, const Init &I,
                                           double Factor, bool Below,
                                           bool SkipOutput) {
  std::vector<ScaleMismatch> Out;
  if (I.Dead || !touchesWeight(I) || !M.ChainKnown)
    return Out;
  std::vector<Layer> Chain = flatten(M.Chain);
  std::optional<size_t> Last = lastAffine(Chain);
  for (size_t K : initTargets(Chain, I)) {
    const Layer &L = Chain[K];
    if (SkipOutput && Last && K == *Last)
      continue;
    if (rescaledIntoNorm(Chain, K))
      continue;
    std::optional<double> In = fanIn(L);
    std::optional<double> Scale = initScale(I, L);
    FollowingAct Next = followingActivation(Chain, K);
    if (!In || !Scale || !Next.Known)
      continue;
    double Needed = neededScale(Next.Act, *In);
    bool Off = Below ? *Scale * Factor <= Needed : *Scale >= Factor * Needed;
    if (Off)
      Out.push_back({L, Next.Act, *In, *Scale, Needed});
  }
  return Out;
}

} // namespace gradlint::rules
