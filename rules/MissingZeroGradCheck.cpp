//===- rules/MissingZeroGradCheck.cpp - gradlint-missing-zero-grad --------===//

#include "rules/MissingZeroGradCheck.h"

#include "rules/Chain.h"

#include <algorithm>

namespace gradlint::rules {

using namespace ir;

MissingZeroGradCheck::MissingZeroGradCheck(OptionReader Options)
    : Check("gradlint-missing-zero-grad") {}

namespace {
bool has(const std::vector<FlatEvent> &Events, StepOp Op) {
  return std::any_of(Events.begin(), Events.end(),
                     [&](const FlatEvent &E) { return E.Ev->Op == Op; });
}
const StepEvent *first(const std::vector<FlatEvent> &Events, StepOp Op) {
  for (const FlatEvent &E : Events)
    if (E.Ev->Op == Op)
      return E.Ev;
  return nullptr;
}
bool trains(const std::vector<FlatEvent> &Events) {
  return has(Events, StepOp::Backward) && has(Events, StepOp::Step);
}
bool contains(const StepNode *Outer, const StepNode *Inner) {
  for (const StepNode *L : collectLoops(Outer->Children))
    if (L == Inner)
      return true;
  return false;
}
} // namespace

void MissingZeroGradCheck::check(Context &Ctx) const {
  for (const TrainingFunction &T : Ctx.program().Trainings) {
    // Code the compiler could not read may clear the gradients.
    if (T.mayHide("zero_grad"))
      continue;
    std::vector<const StepNode *> Loops = collectLoops(T.Body);
    for (const StepNode *L : Loops) {
      std::vector<FlatEvent> Events = flattenEvents(*L);
      if (!trains(Events))
        continue;
      // The innermost loop that trains is the one to judge.
      std::vector<const StepNode *> Inner = collectLoops(L->Children);
      if (std::any_of(Inner.begin(), Inner.end(), [](const StepNode *D) {
            return trains(flattenEvents(*D));
          }))
        continue;
      // Any zero_grad in this loop or an enclosing one clears the
      // gradients at some rhythm: under a condition, or once per epoch
      // around a batch loop, that is accumulation, not a bug.
      bool Clears = has(Events, StepOp::ZeroGrad);
      for (const StepNode *A : Loops)
        if (A != L && contains(A, L) && has(flattenEvents(*A), StepOp::ZeroGrad))
          Clears = true;
      if (Clears)
        continue;
      const StepEvent *Backward = first(Events, StepOp::Backward);
      const StepEvent *Step = first(Events, StepOp::Step);
      Finding F = finding(Backward->Loc,
                          "backward() runs in a loop that never calls "
                          "zero_grad(); gradients from every iteration add up "
                          "and each step uses their running sum");
      F.Notes.push_back({Step->Loc, Step->Var.empty()
                                        ? std::string("step() uses the summed gradients here")
                                        : "'" + Step->Var + "' steps on the summed gradients here"});
      std::string ModelName;
      for (const FlatEvent &E : Events)
        if (E.Ev->Op == StepOp::Forward && !E.Ev->ModelName.empty()) {
          ModelName = E.Ev->ModelName;
          break;
        }
      F.Claims.push_back(makeClaim(Metric::GradNormGrowth, Compare::Greater, 5,
                                   FixKind::AddZeroGrad,
                                   "zero_grad() before each backward()",
                                   ModelName));
      Ctx.report(std::move(F));
    }
  }
}

} // namespace gradlint::rules
