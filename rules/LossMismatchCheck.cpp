//===- rules/LossMismatchCheck.cpp - gradlint-loss-mismatch ---------------===//

#include "rules/LossMismatchCheck.h"

#include "rules/Chain.h"

#include <fmt/format.h>

#include <tuple>

#include <set>

namespace gradlint::rules {

using namespace ir;

LossMismatchCheck::LossMismatchCheck(OptionReader Options)
    : Check("gradlint-loss-mismatch") {}

void LossMismatchCheck::check(Context &Ctx) const {
  const Program &P = Ctx.program();
  std::set<std::tuple<std::string, unsigned, unsigned>> Seen;
  for (const TrainingFunction &T : P.Trainings) {
    std::vector<FlatEvent> Events = flattenEvents(T.Body);
    for (size_t I = 0; I < Events.size(); ++I) {
      const StepEvent &Loss = *Events[I].Ev;
      if (Loss.Op != StepOp::Loss)
        continue;
      std::optional<OutputAct> Out = outputActivation(P, Events, I);
      if (!Out)
        continue;
      std::string ModelName = Out->M ? Out->M->Name : lossModelName(Events, I);
      std::string L = lossName(Loss.Loss);
      ActivationKind A = Out->Act;
      std::string Message;
      // At the activation when one is wrong; at the loss when the loss
      // is the wrong choice for logits.
      SourceLoc Loc = Out->Loc;
      std::optional<Claim> C;
      auto Weaker = [&](FixKind Fix, const char *What) {
        return makeClaim(Metric::OutputGradNorm, Compare::Less, 0.5, Fix, What,
                         ModelName);
      };
      switch (Loss.Loss) {
      case LossKind::CrossEntropy:
        if (A != ActivationKind::Softmax)
          continue;
        Message = "softmax before cross_entropy, which applies log_softmax "
                  "itself; probabilities are squashed twice and the gradient "
                  "fades as they saturate";
        C = Weaker(FixKind::RemoveOutputActivation, "raw logits into cross_entropy");
        break;
      case LossKind::NLL:
        if (A == ActivationKind::Softmax) {
          Message = "softmax probabilities into nll_loss, which expects "
                    "log-probabilities; the loss is just -p and its gradient "
                    "vanishes as p saturates";
          C = Weaker(FixKind::ReplaceOutputActivation, "log_softmax in place of softmax");
          C->TheFix.NewAct = ActivationKind::LogSoftmax;
        } else if (A == ActivationKind::Identity) {
          Message = "raw logits into nll_loss, which expects log-probabilities; "
                    "the loss is unbounded below and training diverges";
          Loc = firstValid(Loss.Loc, Out->Loc);
        } else {
          continue;
        }
        break;
      case LossKind::BCEWithLogits:
        if (A != ActivationKind::Sigmoid)
          continue;
        Message = "sigmoid before binary_cross_entropy_with_logits, which "
                  "applies sigmoid itself; predictions are squeezed into "
                  "(0.5, 0.73) and the loss cannot fall far";
        C = Weaker(FixKind::RemoveOutputActivation,
                   "raw logits into binary_cross_entropy_with_logits");
        break;
      case LossKind::BCE:
        if (A == ActivationKind::Identity) {
          Message = "raw logits into binary_cross_entropy, which expects "
                    "probabilities in [0, 1]; values outside make it fail at "
                    "run time";
          Loc = firstValid(Loss.Loc, Out->Loc);
        } else if (A != ActivationKind::Sigmoid &&
                   A != ActivationKind::Softmax &&
                   A != ActivationKind::Unknown) {
          Message = fmt::format(
              "{} outputs into binary_cross_entropy, which expects "
              "probabilities in [0, 1]; values outside make it fail at run "
              "time",
              ir::name(A));
        } else {
          continue;
        }
        break;
      case LossKind::MSE:
      case LossKind::L1:
      case LossKind::SmoothL1:
      case LossKind::Huber:
      case LossKind::KLDiv:
      case LossKind::Unknown:
        continue;
      }
      if (!Seen.insert({Loc.File, Loc.Line, Loc.Column}).second)
        continue;
      Finding F = finding(Loc, std::move(Message));
      if (Loc.Line == Out->Loc.Line && Loc.File == Out->Loc.File &&
          Loc.Column == Out->Loc.Column)
        F.Notes.push_back({Loss.Loc, fmt::format("{} is computed here", L)});
      else if (Out->Loc.isValid())
        F.Notes.push_back({Out->Loc, "the model output is produced here"});
      // The activation wraps the loss's input right at the call site: taking
      // it out is always what the loss wants (the extractor proved the
      // deletions leave exactly its argument).
      bool AtCallSite = !Loss.UnwrapCallSiteAct.empty() &&
                        Out->Loc.File == Loss.CallSiteActLoc.File &&
                        Out->Loc.Line == Loss.CallSiteActLoc.Line &&
                        Out->Loc.Column == Loss.CallSiteActLoc.Column;
      if (C && C->TheFix.Kind == FixKind::RemoveOutputActivation && AtCallSite)
        for (const TextDeletion &D : Loss.UnwrapCallSiteAct)
          F.Fixes.push_back({D.Loc, D.Length, ""});
      if (C)
        F.Claims.push_back(std::move(*C));
      Ctx.report(std::move(F));
    }
  }
}

} // namespace gradlint::rules
