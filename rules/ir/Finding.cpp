//===- rules/ir/Finding.cpp - Names of finding enums ----------------------===//

#include "rules/ir/Finding.h"

#include <cmath>
#include <cstdio>

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
  case VerdictKind::Inconclusive:
    Words = "inconclusive";
    break;
  case VerdictKind::Proven:
    // A proof is not the probe's: its sentence stands by itself, and the
    // probe's measurement (if it ran) follows it in the summary.
    Words = "proof";
    break;
  case VerdictKind::NotProbed:
    Words = "not probed";
    break;
  }
  std::string Note;
  if (V.Kind == VerdictKind::Proven)
    Note = "proof: " + V.Summary;
  else if (V.Summary.compare(0, Words.size(), Words) == 0)
    Note = "probe: " + V.Summary;
  else if (V.Summary.empty())
    Note = "probe: " + Words;
  else
    Note = "probe: " + Words + ": " + V.Summary;
  if (!V.Assumptions.empty() && V.Kind != VerdictKind::NotProbed) {
    Note += "; assumed: ";
    for (size_t I = 0; I < V.Assumptions.size(); ++I)
      Note += (I ? ", " : "") + V.Assumptions[I];
  }
  return Note;
}

std::string shortNumber(double V) {
  char Buf[32];
  std::snprintf(Buf, sizeof Buf, "%.2g", V);
  return Buf;
}

static std::string percent(double V) {
  char Buf[32];
  std::snprintf(Buf, sizeof Buf, "%.3g%%", 100 * V);
  return Buf;
}

std::string describeMeasurement(Metric M, double V) {
  std::string N = shortNumber(V);
  switch (M) {
  case Metric::FirstLastGradRatio:
    return "the first layer's gradient norm is " + N +
           " of the last layer's (geometric mean over the steps)";
  case Metric::SaturatedShare:
    return percent(V) + " of the hidden sigmoid/tanh inputs are saturated "
                        "(|x| >= 5, over all forward passes)";
  case Metric::DeadShare:
    return percent(V) + " of the ReLU units are dead after training (active "
                        "on < 1% of the batch)";
  case Metric::OutputSpreadRatio:
    return "the output spread after training is " + N + " of the target spread";
  case Metric::RelativeUpdate:
    return "the median relative weight update per step is " + N;
  case Metric::LossDecrease:
    if (!std::isfinite(V))
      return "the loss diverges to NaN/inf";
    if (V < 0)
      return "the loss grows " + shortNumber(1 - V) + "x from the first step to "
                                                      "the last";
    return "the loss falls by " + percent(V) + " from the first step to the last";
  case Metric::HiddenUnitSimilarity:
    return "hidden units' incoming weights have cosine similarity up to " + N +
           " after training";
  case Metric::GradNormGrowth:
    return "the gradient norm at the last step is " + N + "x that at the first";
  case Metric::ZeroOutputShare:
    return percent(V) + " of the outputs are exactly zero after training";
  case Metric::NonFinite:
    return V > 0.5 ? "values become NaN/inf" : "all values stay finite";
  case Metric::ActivationSpreadRatio:
    return "at initialisation the last layer's activation spread is " + N +
           " of the first layer's";
  case Metric::OutputGradNorm:
    return "the gradient reaching the output is " + N +
           " of that with the fix (mean over the steps)";
  case Metric::RelativeFinalLoss:
    return "the final loss is " + N + " of a constant prediction's";
  case Metric::LossRatio:
    return "the loss after training is " + N + "x that with the fix";
  case Metric::UnmovedShare:
    return percent(V) + " of the model's parameter tensors are exactly "
                        "where they started after training";
  case Metric::WeightGradNorm:
    return "the gradient reaching the parameters has norm " + N +
           " (mean over the steps)";
  }
  return N;
}

std::string shortMeasurement(Metric M, double V) {
  switch (M) {
  case Metric::SaturatedShare:
  case Metric::DeadShare:
  case Metric::ZeroOutputShare:
  case Metric::UnmovedShare:
    return percent(V);
  case Metric::LossDecrease:
    if (!std::isfinite(V))
      return "NaN/inf";
    return V < 0 ? "a " + shortNumber(1 - V) + "x growth" : "a fall of " + percent(V);
  case Metric::NonFinite:
    return V > 0.5 ? "NaN/inf" : "finite";
  default:
    return shortNumber(V);
  }
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
  case Metric::LossRatio:
    return "loss_ratio";
  case Metric::UnmovedShare:
    return "unmoved_share";
  case Metric::WeightGradNorm:
    return "weight_grad_norm";
  }
  return "unknown";
}

std::string_view name(VerdictKind V) {
  switch (V) {
  case VerdictKind::Confirmed:
    return "confirmed";
  case VerdictKind::NotConfirmed:
    return "not-confirmed";
  case VerdictKind::Inconclusive:
    return "inconclusive";
  case VerdictKind::Proven:
    return "proven";
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
  case FixKind::CreateOptimizerOnce:
    return "create_optimizer_once";
  case FixKind::TrainMode:
    return "train_mode";
  case FixKind::CompleteStep:
    return "complete_step";
  case FixKind::None:
    return "none";
  }
  return "none";
}

} // namespace gradlint::ir
