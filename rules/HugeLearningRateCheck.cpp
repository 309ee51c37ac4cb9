//===- rules/HugeLearningRateCheck.cpp - gradlint-huge-learning-rate ------===//

#include "rules/HugeLearningRateCheck.h"

#include "rules/Chain.h"

#include <fmt/format.h>

namespace gradlint::rules {

using namespace ir;

HugeLearningRateCheck::HugeLearningRateCheck(OptionReader Options)
    : Check("gradlint-huge-learning-rate"),
      SGDThreshold(Options.get("SGDThreshold", 1.0)),
      AdaptiveThreshold(Options.get("AdaptiveThreshold", 0.1)) {}

void HugeLearningRateCheck::storeOptions(OptionMap &Options) const {
  Options[key("SGDThreshold")] = num(SGDThreshold);
  Options[key("AdaptiveThreshold")] = num(AdaptiveThreshold);
}

/// Whether a training step that uses \p O clips gradients: any function
/// that steps \p O, or constructs it, and calls clip_grad_*.
static bool clipped(const Program &P, const Optimizer &O) {
  for (const TrainingFunction &T : P.Trainings) {
    std::vector<FlatEvent> Events = flattenEvents(T.Body);
    bool Uses = O.Function == T.Name && !O.Function.empty();
    bool Clips = false;
    for (const FlatEvent &E : Events) {
      Clips |= E.Ev->Op == StepOp::ClipGrad;
      if ((E.Ev->Op == StepOp::Step || E.Ev->Op == StepOp::Optimizer) &&
          resolveOptimizer(P, T, *E.Ev) == &O)
        Uses = true;
    }
    if (Uses && Clips)
      return true;
  }
  return false;
}

void HugeLearningRateCheck::check(Context &Ctx) const {
  const Program &P = Ctx.program();
  for (const Optimizer &O : P.Optimizers) {
    double Threshold = 0;
    switch (O.Kind) {
    case OptimizerKind::SGD:
      Threshold = SGDThreshold;
      break;
    case OptimizerKind::Adam:
    case OptimizerKind::AdamW:
    case OptimizerKind::RMSprop:
    case OptimizerKind::Adagrad:
      Threshold = AdaptiveThreshold;
      break;
    case OptimizerKind::LBFGS: // a line search picks the step
    case OptimizerKind::Unknown:
      continue;
    }
    std::optional<double> LR;
    SourceLoc Loc;
    if (O.LR && !O.LRDefaulted && *O.LR > Threshold) {
      LR = O.LR;
      Loc = firstValid(O.LRLoc, O.Loc);
    } else {
      for (size_t I = 0; I < O.LaterRates.size() && !LR; ++I)
        if (O.LaterRates[I] > Threshold) {
          LR = O.LaterRates[I];
          Loc = I < O.LaterRateLocs.size() && O.LaterRateLocs[I].isValid()
                    ? O.LaterRateLocs[I]
                    : firstValid(O.LRLoc, O.Loc);
        }
    }
    // Clipping is how recurrent language-model recipes run SGD at 20.
    if (!LR || clipped(P, O))
      continue;
    Finding F = finding(
        Loc, fmt::format("{} learning rate {} is above {}; steps overshoot and "
                         "the loss oscillates or diverges unless gradients are "
                         "clipped",
                         optimizerName(O.Kind), num(*LR), num(Threshold)));
    if (O.Loc.isValid() && (O.Loc.File != Loc.File || O.Loc.Line != Loc.Line))
      F.Notes.push_back({O.Loc, fmt::format("optimizer '{}' is constructed here", O.Var)});
    Claim C = makeClaim(Metric::LossDecrease, Compare::Less, 0,
                        FixKind::SetLearningRate, "learning rate 1e-3",
                        O.ModelName);
    C.TheFix.Value = 1e-3;
    F.Claims.push_back(std::move(C));
    Ctx.report(std::move(F));
  }
}

} // namespace gradlint::rules
