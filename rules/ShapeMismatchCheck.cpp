//===- rules/ShapeMismatchCheck.cpp - gradlint-shape-mismatch -------------===//

#include "rules/ShapeMismatchCheck.h"

#include "rules/Chain.h"

#include <fmt/format.h>

namespace gradlint::rules {

using namespace ir;

ShapeMismatchCheck::ShapeMismatchCheck(OptionReader Options)
    : Check("gradlint-shape-mismatch") {}

namespace {
/// What the size being followed counts.
enum class Domain { None, Features, Channels };

const char *unit(Domain D) {
  return D == Domain::Channels ? "channels" : "features";
}
} // namespace

void ShapeMismatchCheck::check(Context &Ctx) const {
  for (const Model &M : Ctx.program().Models) {
    if (!M.ChainKnown)
      continue;
    std::vector<Layer> Chain = flatten(M.Chain);
    std::optional<int64_t> Cur;
    Domain Dom = Domain::None;
    const Layer *Producer = nullptr;
    auto Expect = [&](const Layer &L, Domain Want) {
      if (!Cur || !L.In || Dom != Want || *L.In == *Cur || !Producer)
        return;
      Finding F = finding(
          L.Loc, fmt::format("{} expects {} input {} but {} produces {}; the "
                             "forward pass fails with a shape error",
                             describe(L), *L.In, unit(Want), describe(*Producer),
                             *Cur));
      F.Notes.push_back({Producer->Loc, fmt::format("{} produces {} {} here",
                                                    describe(*Producer), *Cur,
                                                    unit(Want))});
      prove(F, fmt::format("{} receives {} {} where it needs {}, so the "
                           "forward pass stops there with a shape error "
                           "before any step",
                           describe(L), *Cur, unit(Want), *L.In));
      Ctx.report(std::move(F));
    };
    auto Produce = [&](const Layer &L, Domain D) {
      Cur = L.Out;
      Dom = L.Out ? D : Domain::None;
      Producer = &L;
    };
    for (const Layer &L : Chain) {
      switch (L.Kind) {
      case LayerKind::Linear:
        // After a convolution a Linear acts on the last spatial dimension:
        // nothing to compare.
        Expect(L, Domain::Features);
        Produce(L, Domain::Features);
        break;
      case LayerKind::Conv1d:
      case LayerKind::Conv2d:
      case LayerKind::Conv3d:
      case LayerKind::ConvTranspose:
        Expect(L, Domain::Channels);
        Produce(L, Domain::Channels);
        break;
      case LayerKind::BatchNorm1d:
        // BatchNorm1d normalises features of (N, C) or channels of (N, C, L).
        Expect(L, Dom == Domain::Channels ? Domain::Channels : Domain::Features);
        break;
      case LayerKind::BatchNorm2d:
        Expect(L, Domain::Channels);
        break;
      case LayerKind::Embedding:
        Produce(L, Domain::Features);
        break;
      // Shape-preserving.
      case LayerKind::Dropout:
      case LayerKind::Activation:
      case LayerKind::LayerNorm:
      case LayerKind::GroupNorm:
      case LayerKind::Residual:
        break;
      case LayerKind::MaxPool:
      case LayerKind::AvgPool:
      case LayerKind::AdaptivePool:
        // Pooling keeps channels; over a feature vector its output size is
        // not in the IR.
        if (Dom != Domain::Channels) {
          Cur.reset();
          Dom = Domain::None;
        }
        break;
      case LayerKind::Flatten:
      case LayerKind::RNN:
      case LayerKind::LSTM:
      case LayerKind::GRU:
      case LayerKind::Sequential:
      case LayerKind::Unknown:
        Cur.reset();
        Dom = Domain::None;
        break;
      }
    }
  }
}

} // namespace gradlint::rules
