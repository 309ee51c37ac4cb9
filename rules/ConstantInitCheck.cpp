//===- rules/ConstantInitCheck.cpp - gradlint-constant-init ---------------===//

#include "rules/ConstantInitCheck.h"

#include "rules/Chain.h"
#include "rules/InitScale.h"

#include <fmt/format.h>

namespace gradlint::rules {

using namespace ir;

ConstantInitCheck::ConstantInitCheck(OptionReader Options)
    : Check("gradlint-constant-init") {}

/// The single value \p I gives every weight, if it gives one.
static std::optional<double> constantValue(const Init &I) {
  switch (I.Scheme) {
  case InitScheme::Zeros:
    return 0.0;
  case InitScheme::Ones:
    return 1.0;
  case InitScheme::Constant:
    return I.A;
  case InitScheme::Uniform:
    if (I.A && I.B && *I.A == *I.B)
      return I.A;
    return std::nullopt;
  case InitScheme::Normal:
    if (I.A && I.B && *I.B == 0)
      return I.A;
    return std::nullopt;
  case InitScheme::Default:
  case InitScheme::XavierUniform:
  case InitScheme::XavierNormal:
  case InitScheme::KaimingUniform:
  case InitScheme::KaimingNormal:
  case InitScheme::Orthogonal:
  case InitScheme::Unknown:
    return std::nullopt;
  }
  return std::nullopt;
}

/// Layers whose weights must differ per unit: not normalisation (its weight
/// is 1 by design), not recurrent or unknown (we cannot tell their shape).
static bool needsRandomWeights(LayerKind K) {
  return isAffine(K) || K == LayerKind::Embedding;
}

void ConstantInitCheck::check(Context &Ctx) const {
  for (const Model &M : Ctx.program().Models) {
    // Without the chain we cannot tell a hidden layer from the output layer.
    if (!M.ChainKnown)
      continue;
    std::vector<Layer> Chain = flatten(M.Chain);
    std::optional<size_t> Last = lastAffine(Chain);
    for (const Init &I : M.Inits) {
      std::optional<double> Value = constantValue(I);
      if (I.Dead || !Value || !touchesWeight(I))
        continue;
      std::vector<const Layer *> Hit;
      for (size_t K : initTargets(Chain, I)) {
        // A constant output layer is sound (zero-initialised heads): the
        // units before it are already different, so its rows get different
        // gradients from the first step.
        if (!needsRandomWeights(Chain[K].Kind) || (Last && K == *Last))
          continue;
        Hit.push_back(&Chain[K]);
      }
      if (Hit.empty())
        continue;
      std::string Which = describe(*Hit.front());
      if (Hit.size() > 1)
        Which += fmt::format(" and {} more layer{}", Hit.size() - 1,
                             Hit.size() > 2 ? "s" : "");
      Finding F = finding(
          I.Loc, fmt::format("every weight of {} is set to {}; its units start "
                             "identical and learn as one until something "
                             "else breaks the symmetry",
                             Which, num(*Value)));
      for (const Layer *L : Hit)
        F.Notes.push_back({L->Loc, fmt::format("{} is declared here", describe(*L))});
      Claim C;
      C.What = Metric::HiddenUnitSimilarity;
      C.Cmp = Compare::Greater;
      C.Threshold = 0.999;
      C.TheFix.Kind = FixKind::DefaultInit;
      C.TheFix.Description = "the default initialisation";
      C.TheFix.InitLoc = I.Loc;
      C.ModelName = M.Name;
      F.Claims.push_back(std::move(C));
      Ctx.report(std::move(F));
    }
  }
}

} // namespace gradlint::rules
