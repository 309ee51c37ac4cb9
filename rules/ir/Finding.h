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
  /// Gradient norm of the first affine (linear/conv) layer's weight over the
  /// last one's, measured after each backward; the geometric mean over the
  /// run (the ratio spans orders of magnitude as training moves the weights).
  FirstLastGradRatio,
  /// Share of sigmoid/tanh inputs with |x| >= 5, over hidden activations
  /// (the output one only when there is no hidden one), over all forwards.
  SaturatedShare,
  /// Share of ReLU/ReLU6 units active on < 1% of the probe batch after
  /// training.
  DeadShare,
  /// Standard deviation of the model output over that of the targets (mean
  /// over output columns; one-hot targets for class losses), after training.
  OutputSpreadRatio,
  /// Median relative update ||dW|| / ||W|| per step, over the weights of all
  /// affine layers and all steps.
  RelativeUpdate,
  /// (first loss - last loss) / first loss.
  LossDecrease,
  /// Max |cosine| between hidden units' incoming weights (rows of each
  /// affine weight but the last), after training.
  HiddenUnitSimilarity,
  /// Gradient norm (all parameters) at the last backward over that at the
  /// first.
  GradNormGrowth,
  /// Share of model outputs (what the loss sees) exactly zero, after
  /// training.
  ZeroOutputShare,
  /// 1 if any loss, output or parameter became NaN/inf, else 0.
  NonFinite,
  /// Spread (mean over units of the std over the batch) of the last affine
  /// layer's output over the first one's, at initialisation.
  ActivationSpreadRatio,
  /// Norm of the gradient reaching the last affine layer's output (the
  /// logits), mean over the run, as written over fixed (the fixed value is
  /// then 1).
  OutputGradNorm,
  /// Final loss over the loss of the best constant output (the targets'
  /// mean, or the class frequencies): 1 = learned nothing, 0 = perfect.
  RelativeFinalLoss,
  /// The loss after training (task_loss) as written over that with the
  /// fix; in a verdict the fixed value is then 1. Above 1: the fix helps.
  LossRatio,
  /// Share of the model's parameter tensors whose value after training is
  /// exactly their initial value (relative change 0 over the run).
  UnmovedShare,
  /// Total gradient norm over all parameters, mean over the run's
  /// backward passes; 0 when no gradient reaches them.
  WeightGradNorm,
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
  /// The optimizer constructed once, before the loop: its state is kept.
  CreateOptimizerOnce,
  /// train() in place of every eval() in the training function.
  TrainMode,
  /// The step completed: zero_grad() (when the code clears at all) before
  /// the forward pass, backward() and step() after the loss.
  CompleteStep,
  None,
};

struct Fix {
  FixKind Kind = FixKind::None;
  std::optional<double> Value;
  ActivationKind NewAct = ActivationKind::ReLU;
  /// What the fix says in words: "ReLU in place of the sigmoids".
  std::string Description;
  /// DefaultInit: only the init written here goes (every init when unset),
  /// so the counterfactual changes exactly the flagged statement.
  SourceLoc InitLoc;
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

/// The probe's answer. Inconclusive (the seeds disagree, or the fix helps
/// for another reason than the claim's) never downgrades a finding; only
/// NotConfirmed (the fix clearly does not help) does. Proven: the finding
/// is a proof by itself (Finding::Proof), and the probe, where it can run,
/// measured what the proof says in every seed.
enum class VerdictKind { Confirmed, NotConfirmed, Inconclusive, Proven, NotProbed };

/// One seed's training run, step by step, downsampled to at most
/// MaxCurvePoints samples.
struct SeedCurve {
  /// The training step of each sample, from 0.
  std::vector<int> Steps;
  /// The loss at each sampled step.
  std::vector<double> Loss;
  /// GradNorm[L][I]: the gradient norm of recorded layer L's weight at
  /// sample I (empty when the step has no backward).
  std::vector<std::vector<double>> GradNorm;
};

/// At most this many samples per curve: enough for a plot, small in JSON.
constexpr int MaxCurvePoints = 200;

/// The runs behind a verdict, for plotting: every seed of the code as
/// written and of the fixed variant of the finding's first probed claim.
struct ProbeCurves {
  /// The affine layers whose gradient norms are recorded, input to output.
  std::vector<std::string> Layers;
  std::vector<SeedCurve> AsWritten, Fixed;
  /// The fix the fixed runs apply, in words; empty without one.
  std::string FixDescription;
};

struct Verdict {
  VerdictKind Kind = VerdictKind::NotProbed;
  /// One sentence with the numbers, or why it was not probed.
  std::string Summary;
  /// Named measurements of the code as written, and of the fixed variant:
  /// medians over seeds.
  std::map<std::string, double> AsWritten;
  std::map<std::string, double> Fixed;
  /// What the probe assumed where the code states nothing ("loss unknown:
  /// mse assumed"); shown with the verdict.
  std::vector<std::string> Assumptions;
  /// Seeds trained per variant, and in how many of them every claim held
  /// as written and the fix removed it and lowered the loss.
  int Seeds = 0;
  int SeedsConfirming = 0;
  /// Per-step loss and gradient norms of the runs, when probed.
  std::optional<ProbeCurves> Curves;
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
  /// Why the code alone proves the finding, in one sentence ("'opt' was
  /// built over the parameters of 'Encoder' only; ..."); empty when the
  /// finding needs the probe. A proof is shown as the verdict (kind
  /// Proven) instead of a null probe, with the probe's measurement beside
  /// it where one of the claims can be trained.
  std::string Proof;
  std::optional<Verdict> Probe;
};

std::string_view name(Severity S);
std::string_view name(Metric M);
std::string_view name(VerdictKind V);
std::string_view name(FixKind F);
std::optional<Severity> parseSeverity(std::string_view S);

/// The probe's verdict as both front ends print it under its finding:
/// "probe: confirmed in 9 of 10 seeds: over 100 Adam steps ...; assumed:
/// ...".
std::string verdictNote(const Verdict &V);

/// What \p M measured, in words that say when ("mean over the run", "after
/// training"), with the value \p V: the one sentence both front ends and
/// the docs use.
std::string describeMeasurement(Metric M, double V);
/// \p V in the short form used after "with the fix it is".
std::string shortMeasurement(Metric M, double V);
/// "%.2g" of \p V.
std::string shortNumber(double V);

} // namespace gradlint::ir

#endif // GRADLINT_RULES_IR_FINDING_H
