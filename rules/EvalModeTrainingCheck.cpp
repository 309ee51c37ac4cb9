//===- rules/EvalModeTrainingCheck.cpp - gradlint-eval-mode-training ------===//

#include "rules/EvalModeTrainingCheck.h"

#include "rules/Chain.h"

#include <fmt/format.h>

#include <functional>
#include <map>
#include <set>

namespace gradlint::rules {

using namespace ir;

EvalModeTrainingCheck::EvalModeTrainingCheck(OptionReader Options)
    : Check("gradlint-eval-mode-training") {}

namespace {
/// Walks a training function in execution order, each loop body twice so
/// that the second pass sees the state the first one left behind.
class ModeWalk {
public:
  ModeWalk(const Program &P, const TrainingFunction &T,
           std::vector<Finding> &Out, const std::function<Finding(const SourceLoc &, std::string)> &Make)
      : P(P), T(T), Out(Out), Make(Make) {}

  void walk(const std::vector<StepNode> &Body, bool Wrapped) {
    for (const StepNode &N : Body) {
      // Two passes per loop are 2^depth visits for nested loops: past the
      // budget the rest is unknown, and findings made so far stand.
      if (Budget == 0)
        return;
      --Budget;
      switch (N.Kind) {
      case StepNode::Event:
        handle(N.Ev, Wrapped);
        break;
      case StepNode::Loop:
        walk(N.Children, Wrapped);
        walk(N.Children, true);
        break;
      case StepNode::Branch:
        // Treated as taken: an eval() under a condition still sticks, and a
        // train() under one is given the benefit of the doubt.
        walk(N.Children, Wrapped);
        break;
      }
    }
  }

private:
  static std::string key(const StepEvent &E) {
    return E.ModelName.empty() ? "var:" + E.Var : E.ModelName;
  }

  void handle(const StepEvent &E, bool Wrapped) {
    switch (E.Op) {
    case StepOp::Eval:
      EvalAt[key(E)] = &E;
      break;
    case StepOp::Train:
      EvalAt.erase(key(E));
      break;
    case StepOp::Forward:
      Forwarded.insert(key(E));
      break;
    case StepOp::Step:
      step(E, Wrapped);
      Forwarded.clear();
      break;
    case StepOp::Loss:
    case StepOp::ZeroGrad:
    case StepOp::Backward:
    case StepOp::ClipGrad:
    case StepOp::Optimizer:
      break;
    }
  }

  void step(const StepEvent &S, bool Wrapped) {
    const Optimizer *O = resolveOptimizer(P, T, S.Var);
    std::set<std::string> Trained;
    if (O && !O->ModelName.empty())
      Trained.insert(O->ModelName);
    else if (O && !O->ModelVar.empty())
      Trained.insert("var:" + O->ModelVar);
    else
      Trained = Forwarded;
    for (const std::string &K : Trained) {
      auto It = EvalAt.find(K);
      if (It == EvalAt.end())
        continue;
      const StepEvent &Eval = *It->second;
      // Eval mode matters only for dropout and batch norm; a model we
      // cannot see stays quiet.
      const Model *M = P.findModel(Eval.ModelName);
      if (!M)
        continue;
      bool Dropout = false, BatchNorm = false;
      for (const Layer &L : flatten(M->Chain)) {
        // Dropout on the module's own flag ignores eval().
        Dropout |= L.Kind == LayerKind::Dropout && L.TrainingFlag.empty();
        BatchNorm |= L.Kind == LayerKind::BatchNorm1d || L.Kind == LayerKind::BatchNorm2d;
      }
      for (const Member &Mem : M->Members) {
        Dropout |= Mem.Kind == LayerKind::Dropout;
        BatchNorm |= Mem.Kind == LayerKind::BatchNorm1d || Mem.Kind == LayerKind::BatchNorm2d;
      }
      if (!Dropout && !BatchNorm)
        continue;
      if (!Reported.insert(&Eval).second)
        continue;
      std::string Effect =
          Dropout && BatchNorm
              ? "dropout is off and batch norm uses its frozen running "
                "statistics while it trains"
              : Dropout ? "dropout is off while it trains"
                        : "batch norm uses its frozen running statistics "
                          "while it trains";
      std::string Var = Eval.Var.empty() ? Eval.ModelName : Eval.Var;
      Finding F = Make(Eval.Loc,
                       fmt::format("'{}' is switched to eval mode here and is "
                                   "still in it when the optimizer steps{}; {}",
                                   Var, Wrapped ? " in the next loop iteration" : "",
                                   Effect));
      F.Notes.push_back({S.Loc, Wrapped ? fmt::format("'{}' steps here with no train() since the eval()", S.Var)
                                        : fmt::format("'{}' steps here", S.Var)});
      if (BatchNorm) {
        // Batch norm in eval mode changes the optimisation itself (no
        // batch statistics, running statistics frozen at their start):
        // the probe trains as written and with train(), and compares the
        // loss after training.
        F.Claims.push_back(makeClaim(Metric::LossRatio, Compare::Greater, 1.1,
                                     FixKind::TrainMode, "", Eval.ModelName));
      } else {
        // Dropout off changes what the model generalises to, which one
        // batch trained to fit cannot measure (docs/checks): the mode is
        // the proof.
        prove(F, fmt::format("eval() sets every dropout layer of '{}' to "
                             "pass its input through unchanged, and no "
                             "train() runs before the step",
                             Eval.ModelName));
      }
      Out.push_back(std::move(F));
    }
  }

  const Program &P;
  const TrainingFunction &T;
  std::vector<Finding> &Out;
  const std::function<Finding(const SourceLoc &, std::string)> &Make;
  std::map<std::string, const StepEvent *> EvalAt;
  std::set<std::string> Forwarded;
  std::set<const StepEvent *> Reported;
  /// Node visits left: linear in the program's size (see walk()).
  size_t Budget = 200000;
};
} // namespace

void EvalModeTrainingCheck::check(Context &Ctx) const {
  std::function<Finding(const SourceLoc &, std::string)> Make =
      [this](const SourceLoc &L, std::string M) { return finding(L, std::move(M)); };
  // A block's dropout appears again in every model that uses the block:
  // report it once.
  std::set<std::pair<std::string, unsigned>> Seen;
  for (const Model &M : Ctx.program().Models)
    for (const Layer &L : flatten(M.Chain))
      if (L.Kind == LayerKind::Dropout && !L.TrainingFlag.empty() &&
          Seen.insert({L.Loc.File, L.Loc.Offset}).second)
        Ctx.report(finding(
            L.Loc,
            fmt::format("dropout is switched by member '{}' of '{}', not by "
                        "the module's mode; eval() and train() never change "
                        "it, so evaluation runs with dropout as in training "
                        "(use is_training())",
                        L.TrainingFlag, M.Name)));
  for (const TrainingFunction &T : Ctx.program().Trainings) {
    // Code the compiler could not read may switch the mode back.
    if (T.mayHide("train"))
      continue;
    std::vector<Finding> Out;
    ModeWalk(Ctx.program(), T, Out, Make).walk(T.Body, false);
    for (Finding &F : Out)
      Ctx.report(std::move(F));
  }
}

} // namespace gradlint::rules
