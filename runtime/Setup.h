//===- runtime/Setup.h - How the code trains a model -----------*- C++ -*-===//
//
// Resolves, for one model, what the program's training function does: the
// optimizer, the loss and its call-site activations, the input and target
// data, and the order of forward/loss/zero_grad/backward/step per
// iteration. Defaults fill what the IR leaves unknown, and each default is
// recorded in Assumptions.
//
//===----------------------------------------------------------------------===//

#ifndef GRADLINT_RUNTIME_SETUP_H
#define GRADLINT_RUNTIME_SETUP_H

#include "rules/ir/Finding.h"
#include "rules/ir/Model.h"
#include "rules/ir/Status.h"
#include "runtime/optimizers/Optimizer.h"

#include <set>
#include <string>
#include <vector>

namespace gradlint::probe {

/// What one statement of the training step does to the probe network.
enum class Action {
  Forward,
  Loss,
  ZeroGrad,
  Backward,
  Step,
  ResetOptimizer, ///< the optimizer is constructed here (inside the loop)
  Train,
  Eval,
};

/// Synthetic data as the code states it.
struct DataSpec {
  /// The variable the code names it by (matches "@var" in formulas).
  std::string Var;
  /// Values per sample (the product of SampleDims when those are known).
  std::optional<int64_t> Features;
  /// One sample's dimensions ({1, 28, 28}) when the code states them.
  std::vector<int64_t> SampleDims;
  ir::DataDist Dist = ir::DataDist::Unknown;
  /// Targets: a formula of the input (ir::DataInfo::Formula).
  std::vector<std::string> Formula;
  /// Per-feature ranges; empty: standard normal.
  std::vector<ir::FeatureBlock> Blocks;
  /// A normalisation stands between creation and use: standard normal.
  bool Normalized = false;
  /// The StandardizeInput fix: zero mean, unit variance per feature.
  bool Standardize = false;
};

/// Everything a probe run needs, resolved from the program.
struct TrainingSetup {
  ir::Model Model;
  OptimizerConfig Opt;
  /// "Adam", "SGD" for summaries.
  std::string OptName;
  /// The stepped optimizer holds this model's parameters.
  bool OptimizerHoldsModel = true;
  ir::LossKind Loss = ir::LossKind::MSE;
  std::vector<ir::ActivationKind> CallSiteActs;
  DataSpec Input;
  DataSpec Target;
  /// Run once before the loop, then each iteration.
  std::vector<Action> Once;
  std::vector<Action> Each;
  /// No gradient reaches the parameters (forward under NoGradGuard, a
  /// detached output feeding the loss).
  bool GradDisabled = false;
  /// Layers (by name) whose parameters no optimizer holds: members used in
  /// forward() but never registered, so missing from parameters().
  std::set<std::string> Frozen;
  /// The optimizer is constructed in a loop around the training loop: its
  /// state starts afresh every this many steps (0: never).
  int64_t ResetEvery = 0;

  int64_t Batch = 64;
  /// Training steps the program's loops state (epochs x batches when both
  /// are known); unknown when a count is not a constant.
  std::optional<int64_t> LoopSteps;
  /// Defaults the probe chose where the code says nothing.
  std::vector<std::string> Assumptions;
};

/// The setup of \p ModelName in \p P, or why it cannot be probed.
StatusOr<TrainingSetup> resolveSetup(const ir::Program &P,
                                     const std::string &ModelName);

/// Applies a claim's counterfactual to a setup; an error if it cannot.
Status applyFix(TrainingSetup &S, const ir::Fix &F);

/// Words for the fix, for summaries ("ReLU in place of the sigmoids").
std::string describeFix(const ir::Fix &F);

} // namespace gradlint::probe

#endif // GRADLINT_RUNTIME_SETUP_H
