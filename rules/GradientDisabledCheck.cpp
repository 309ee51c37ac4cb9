//===- rules/GradientDisabledCheck.cpp - gradlint-gradient-disabled -------===//

#include "rules/GradientDisabledCheck.h"

#include "rules/Chain.h"

#include <fmt/format.h>

#include <tuple>

#include <set>

namespace gradlint::rules {

using namespace ir;

GradientDisabledCheck::GradientDisabledCheck(OptionReader Options)
    : Check("gradlint-gradient-disabled") {}

void GradientDisabledCheck::check(Context &Ctx) const {
  std::set<std::tuple<std::string, unsigned, unsigned>> Seen;
  auto Once = [&](const SourceLoc &L) {
    return Seen.insert({L.File, L.Line, L.Column}).second;
  };
  for (const TrainingFunction &T : Ctx.program().Trainings) {
    std::vector<FlatEvent> Events = flattenEvents(T.Body);
    for (size_t J = 0; J < Events.size(); ++J) {
      const StepEvent &Backward = *Events[J].Ev;
      if (Backward.Op != StepOp::Backward)
        continue;
      // The loss this backward() runs on: the nearest loss before it in
      // the same loop, and the forward pass that fed that loss. A guard
      // around an evaluation pass elsewhere is none of its business, and
      // backward() itself runs fine under a guard when the graph exists.
      const StepEvent *Loss = nullptr, *Forward = nullptr;
      for (size_t I = J; I-- > 0;) {
        if (Events[I].Loops != Events[J].Loops)
          continue;
        const StepEvent &E = *Events[I].Ev;
        if (E.Op == StepOp::Backward || E.Op == StepOp::Step)
          break;
        if (E.Op == StepOp::Loss && !Loss && !Forward)
          Loss = &E;
        else if (E.Op == StepOp::Forward && !Forward) {
          // The loss names its model: a forward of another one (a DQN's
          // target network, evaluated without a graph) did not feed it.
          if (Loss && !Loss->ModelName.empty() && !E.ModelName.empty() &&
              E.ModelName != Loss->ModelName)
            continue;
          Forward = &E;
          break;
        }
      }
      const StepEvent *Off = nullptr;
      if (Forward && !Forward->GradDisabledBy.empty())
        Off = Forward;
      else if (Loss && !Loss->GradDisabledBy.empty())
        Off = Loss;
      if (Off) {
        const SourceLoc &Loc = firstValid(Off->GradDisabledLoc, Off->Loc);
        if (!Once(Loc))
          continue;
        std::string Whose = Off->ModelName.empty() && Off->Var.empty()
                                ? std::string("the model")
                                : "'" + (Off->Var.empty() ? Off->ModelName : Off->Var) + "'";
        Finding F = finding(
            Loc, fmt::format("{} turns gradients off for a training step; the "
                             "forward pass records no graph, so backward() "
                             "fails and no weight changes",
                             Off->GradDisabledBy));
        F.Notes.push_back({Off->Loc, Off->Op == StepOp::Forward
                                         ? fmt::format("{} is run here without gradients", Whose)
                                         : std::string("the loss is computed here without gradients")});
        F.Notes.push_back({Backward.Loc, "backward() is called here"});
        std::string Model = !Off->ModelName.empty() ? Off->ModelName
                            : Forward             ? Forward->ModelName
                                                  : std::string();
        prove(F, fmt::format("under {} no autograd graph is recorded, so "
                             "backward() has no path to a parameter and no "
                             "gradient reaches the weights (LibTorch throws "
                             "at backward())",
                             Off->GradDisabledBy));
        if (!Model.empty())
          F.Claims.push_back(makeClaim(Metric::WeightGradNorm, Compare::Less,
                                       1e-12, FixKind::None, "", Model));
        Ctx.report(std::move(F));
        continue;
      }
      if (Loss && Loss->Detached) {
        const SourceLoc &Loc = firstValid(Loss->DetachLoc, Loss->Loc);
        if (!Once(Loc))
          continue;
        std::string Model = Loss->ModelName.empty() && Forward
                                ? Forward->ModelName
                                : Loss->ModelName;
        Finding F = finding(
            Loc, fmt::format("the model output is detached before {}; "
                             "backward() stops there and no gradient reaches "
                             "{}",
                             lossName(Loss->Loss),
                             Model.empty() ? std::string("the model")
                                           : "'" + Model + "'"));
        F.Notes.push_back({Backward.Loc, "backward() is called here"});
        prove(F, "detach() returns a tensor outside the autograd graph, so "
                 "the loss has no path back to a parameter and no gradient "
                 "reaches the weights");
        if (!Model.empty())
          F.Claims.push_back(makeClaim(Metric::WeightGradNorm, Compare::Less,
                                       1e-12, FixKind::None, "", Model));
        Ctx.report(std::move(F));
      }
    }
  }
}

} // namespace gradlint::rules
