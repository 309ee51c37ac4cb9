//===- rules/TinyLearningRateCheck.cpp - gradlint-tiny-learning-rate ------===//

#include "rules/TinyLearningRateCheck.h"

#include "rules/Chain.h"

#include <fmt/format.h>

namespace gradlint::rules {

using namespace ir;

TinyLearningRateCheck::TinyLearningRateCheck(OptionReader Options)
    : Check("gradlint-tiny-learning-rate"),
      Threshold(Options.get("Threshold", 1e-6)) {}

void TinyLearningRateCheck::storeOptions(OptionMap &Options) const {
  Options[key("Threshold")] = num(Threshold);
}

/// What one step at rate \p LR does, for the message.
static std::string consequence(const Optimizer &O, double LR) {
  switch (O.Kind) {
  case OptimizerKind::Adam:
  case OptimizerKind::AdamW:
  case OptimizerKind::RMSprop:
  case OptimizerKind::Adagrad:
    return fmt::format("each {} step moves a weight by at most about {}, so "
                       "the loss cannot visibly change",
                       optimizerName(O.Kind), num(LR));
  case OptimizerKind::SGD:
  case OptimizerKind::LBFGS:
  case OptimizerKind::Unknown:
    return fmt::format("each step moves the weights by {} times the gradient, "
                       "so the loss cannot visibly change",
                       num(LR));
  }
  return {};
}

void TinyLearningRateCheck::check(Context &Ctx) const {
  for (const Optimizer &O : Ctx.program().Optimizers) {
    auto Report = [&](const SourceLoc &Loc, std::string Message, double LR) {
      Finding F = finding(Loc, std::move(Message));
      if (O.Loc.isValid() && !(O.Loc.Line == Loc.Line && O.Loc.File == Loc.File))
        F.Notes.push_back({O.Loc, fmt::format("optimizer '{}' is constructed here", O.Var)});
      Claim C;
      C.What = Metric::RelativeUpdate;
      C.Cmp = Compare::Less;
      C.Threshold = 1e-7;
      C.TheFix.Kind = FixKind::SetLearningRate;
      C.TheFix.Value = 1e-3;
      C.TheFix.Description = "learning rate 1e-3";
      C.FixFactor = 1000;
      C.ModelName = O.ModelName;
      F.Claims.push_back(std::move(C));
      Ctx.report(std::move(F));
    };
    // The optimizer's own default is a sound rate by construction.
    if (O.LR && !O.LRDefaulted && *O.LR < Threshold) {
      Report(firstValid(O.LRLoc, O.Loc),
             fmt::format("learning rate {} is below {}; {}", num(*O.LR),
                         num(Threshold), consequence(O, *O.LR)),
             *O.LR);
      continue;
    }
    for (size_t I = 0; I < O.LaterRates.size(); ++I) {
      double LR = O.LaterRates[I];
      if (LR >= Threshold)
        continue;
      const SourceLoc &Loc = I < O.LaterRateLocs.size() && O.LaterRateLocs[I].isValid()
                                 ? O.LaterRateLocs[I]
                                 : firstValid(O.LRLoc, O.Loc);
      Report(Loc,
             fmt::format("learning rate of '{}' is later set to {}, below {}; "
                         "{}",
                         O.Var, num(LR), num(Threshold), consequence(O, LR)),
             LR);
      break;
    }
  }
}

} // namespace gradlint::rules
