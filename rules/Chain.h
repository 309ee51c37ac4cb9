//===- rules/Chain.h - Layer-chain queries shared by checks ----*- C++ -*-===//
//
// Small, plain queries on a model's layer chain and on training functions,
// shared by several checks: naming a layer for a message, the activation a
// layer feeds, the events of a loop body in order, the optimizer a step
// uses.
//
//===----------------------------------------------------------------------===//

#ifndef GRADLINT_RULES_CHAIN_H
#define GRADLINT_RULES_CHAIN_H

#include "rules/ir/Finding.h"
#include "rules/ir/Model.h"

#include <optional>
#include <string>
#include <vector>

namespace gradlint::rules {

/// A layer as messages name it: `'fc1'` when it has a name, otherwise its
/// constructor (`Linear(10, 10)`, `sigmoid`).
std::string describe(const ir::Layer &L);

/// A number as messages print it: shortest form, at most 2 significant
/// digits for non-round values (0.0058, 1e-10, 55).
std::string num(double V);

/// The first valid location of \p A and \p B.
const ir::SourceLoc &firstValid(const ir::SourceLoc &A, const ir::SourceLoc &B);

/// What follows an affine layer, as far as its weight scale is concerned.
struct FollowingAct {
  /// False when something unknown (or a normalisation, which undoes the
  /// scale) comes first: the caller stays quiet.
  bool Known = false;
  /// Identity when another affine layer or the end of the chain follows.
  ir::ActivationKind Act = ir::ActivationKind::Identity;
};

/// The activation that the layer at \p Index of the flattened \p Chain
/// feeds, skipping dropout, flatten and pooling.
FollowingAct followingActivation(const std::vector<ir::Layer> &Chain,
                                 size_t Index);

/// An optimizer as people write it: "SGD", "Adam", "RMSprop".
std::string optimizerName(ir::OptimizerKind K);

/// A loss as LibTorch's functional API spells it: "cross_entropy",
/// "nll_loss", "binary_cross_entropy_with_logits".
std::string lossName(ir::LossKind K);

/// True for mse, l1, smooth_l1 and huber.
bool isRegressionLoss(ir::LossKind K);

/// A claim for the probe, in one line.
ir::Claim makeClaim(ir::Metric What, ir::Compare Cmp, double Threshold,
                    ir::FixKind Fix, std::string Description,
                    std::string ModelName, double FixFactor = 1);

/// Marks \p F as proved by the code alone: Finding::Proof is \p Proof and
/// its verdict, until the probe measures it, is Proven with that sentence
/// (so --no-probe shows the proof too).
void prove(ir::Finding &F, std::string Proof);

/// True for activations whose gradient is about 1 where they are active
/// (the ReLU family): He initialisation fits them.
bool isReluFamily(ir::ActivationKind K);

/// One event of a training function, in source order, with where it sits.
struct FlatEvent {
  const ir::StepEvent *Ev = nullptr;
  /// The loops that enclose it, outermost first.
  std::vector<const ir::StepNode *> Loops;
  /// Inside a branch (runs only sometimes) below its innermost loop.
  bool InBranch = false;
};

/// Every event under \p Body, in source order.
std::vector<FlatEvent> flattenEvents(const std::vector<ir::StepNode> &Body);

/// Every event under \p Node's children, in source order.
std::vector<FlatEvent> flattenEvents(const ir::StepNode &Node);

/// Every Loop node under \p Body, outer loops before the loops they hold.
std::vector<const ir::StepNode *>
collectLoops(const std::vector<ir::StepNode> &Body);

/// The optimizer a Step, ZeroGrad or Optimizer event names: through an
/// Optimizer event of \p T with the same variable, or the only optimizer of
/// \p P with that variable. Null when unknown or ambiguous.
const ir::Optimizer *resolveOptimizer(const ir::Program &P,
                                      const ir::TrainingFunction &T,
                                      const std::string &Var);

/// The optimizer a Step, ZeroGrad or Optimizer event uses: the one the
/// extractor bound it to (StepEvent::OptimizerIndex, through the call sites
/// of a function that takes the optimizer as a parameter), else by its
/// variable as above.
const ir::Optimizer *resolveOptimizer(const ir::Program &P,
                                      const ir::TrainingFunction &T,
                                      const ir::StepEvent &Ev);

/// The model a Loss event is computed from: its own ModelName, or that of
/// the nearest Forward event before it in \p Events. Empty when unknown.
std::string lossModelName(const std::vector<FlatEvent> &Events, size_t Index);

/// The activation at the model's output as seen by the loss at
/// \p Events[Index]: the last call-site activation, else the last layer of
/// the model's chain. Identity means the output is the raw output of an
/// affine layer (logits); nullopt means unknown.
struct OutputAct {
  ir::ActivationKind Act = ir::ActivationKind::Identity;
  /// Where the activation is written (the layer or the call site).
  ir::SourceLoc Loc;
  const ir::Model *M = nullptr;
  bool AtCallSite = false;
};
std::optional<OutputAct> outputActivation(const ir::Program &P,
                                          const std::vector<FlatEvent> &Events,
                                          size_t Index);

} // namespace gradlint::rules

#endif // GRADLINT_RULES_CHAIN_H
