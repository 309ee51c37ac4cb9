//===- rules/OptimizerInLoopCheck.cpp - gradlint-optimizer-in-loop --------===//

#include "rules/OptimizerInLoopCheck.h"

#include "rules/Chain.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace gradlint::rules {

using namespace ir;

OptimizerInLoopCheck::OptimizerInLoopCheck(OptionReader Options)
    : Check("gradlint-optimizer-in-loop"),
      IncludeOuterLoops(Options.get("IncludeOuterLoops", false)) {}

void OptimizerInLoopCheck::storeOptions(OptionMap &Options) const {
  Options[key("IncludeOuterLoops")] = IncludeOuterLoops ? "true" : "false";
}

/// What the optimizer keeps between steps, with its verb ("moment
/// estimates are"); empty when nothing.
static std::string state(const Optimizer &O) {
  switch (O.Kind) {
  case OptimizerKind::SGD:
    if (O.Momentum && *O.Momentum != 0)
      return "momentum buffer is";
    return {};
  case OptimizerKind::Adam:
  case OptimizerKind::AdamW:
    return "moment estimates are";
  case OptimizerKind::RMSprop:
    return "running average of squared gradients is";
  case OptimizerKind::Adagrad:
    return "sum of squared gradients is";
  case OptimizerKind::LBFGS:
    return "curvature history is";
  case OptimizerKind::Unknown:
    return "state is";
  }
  return "state is";
}

/// Whether some training step steps \p O (through its variable, or a
/// training function's parameter bound to it).
static bool stepped(const Program &P, const Optimizer &O) {
  for (const TrainingFunction &T : P.Trainings)
    for (const FlatEvent &E : flattenEvents(T.Body))
      if (E.Ev->Op == StepOp::Step && resolveOptimizer(P, T, *E.Ev) == &O)
        return true;
  return false;
}

void OptimizerInLoopCheck::check(Context &Ctx) const {
  const Program &P = Ctx.program();
  std::set<const Optimizer *> Seen;
  auto Report = [&](const Optimizer &O, const SourceLoc &LoopLoc, bool Direct) {
    Finding F = finding(
        O.Loc,
        Direct ? fmt::format("optimizer '{}' is constructed inside the loop "
                             "that steps it; its {} reset on every "
                             "iteration",
                             O.Var, state(O))
               : fmt::format("optimizer '{}' is constructed inside a loop "
                             "around its training loop; its {} reset on "
                             "every iteration of it",
                             O.Var, state(O)));
    if (LoopLoc.isValid())
      F.Notes.push_back({LoopLoc, "the loop starts here"});
    // Harm, not structure: the probe trains the loop as written and with
    // the optimizer built once, and compares the loss after training.
    if (!O.ModelName.empty())
      F.Claims.push_back(makeClaim(Metric::LossRatio, Compare::Greater, 1.1,
                                   FixKind::CreateOptimizerOnce, "",
                                   O.ModelName));
    Ctx.report(std::move(F));
  };
  for (const TrainingFunction &T : P.Trainings) {
    std::vector<FlatEvent> Events = flattenEvents(T.Body);
    for (const FlatEvent &C : Events) {
      if (C.Ev->Op != StepOp::Optimizer || C.Loops.empty() ||
          C.Ev->OptimizerIndex < 0 ||
          C.Ev->OptimizerIndex >= static_cast<int>(P.Optimizers.size()))
        continue;
      const Optimizer &O = P.Optimizers[C.Ev->OptimizerIndex];
      Seen.insert(&O);
      if (state(O).empty())
        continue; // plain SGD keeps nothing to reset
      const StepNode *Loop = C.Loops.back();
      bool Direct = false;
      for (const FlatEvent &S : Events)
        if (S.Ev->Op == StepOp::Step && S.Ev->Var == O.Var &&
            !S.Loops.empty() && S.Loops.back() == Loop)
          Direct = true;
      // An optimizer built per fold or trial around a batch loop may go
      // with a fresh model: reported by default only when the model is
      // known to be the same on every iteration (rebuilt per epoch).
      if (Direct || IncludeOuterLoops ||
          (O.ModelInLoop == false && stepped(P, O)))
        Report(O, firstValid(Loop->Loc, O.LoopLoc), Direct);
    }
  }
  // Built in a loop of a function that does not train itself (the epoch
  // loop calls a helper that runs the batches).
  for (const Optimizer &O : P.Optimizers)
    if (O.InLoop && !Seen.count(&O) && !state(O).empty() &&
        (IncludeOuterLoops || (O.ModelInLoop == false && stepped(P, O))))
      Report(O, O.LoopLoc, /*Direct=*/false);
}

} // namespace gradlint::rules
