//===- rules/UnnormalizedInputCheck.cpp - gradlint-unnormalized-input -----===//

#include "rules/UnnormalizedInputCheck.h"

#include "rules/Chain.h"

#include <fmt/format.h>

#include <tuple>

#include <algorithm>
#include <cmath>
#include <set>

namespace gradlint::rules {

using namespace ir;

UnnormalizedInputCheck::UnnormalizedInputCheck(OptionReader Options)
    : Check("gradlint-unnormalized-input"),
      MaxMagnitude(Options.get("MaxMagnitude", 10.0)),
      MinMagnitude(Options.get("MinMagnitude", 1e-3)),
      RangeRatio(Options.get("RangeRatio", 10.0)) {}

void UnnormalizedInputCheck::storeOptions(OptionMap &Options) const {
  Options[key("MaxMagnitude")] = num(MaxMagnitude);
  Options[key("MinMagnitude")] = num(MinMagnitude);
  Options[key("RangeRatio")] = num(RangeRatio);
}

void UnnormalizedInputCheck::check(Context &Ctx) const {
  std::set<std::tuple<std::string, unsigned, unsigned>> Seen;
  for (const TrainingFunction &T : Ctx.program().Trainings) {
    std::vector<FlatEvent> Events = flattenEvents(T.Body);
    // Training input is what a loop that trains forwards: a forward pass
    // outside it (printing predictions after training) is not.
    auto Trains = [&](const FlatEvent &E) {
      if (E.Loops.empty()) {
        // One step written out: a backward after it, outside any loop.
        auto It = std::find_if(Events.begin(), Events.end(),
                               [&](const FlatEvent &X) { return X.Ev == E.Ev; });
        return std::any_of(It, Events.end(), [](const FlatEvent &X) {
          return X.Loops.empty() && X.Ev->Op == StepOp::Backward;
        });
      }
      for (const FlatEvent &X : flattenEvents(*E.Loops.back()))
        if (X.Ev->Op == StepOp::Backward || X.Ev->Op == StepOp::Step)
          return true;
      return false;
    };
    for (const FlatEvent &E : Events) {
      if (E.Ev->Op != StepOp::Forward || !E.Ev->Input || !Trains(E))
        continue;
      const DataInfo &In = *E.Ev->Input;
      if (In.Normalized || In.Blocks.empty())
        continue;
      double MaxAbs = 0, Widest = 0, Narrowest = INFINITY;
      for (const FeatureBlock &B : In.Blocks) {
        MaxAbs = std::max({MaxAbs, std::fabs(B.Lo), std::fabs(B.Hi)});
        double W = B.Hi - B.Lo;
        // Constant features say nothing about relative scale.
        if (W > 0) {
          Widest = std::max(Widest, W);
          Narrowest = std::min(Narrowest, W);
        }
      }
      std::string Var = In.Var.empty() ? std::string("the input")
                                       : "input '" + In.Var + "'";
      std::string Model = E.Ev->ModelName.empty()
                              ? std::string("the model")
                              : "'" + E.Ev->ModelName + "'";
      std::string Message;
      if (MaxAbs > MaxMagnitude)
        Message = fmt::format(
            "{} reaches {} and is not normalised before {}; first-layer "
            "pre-activations start about {}x too large, saturating units and "
            "swamping the gradients",
            Var, num(MaxAbs), Model, num(MaxAbs));
      else if (Narrowest < INFINITY && Widest >= RangeRatio * Narrowest)
        Message = fmt::format(
            "{} has features spanning {} next to features spanning {}, not "
            "normalised before {}; the wide features dominate the gradients "
            "and the narrow ones barely train",
            Var, num(Widest), num(Narrowest), Model);
      else if (MaxAbs > 0 && MaxAbs < MinMagnitude)
        Message = fmt::format("{} never exceeds {} and is not normalised "
                              "before {}; the first layer sees almost no "
                              "signal",
                              Var, num(MaxAbs), Model);
      else
        continue;
      const SourceLoc &Loc = firstValid(In.Loc, E.Ev->Loc);
      if (!Seen.insert({Loc.File, Loc.Line, Loc.Column}).second)
        continue;
      Finding F = finding(Loc, std::move(Message));
      if (In.Loc.isValid() && E.Ev->Loc.isValid())
        F.Notes.push_back({E.Ev->Loc, fmt::format("it is fed to {} here", Model)});
      F.Claims.push_back(makeClaim(Metric::RelativeFinalLoss, Compare::Greater, 1,
                                   FixKind::StandardizeInput,
                                   "inputs standardised per feature",
                                   E.Ev->ModelName, 3));
      Ctx.report(std::move(F));
    }
  }
}

} // namespace gradlint::rules
