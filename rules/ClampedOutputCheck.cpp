//===- rules/ClampedOutputCheck.cpp - gradlint-clamped-output -------------===//

#include "rules/ClampedOutputCheck.h"

#include "rules/Chain.h"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <set>

namespace gradlint::rules {

using namespace ir;

ClampedOutputCheck::ClampedOutputCheck(OptionReader Options)
    : Check("gradlint-clamped-output"),
      WarnOnUnknownTargets(Options.get("WarnOnUnknownTargets", true)) {}

void ClampedOutputCheck::storeOptions(OptionMap &Options) const {
  Options[key("WarnOnUnknownTargets")] = WarnOnUnknownTargets ? "true" : "false";
}

namespace {
struct Range {
  double Lo, Hi;
  const char *Text;
  /// Zero gradient outside the range (a hard clamp), not just a slope
  /// that fades.
  bool Hard;
};

constexpr double Inf = std::numeric_limits<double>::infinity();

std::optional<Range> rangeOf(ActivationKind K) {
  switch (K) {
  case ActivationKind::ReLU:
    return Range{0, Inf, "[0, inf)", true};
  case ActivationKind::ReLU6:
    return Range{0, 6, "[0, 6]", true};
  case ActivationKind::Sigmoid:
    return Range{0, 1, "(0, 1)", false};
  case ActivationKind::Tanh:
    return Range{-1, 1, "(-1, 1)", false};
  case ActivationKind::Softplus:
    return Range{0, Inf, "(0, inf)", false};
  case ActivationKind::Hardtanh:
    return Range{-1, 1, "[-1, 1]", true};
  case ActivationKind::Softmax:
    return Range{0, 1, "(0, 1)", false};
  case ActivationKind::LogSoftmax:
    return Range{-Inf, 0, "(-inf, 0]", false};
  case ActivationKind::LeakyReLU:
  case ActivationKind::ELU:
  case ActivationKind::GELU:
  case ActivationKind::SiLU:
  case ActivationKind::Identity:
  case ActivationKind::Unknown:
    return std::nullopt;
  }
  return std::nullopt;
}
} // namespace

void ClampedOutputCheck::check(Context &Ctx) const {
  const Program &P = Ctx.program();
  std::set<std::pair<std::string, unsigned>> Seen;
  for (const TrainingFunction &T : P.Trainings) {
    std::vector<FlatEvent> Events = flattenEvents(T.Body);
    for (size_t I = 0; I < Events.size(); ++I) {
      const StepEvent &Loss = *Events[I].Ev;
      if (Loss.Op != StepOp::Loss || !isRegressionLoss(Loss.Loss))
        continue;
      std::optional<OutputAct> Out = outputActivation(P, Events, I);
      if (!Out)
        continue;
      std::optional<Range> R = rangeOf(Out->Act);
      if (!R)
        continue;
      std::string ModelName = Out->M ? Out->M->Name : lossModelName(Events, I);
      std::string Whose = ModelName.empty() ? std::string("the model output")
                                            : "the output of '" + ModelName + "'";
      std::string Message;
      Claim C;
      if (R->Hard)
        C = makeClaim(Metric::ZeroOutputShare, Compare::Greater, 0.2,
                      FixKind::RemoveOutputActivation,
                      "no activation on the output", ModelName);
      else
        C = makeClaim(Metric::OutputSpreadRatio, Compare::Less, 0.5,
                      FixKind::RemoveOutputActivation,
                      "no activation on the output", ModelName, 2);
      if (Loss.Target && !Loss.Target->Blocks.empty()) {
        double Lo = Inf, Hi = -Inf;
        for (const FeatureBlock &B : Loss.Target->Blocks) {
          Lo = std::min(Lo, B.Lo);
          Hi = std::max(Hi, B.Hi);
        }
        // Targets inside the range are what the activation is for
        // (sigmoid output, targets from torch::rand).
        if (Lo >= R->Lo && Hi <= R->Hi)
          continue;
        Message = fmt::format(
            "{} on {} limits predictions to {}, but the {} targets span {} to "
            "{}; targets outside that range can never be reached",
            ir::name(Out->Act), Whose, R->Text, lossName(Loss.Loss), num(Lo),
            num(Hi));
      } else {
        // Unknown targets: only a hard clamp is reported. An output stuck
        // in the flat part gets no gradient at all (the "all predictions
        // are zero" bug); a sigmoid or tanh head on targets scaled to its
        // range is a common, sound choice.
        if (!R->Hard || !WarnOnUnknownTargets)
          continue;
        Message = fmt::format(
            "{} on {} clamps predictions to {} under the {} regression loss; "
            "an output pushed outside it gets no gradient and stays stuck",
            ir::name(Out->Act), Whose, R->Text, lossName(Loss.Loss));
      }
      if (!Seen.insert({Out->Loc.File, Out->Loc.Line * 1000 + Out->Loc.Column}).second)
        continue;
      Finding F = finding(Out->Loc, std::move(Message));
      F.Notes.push_back({Loss.Loc, fmt::format("{} is computed here",
                                               lossName(Loss.Loss))});
      F.Claims.push_back(std::move(C));
      Ctx.report(std::move(F));
    }
  }
}

} // namespace gradlint::rules
