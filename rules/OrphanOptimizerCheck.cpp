//===- rules/OrphanOptimizerCheck.cpp - gradlint-orphan-optimizer ---------===//

#include "rules/OrphanOptimizerCheck.h"

#include "rules/Chain.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace gradlint::rules {

using namespace ir;

OrphanOptimizerCheck::OrphanOptimizerCheck(OptionReader Options)
    : Check("gradlint-orphan-optimizer") {}

void OrphanOptimizerCheck::check(Context &Ctx) const {
  const Program &P = Ctx.program();
  std::set<const Optimizer *> Reported;
  for (const TrainingFunction &T : P.Trainings) {
    std::vector<FlatEvent> Events = flattenEvents(T.Body);
    for (const FlatEvent &S : Events) {
      if (S.Ev->Op != StepOp::Step)
        continue;
      const Optimizer *O = resolveOptimizer(P, T, *S.Ev);
      if (!O || O->ModelName.empty() || Reported.count(O))
        continue;
      // The models forwarded in the step's innermost loop (or function).
      std::vector<const StepEvent *> Forwards;
      bool Unknown = false;
      for (const FlatEvent &E : Events) {
        // A forward without a graph (a DQN's target network) trains nothing.
        // A loss on a model's output (through a helper that forwards it,
        // `nll_loss(policy_probs(actor, x), a)`) trains that model.
        bool Trains = E.Ev->Op == StepOp::Forward ||
                      (E.Ev->Op == StepOp::Loss && !E.Ev->ModelName.empty());
        if (!Trains || !E.Ev->GradDisabledBy.empty())
          continue;
        if (!S.Loops.empty() &&
            std::find(E.Loops.begin(), E.Loops.end(), S.Loops.back()) == E.Loops.end())
          continue;
        Unknown |= E.Ev->ModelName.empty();
        Forwards.push_back(E.Ev);
      }
      if (Forwards.empty() || Unknown ||
          std::any_of(Forwards.begin(), Forwards.end(), [&](const StepEvent *E) {
            return E->ModelName == O->ModelName;
          }))
        continue;
      Reported.insert(O);
      const std::string &Trained = Forwards.front()->ModelName;
      Finding F = finding(
          O->Loc,
          fmt::format("optimizer '{}' holds the parameters of '{}' but the "
                      "loop it steps forwards '{}'; the weights of '{}' never "
                      "change",
                      O->Var, O->ModelName, Trained, Trained));
      F.Notes.push_back({Forwards.front()->Loc, fmt::format("'{}' is forwarded here", Trained)});
      F.Notes.push_back({S.Ev->Loc, fmt::format("'{}' steps here", O->Var)});
      prove(F, fmt::format("'{}' was built over the parameters of '{}' only, "
                           "so its step() never writes a parameter of '{}'",
                           O->Var, O->ModelName, Trained));
      // The probe trains '<Trained>' as written and shows its tensors
      // never leave their initial values (no fix: the proof is the claim).
      F.Claims.push_back(makeClaim(Metric::UnmovedShare, Compare::Greater,
                                   0.999, FixKind::None, "", Trained));
      Ctx.report(std::move(F));
    }
  }
}

} // namespace gradlint::rules
