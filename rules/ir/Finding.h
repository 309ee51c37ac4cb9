//===- rules/ir/Finding.h - Findings, claims and verdicts ------*- C++ -*-===//
//
// A check reports Findings. A Finding may carry Claims: measurable hypotheses
// with the fix that should make them disappear. The probe (runtime/) answers
// each claim with a Verdict. Checks and the probe share only these types.
//
//===----------------------------------------------------------------------===//

#ifndef GRADLINT_RULES_IR_FINDING_H
#define GRADLINT_RULES_IR_FINDING_H

#include "rules/ir/Model.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace gradlint::ir {

enum class Severity { Note, Warning, Error };

/// What the probe measures for a claim. Each is a single number per run.
enum class Metric {
  /// Gradient norm of the first parameterised layer over the last one's,
  /// averaged over the run.
  FirstLastGradRatio,
  /// Share of sigmoid/tanh inputs with |x| >= 5, over hidden activations.
  SaturatedShare,
  /// Share of ReLU units never active on the probe batch.
  DeadShare,
  /// Standard deviation of the model output over that of the targets.
  OutputSpreadRatio,
  /// Median relative update ||dW|| / ||W|| per step, over all weights.
  RelativeUpdate,
  /// (first loss - last loss) / first loss.
  LossDecrease,
  /// Max cosine similarity between hidden units' incoming weights.
  HiddenUnitSimilarity,
  /// Gradient norm at the last step over that at the first step.
  GradNormGrowth,
  /// Share of model outputs exactly zero.
  ZeroOutputShare,
  /// 1 if any loss, output or parameter became NaN/inf, else 0.
  NonFinite,
  /// Ratio of the last layer's activation spread to the first layer's.
  ActivationSpreadRatio,
  /// Norm of the gradient reaching the model output, as written over fixed.
  OutputGradNorm,
};

/// How a measurement is compared with a claim's threshold.
enum class Compare { Less, Greater };

/// The counterfactual the probe trains beside the code as written.
enum class FixKind {
  ReplaceActivations, ///< every sigmoid/tanh in the stack -> NewAct
  DefaultInit,        ///< the framework's default initialisation
  SetLearningRate,    ///< Value
  StandardizeInput,   ///< zero mean, unit variance per feature
  RemoveOutputActivation,
  ReplaceOutputActivation, ///< -> NewAct
  AddZeroGrad,
  None,
};

struct Fix {
  FixKind Kind = FixKind::None;
  std::optional<double> Value;
  ActivationKind NewAct = ActivationKind::ReLU;
  /// What the fix says in words: "ReLU in place of the sigmoids".
  std::string Description;
};

/// A measurable hypothesis: Metric Cmp Threshold holds as the code is
/// written, and, with the Fix applied, no longer holds (or improves by
/// FixFactor).
struct Claim {
  Metric What = Metric::FirstLastGradRatio;
  Compare Cmp = Compare::Less;
  double Threshold = 0;
  Fix TheFix;
  /// The fixed variant must differ from the written one by at least this
  /// factor in the right direction (1 = only cross the threshold).
  double FixFactor = 1;
  /// The model the claim is about (Model::Name).
  std::string ModelName;
};

/// The probe's answer.
enum class VerdictKind { Confirmed, NotConfirmed, NotProbed };

struct Verdict {
  VerdictKind Kind = VerdictKind::NotProbed;
  /// One sentence with the numbers, or why it was not probed.
  std::string Summary;
  /// Named measurements of the code as written, and of the fixed variant.
  std::map<std::string, double> AsWritten;
  std::map<std::string, double> Fixed;
};

/// A note at a related location.
struct Note {
  SourceLoc Loc;
  std::string Message;
};

/// A replacement of Length bytes at Loc.Offset in Loc.File.
struct FixIt {
  SourceLoc Loc;
  unsigned Length = 0;
  std::string Replacement;
};

/// One diagnostic of one check.
struct Finding {
  std::string Check;
  Severity Sev = Severity::Warning;
  SourceLoc Loc;
  std::string Message;
  std::vector<Note> Notes;
  std::vector<FixIt> Fixes;
  std::vector<Claim> Claims;
  std::optional<Verdict> Probe;
};

std::string_view name(Severity S);
std::string_view name(Metric M);
std::string_view name(VerdictKind V);
std::string_view name(FixKind F);
std::optional<Severity> parseSeverity(std::string_view S);

} // namespace gradlint::ir

#endif // GRADLINT_RULES_IR_FINDING_H
