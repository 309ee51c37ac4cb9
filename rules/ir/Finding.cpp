//===- rules/ir/Finding.cpp - Names of finding enums ----------------------===//

#include "rules/ir/Finding.h"

namespace gradlint::ir {

std::string_view name(Severity S) {
  switch (S) {
  case Severity::Note:
    return "note";
  case Severity::Warning:
    return "warning";
  case Severity::Error:
    return "error";
  }
  return "warning";
}

std::optional<Severity> parseSeverity(std::string_view S) {
  if (S == "note")
    return Severity::Note;
  if (S == "warning")
    return Severity::Warning;
  if (S == "error")
    return Severity::Error;
  return std::nullopt;
}

std::string verdictNote(const Verdict &V) {
  std::string Words;
  switch (V.Kind) {
  case VerdictKind::Confirmed:
    Words = "confirmed";
    break;
  case VerdictKind::NotConfirmed:
    Words = "not confirmed";
    break;
  case VerdictKind::NotProbed:
    Words = "not probed";
    break;
  }
  if (V.Summary.compare(0, Words.size(), Words) == 0)
    return "probe: " + V.Summary;
  if (V.Summary.empty())
    return "probe: " + Words;
  return "probe: " + Words + ": " + V.Summary;
}

std::string_view name(Metric M) {
  switch (M) {
  case Metric::FirstLastGradRatio:
    return "first_last_grad_ratio";
  case Metric::SaturatedShare:
    return "saturated_share";
  case Metric::DeadShare:
    return "dead_share";
  case Metric::OutputSpreadRatio:
    return "output_spread_ratio";
  case Metric::RelativeUpdate:
    return "relative_update";
  case Metric::LossDecrease:
    return "loss_decrease";
  case Metric::HiddenUnitSimilarity:
    return "hidden_unit_similarity";
  case Metric::GradNormGrowth:
    return "grad_norm_growth";
  case Metric::ZeroOutputShare:
    return "zero_output_share";
  case Metric::NonFinite:
    return "non_finite";
  case Metric::ActivationSpreadRatio:
    return "activation_spread_ratio";
  case Metric::OutputGradNorm:
    return "output_grad_norm";
  case Metric::RelativeFinalLoss:
    return "relative_final_loss";
  }
  return "unknown";
}

std::string_view name(VerdictKind V) {
  switch (V) {
  case VerdictKind::Confirmed:
    return "confirmed";
  case VerdictKind::NotConfirmed:
    return "not-confirmed";
  case VerdictKind::NotProbed:
    return "not-probed";
  }
  return "not-probed";
}

std::string_view name(FixKind F) {
  switch (F) {
  case FixKind::ReplaceActivations:
    return "replace_activations";
  case FixKind::DefaultInit:
    return "default_init";
  case FixKind::SetLearningRate:
    return "set_learning_rate";
  case FixKind::StandardizeInput:
    return "standardize_input";
  case FixKind::RemoveOutputActivation:
    return "remove_output_activation";
  case FixKind::ReplaceOutputActivation:
    return "replace_output_activation";
  case FixKind::AddZeroGrad:
    return "add_zero_grad";
  case FixKind::None:
    return "none";
  }
  return "none";
}

} // namespace gradlint::ir
