//===- rules/SaturatingStackCheck.cpp - gradlint-saturating-stack ---------===//

#include "rules/SaturatingStackCheck.h"

#include "rules/Chain.h"

#include <fmt/format.h>

namespace gradlint::rules {

using namespace ir;

SaturatingStackCheck::SaturatingStackCheck(OptionReader Options)
    : Check("gradlint-saturating-stack"),
      MinDepth(Options.get("MinDepth", int64_t(3))) {}

void SaturatingStackCheck::storeOptions(OptionMap &Options) const {
  Options[key("MinDepth")] = std::to_string(MinDepth);
}

namespace {
/// What a layer does to a run of saturating activations.
enum class Effect { Count, Pass, Break };

Effect effect(const Layer &L) {
  switch (L.Kind) {
  case LayerKind::Activation:
    switch (L.Act) {
    case ActivationKind::Sigmoid:
    case ActivationKind::Tanh:
      return Effect::Count;
    case ActivationKind::Identity:
      return Effect::Pass;
    case ActivationKind::ReLU:
    case ActivationKind::LeakyReLU:
    case ActivationKind::ELU:
    case ActivationKind::GELU:
    case ActivationKind::SiLU:
    case ActivationKind::Softplus:
    case ActivationKind::Softmax:
    case ActivationKind::LogSoftmax:
    case ActivationKind::Hardtanh:
    case ActivationKind::ReLU6:
    case ActivationKind::Unknown:
      // "In a row" means sigmoid/tanh only; anything else ends the run, an
      // unknown function because we cannot tell.
      return Effect::Break;
    }
    return Effect::Break;
  // Affine maps, dropout and reshaping do not restore the gradient.
  case LayerKind::Linear:
  case LayerKind::Conv1d:
  case LayerKind::Conv2d:
  case LayerKind::Conv3d:
  case LayerKind::ConvTranspose:
  case LayerKind::Dropout:
  case LayerKind::Flatten:
  case LayerKind::MaxPool:
  case LayerKind::AvgPool:
  case LayerKind::AdaptivePool:
    return Effect::Pass;
  // Normalisation re-centres the pre-activations, a residual adds an
  // identity path; recurrent cells and unknown layers we cannot see into.
  case LayerKind::BatchNorm1d:
  case LayerKind::BatchNorm2d:
  case LayerKind::LayerNorm:
  case LayerKind::GroupNorm:
  case LayerKind::Residual:
  case LayerKind::Embedding:
  case LayerKind::RNN:
  case LayerKind::LSTM:
  case LayerKind::GRU:
  case LayerKind::Sequential:
  case LayerKind::Unknown:
    return Effect::Break;
  }
  return Effect::Break;
}

std::string message(const std::vector<Layer> &Run) {
  size_t Sigmoids = 0;
  for (const Layer &L : Run)
    Sigmoids += L.Act == ActivationKind::Sigmoid;
  size_t N = Run.size();
  if (Sigmoids == N)
    return fmt::format("{} sigmoid activations in a row with nothing between "
                       "to keep gradients alive; each multiplies the gradient "
                       "by at most 0.25",
                       N);
  if (Sigmoids == 0)
    return fmt::format("{} tanh activations in a row with nothing between to "
                       "keep gradients alive; each multiplies the gradient by "
                       "at most 1, and by less than 0.1 once saturated",
                       N);
  return fmt::format("{} sigmoid/tanh activations in a row with nothing "
                     "between to keep gradients alive; each multiplies the "
                     "gradient by at most 0.25 (sigmoid) or 1 (tanh)",
                     N);
}
} // namespace

void SaturatingStackCheck::check(Context &Ctx) const {
  for (const Model &M : Ctx.program().Models) {
    if (!M.ChainKnown)
      continue;
    std::vector<Layer> Chain = flatten(M.Chain);
    std::vector<Layer> Run;
    auto Flush = [&] {
      if (static_cast<int64_t>(Run.size()) >= MinDepth && !Run.empty()) {
        Finding F = finding(Run.front().Loc, message(Run));
        for (size_t I = 1; I < Run.size(); ++I)
          F.Notes.push_back({Run[I].Loc,
                             fmt::format("{} {} of {} here", ir::name(Run[I].Act),
                                         I + 1, Run.size())});
        Claim C;
        C.What = Metric::FirstLastGradRatio;
        C.Cmp = Compare::Less;
        C.Threshold = 1e-2;
        C.TheFix.Kind = FixKind::ReplaceActivations;
        C.TheFix.NewAct = ActivationKind::ReLU;
        C.TheFix.Description = "ReLU in place of the sigmoid/tanh activations";
        C.FixFactor = 10;
        C.ModelName = M.Name;
        F.Claims.push_back(std::move(C));
        Ctx.report(std::move(F));
      }
      Run.clear();
    };
    for (const Layer &L : Chain) {
      switch (effect(L)) {
      case Effect::Count:
        Run.push_back(L);
        break;
      case Effect::Pass:
        break;
      case Effect::Break:
        Flush();
        break;
      }
    }
    Flush();
  }
}

} // namespace gradlint::rules
