//===- rules/MissingNonlinearityCheck.cpp - gradlint-missing-nonlinearity -===//

#include "rules/MissingNonlinearityCheck.h"

#include "rules/Chain.h"

#include <fmt/format.h>

namespace gradlint::rules {

using namespace ir;

MissingNonlinearityCheck::MissingNonlinearityCheck(OptionReader Options)
    : Check("gradlint-missing-nonlinearity") {}

namespace {
enum class Effect { Affine, Linear, NonLinear };

Effect effect(const Layer &L) {
  switch (L.Kind) {
  case LayerKind::Linear:
  case LayerKind::Conv1d:
  case LayerKind::Conv2d:
  case LayerKind::Conv3d:
  case LayerKind::ConvTranspose:
    return Effect::Affine;
  // Linear maps of their input: the pair still collapses.
  case LayerKind::Dropout:
  case LayerKind::Flatten:
  case LayerKind::AvgPool:
    return Effect::Linear;
  case LayerKind::Activation:
    return L.Act == ActivationKind::Identity ? Effect::Linear
                                             : Effect::NonLinear;
  // Max pooling and normalisation are not linear maps; adaptive pooling may
  // be either, recurrent and unknown layers we cannot see into: all end the
  // pair, so the check stays quiet.
  case LayerKind::MaxPool:
  case LayerKind::AdaptivePool:
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
    return Effect::NonLinear;
  }
  return Effect::NonLinear;
}
} // namespace

void MissingNonlinearityCheck::check(Context &Ctx) const {
  for (const Model &M : Ctx.program().Models) {
    if (!M.ChainKnown)
      continue;
    std::vector<Layer> Chain = flatten(M.Chain);
    std::optional<size_t> Prev;
    for (size_t I = 0; I < Chain.size(); ++I) {
      switch (effect(Chain[I])) {
      case Effect::Affine:
        if (Prev) {
          Finding F = finding(
              Chain[I].Loc,
              fmt::format("{} is applied right after {} with nothing "
                          "non-linear between; together they are one affine "
                          "map and the extra layer adds no capacity",
                          describe(Chain[I]), describe(Chain[*Prev])));
          F.Notes.push_back({Chain[*Prev].Loc,
                             fmt::format("{} is here", describe(Chain[*Prev]))});
          Ctx.report(std::move(F));
        }
        Prev = I;
        break;
      case Effect::Linear:
        break;
      case Effect::NonLinear:
        Prev.reset();
        break;
      }
    }
  }
}

} // namespace gradlint::rules
