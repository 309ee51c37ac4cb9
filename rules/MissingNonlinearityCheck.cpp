//===- rules/MissingNonlinearityCheck.cpp - gradlint-missing-nonlinearity -===//

#include "rules/MissingNonlinearityCheck.h"

#include "rules/Chain.h"

#include <fmt/format.h>

namespace gradlint::rules {

using namespace ir;

MissingNonlinearityCheck::MissingNonlinearityCheck(OptionReader Options)
    : Check("gradlint-missing-nonlinearity"),
      IncludeLowRank(Options.get("IncludeLowRank", false)) {}

void MissingNonlinearityCheck::storeOptions(OptionMap &Options) const {
  Options[key("IncludeLowRank")] = IncludeLowRank ? "true" : "false";
}

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
  // Linear maps of their input: the pair still collapses. Batch norm uses
  // running statistics at inference: a fixed per-channel scale and shift,
  // so conv -> BN -> conv is still one affine map there.
  case LayerKind::Dropout:
  case LayerKind::Flatten:
  case LayerKind::AvgPool:
  case LayerKind::BatchNorm1d:
  case LayerKind::BatchNorm2d:
    return Effect::Linear;
  case LayerKind::Activation:
    return L.Act == ActivationKind::Identity ? Effect::Linear
                                             : Effect::NonLinear;
  // Max pooling and per-sample normalisation are not linear maps; adaptive
  // pooling may be either, recurrent and unknown layers we cannot see into:
  // all end the pair, so the check stays quiet.
  case LayerKind::MaxPool:
  case LayerKind::AdaptivePool:
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

/// A layer of the flattened chain and the element of the model's own chain
/// it comes from (itself, or the nested block or Sequential holding it).
struct Placed {
  const Layer *L;
  const Layer *Top;
};

void place(const std::vector<Layer> &Chain, const Layer *Top,
           std::vector<Placed> &Out) {
  for (const Layer &L : Chain) {
    const Layer *T = Top ? Top : &L;
    if (L.Kind == LayerKind::Sequential && !L.Children.empty()) {
      place(L.Children, T, Out);
      continue;
    }
    Out.push_back({&L, T});
  }
}

/// A nested user block (`Conv2dBN`), as opposed to an inline Sequential.
bool isBlock(const Placed &P) {
  return P.Top != P.L && !P.Top->ModuleClass.empty();
}

std::string describePlaced(const Placed &P) {
  if (isBlock(P) && !P.Top->Name.empty())
    return fmt::format("{} in '{}'", describe(*P.L), P.Top->Name);
  return describe(*P.L);
}

const SourceLoc &where(const Placed &P) {
  return isBlock(P) ? firstValid(P.Top->Loc, P.L->Loc) : P.L->Loc;
}

bool isConv(const Layer &L) { return L.Kind != LayerKind::Linear; }

/// Whether A then B is known to be exactly one affine map of the same
/// capacity: widths known, the inner width not below both outer widths,
/// convolutions ungrouped with square kernels.
bool knownFullRank(const Layer &A, const Layer &B) {
  std::optional<int64_t> Inner = A.Out ? A.Out : B.In;
  if (!A.In || !Inner || !B.Out)
    return false;
  for (const Layer *L : {&A, &B})
    if (isConv(*L) && (!L->Groups || *L->Groups != 1 || !L->Kernel))
      return false;
  return !(*Inner < *A.In && *Inner < *B.Out);
}
} // namespace

void MissingNonlinearityCheck::check(Context &Ctx) const {
  for (const Model &M : Ctx.program().Models) {
    if (!M.ChainKnown)
      continue;
    std::vector<Placed> Chain;
    place(M.Chain, nullptr, Chain);
    std::optional<size_t> Prev;
    for (size_t I = 0; I < Chain.size(); ++I) {
      const Placed &Cur = Chain[I];
      switch (effect(*Cur.L)) {
      case Effect::Affine:
        // A pair inside one nested block is the block's own finding.
        if (Prev && !(isBlock(Cur) && Chain[*Prev].Top == Cur.Top) &&
            (IncludeLowRank || knownFullRank(*Chain[*Prev].L, *Cur.L))) {
          const Placed &P = Chain[*Prev];
          Finding F = finding(
              where(Cur),
              fmt::format("{} is applied right after {} with nothing "
                          "non-linear between; together they are one affine "
                          "map and the extra layer adds no capacity",
                          describePlaced(Cur), describePlaced(P)));
          F.Notes.push_back(
              {where(P), fmt::format("{} is here", describePlaced(P))});
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
