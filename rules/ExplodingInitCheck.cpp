//===- rules/ExplodingInitCheck.cpp - gradlint-exploding-init -------------===//

#include "rules/ExplodingInitCheck.h"

#include "rules/Chain.h"
#include "rules/InitScale.h"

#include <fmt/format.h>

namespace gradlint::rules {

using namespace ir;

ExplodingInitCheck::ExplodingInitCheck(OptionReader Options)
    : Check("gradlint-exploding-init"), Factor(Options.get("Factor", 10.0)) {}

void ExplodingInitCheck::storeOptions(OptionMap &Options) const {
  Options[key("Factor")] = num(Factor);
}

void ExplodingInitCheck::check(Context &Ctx) const {
  for (const Model &M : Ctx.program().Models) {
    for (const Init &I : M.Inits) {
      // The output layer counts here: huge outputs blow up the loss too.
      std::vector<ScaleMismatch> Off =
          scaleMismatches(M, I, Factor, /*Below=*/false, /*SkipOutput=*/false);
      if (Off.empty())
        continue;
      const ScaleMismatch &S = Off.front();
      Finding F = finding(
          I.Loc,
          fmt::format("{} gives {} a weight scale of {}, {}x above the {} that "
                      "{} need; activations and gradients grow at every layer "
                      "and can overflow to inf or NaN",
                      describeInit(I), describe(S.L), num(S.Scale),
                      num(S.Scale / S.Needed), num(S.Needed), inputsInto(S)));
      for (const ScaleMismatch &X : Off)
        F.Notes.push_back(
            {X.L.Loc, fmt::format("{} has {}; it needs a weight scale near {}",
                                  describe(X.L), inputsInto(X), num(X.Needed))});
      // Calibrated in docs/probe.md: saturating activations show it as a
      // saturated share, the ReLU family as a growing activation spread.
      if (S.Act == ir::ActivationKind::Sigmoid || S.Act == ir::ActivationKind::Tanh)
        F.Claims.push_back(makeClaim(Metric::SaturatedShare, Compare::Greater,
                                     0.5, FixKind::DefaultInit,
                                     "the default initialisation", M.Name, 5));
      else
        F.Claims.push_back(makeClaim(Metric::ActivationSpreadRatio,
                                     Compare::Greater, 10, FixKind::DefaultInit,
                                     "the default initialisation", M.Name, 100));
      F.Claims.back().TheFix.InitLoc = I.Loc;
      Ctx.report(std::move(F));
    }
  }
}

} // namespace gradlint::rules
