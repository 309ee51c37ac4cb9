//===- rules/IncompleteStepCheck.cpp - gradlint-incomplete-step -----------===//

#include "rules/IncompleteStepCheck.h"

#include "rules/Chain.h"

#include <fmt/format.h>

namespace gradlint::rules {

using namespace ir;

IncompleteStepCheck::IncompleteStepCheck(OptionReader Options)
    : Check("gradlint-incomplete-step") {}

void IncompleteStepCheck::check(Context &Ctx) const {
  const Program &P = Ctx.program();
  for (const TrainingFunction &T : P.Trainings) {
    std::vector<FlatEvent> Events = flattenEvents(T.Body);
    const FlatEvent *Backward = nullptr, *Step = nullptr;
    for (const FlatEvent &E : Events) {
      if (E.Ev->Op == StepOp::Backward && !Backward)
        Backward = &E;
      if (E.Ev->Op == StepOp::Step && !Step)
        Step = &E;
    }
    // Only inside loops: a helper that just computes gradients, or just
    // steps, is usually called from a loop that does the rest.
    // Code the compiler could not read may step, or compute gradients.
    if (Backward && !Step && !Backward->Loops.empty() && !T.mayHide("step"))
      Ctx.report(finding(
          Backward->Ev->Loc,
          fmt::format("backward() in a training loop but no step() anywhere "
                      "in '{}'; gradients are computed and the weights never "
                      "change",
                      T.Name)));
    if (Step && !Backward && !Step->Loops.empty() &&
        !T.mayHide("backward")) {
      const Optimizer *O = resolveOptimizer(P, T, *Step->Ev);
      // LBFGS calls backward() inside the closure it is given.
      if (!O || O->Kind != OptimizerKind::LBFGS)
        Ctx.report(finding(
            Step->Ev->Loc,
            fmt::format("step() in a training loop but no backward() anywhere "
                        "in '{}'; the optimizer steps on empty gradients and "
                        "the weights never change",
                        T.Name)));
    }
    // Within one loop body, in loop order: a zero_grad() between the
    // backward() and the step() that follows it (wrapping around the loop)
    // clears the gradients before they are used.
    for (const StepNode *L : collectLoops(T.Body)) {
      std::vector<const StepEvent *> Body;
      for (const FlatEvent &E : flattenEvents(*L))
        if (E.Loops.empty())
          Body.push_back(E.Ev);
      size_t N = Body.size();
      for (size_t S = 0; S < N; ++S) {
        if (Body[S]->Op != StepOp::Step)
          continue;
        const StepEvent *Zero = nullptr;
        bool Wrapped = false, Found = false;
        for (size_t K = 1; K < N && !Found; ++K) {
          size_t I = (S + N - K) % N;
          Wrapped |= I > S;
          const StepEvent &E = *Body[I];
          if (E.Op == StepOp::Step)
            break;
          if (E.Op == StepOp::Backward)
            Found = true;
          else if (E.Op == StepOp::ZeroGrad && !Zero) {
            // Another optimizer's zero_grad() leaves these gradients alone.
            bool Other = !E.Var.empty() && !Body[S]->Var.empty() &&
                         E.Var != Body[S]->Var &&
                         resolveOptimizer(P, T, E) != nullptr;
            if (!Other)
              Zero = &E;
          }
        }
        if (!Found || !Zero)
          continue;
        Finding F =
            Wrapped
                ? finding(Body[S]->Loc,
                          "step() comes before backward() in the loop, with "
                          "zero_grad() between them; every step sees cleared "
                          "gradients and the weights never change")
                : finding(Zero->Loc,
                          "zero_grad() between backward() and step() clears "
                          "the gradients before step() uses them; the weights "
                          "never change");
        F.Notes.push_back({Wrapped ? Zero->Loc : Body[S]->Loc,
                           Wrapped ? "zero_grad() clears the gradients here"
                                   : "step() is here"});
        Ctx.report(std::move(F));
      }
    }
  }
}

} // namespace gradlint::rules
