//===- rules/IncompleteStepCheck.cpp - gradlint-incomplete-step -----------===//

#include "rules/IncompleteStepCheck.h"

#include "rules/Chain.h"

#include <fmt/format.h>

namespace gradlint::rules {

using namespace ir;

IncompleteStepCheck::IncompleteStepCheck(OptionReader Options)
    : Check("gradlint-incomplete-step") {}

namespace {
/// The model the loop forwards (the first named forward), or empty.
std::string forwardedModel(const std::vector<FlatEvent> &Events) {
  for (const FlatEvent &E : Events)
    if (E.Ev->Op == StepOp::Forward && !E.Ev->ModelName.empty())
      return E.Ev->ModelName;
  return {};
}

/// The proof, and the probe's claim: the weights never move as written,
/// and with backward() then step() they do (and the loss, where the task
/// is learnable, falls).
void attach(Finding &F, std::string Proof, const std::string &Model) {
  prove(F, std::move(Proof));
  if (!Model.empty())
    F.Claims.push_back(makeClaim(Metric::RelativeUpdate, Compare::Less, 1e-12,
                                 FixKind::CompleteStep, "", Model));
}
} // namespace

void IncompleteStepCheck::check(Context &Ctx) const {
  const Program &P = Ctx.program();
  for (const TrainingFunction &T : P.Trainings) {
    std::vector<FlatEvent> Events = flattenEvents(T.Body);
    std::string Model = forwardedModel(Events);
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
    if (Backward && !Step && !Backward->Loops.empty() && !T.mayHide("step")) {
      Finding F = finding(
          Backward->Ev->Loc,
          fmt::format("backward() in a training loop but no step() anywhere "
                      "in '{}'; gradients are computed and the weights never "
                      "change",
                      T.Name));
      attach(F, fmt::format("only an optimizer's step() writes the weights, "
                            "and '{}' calls none", T.Name), Model);
      Ctx.report(std::move(F));
    }
    if (Step && !Backward && !Step->Loops.empty() &&
        !T.mayHide("backward")) {
      const Optimizer *O = resolveOptimizer(P, T, *Step->Ev);
      // LBFGS calls backward() inside the closure it is given.
      if (!O || O->Kind != OptimizerKind::LBFGS) {
        Finding F = finding(
            Step->Ev->Loc,
            fmt::format("step() in a training loop but no backward() anywhere "
                        "in '{}'; the optimizer steps on empty gradients and "
                        "the weights never change",
                        T.Name));
        attach(F, fmt::format("no backward() in '{}' fills a gradient, and a "
                              "step() on undefined gradients skips every "
                              "parameter", T.Name), Model);
        Ctx.report(std::move(F));
      }
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
        attach(F, "every step() runs on gradients zero_grad() has just "
                  "cleared, and a step on zero gradients moves no weight "
                  "(without weight decay)",
               Model);
        Ctx.report(std::move(F));
      }
    }
  }
}

} // namespace gradlint::rules
