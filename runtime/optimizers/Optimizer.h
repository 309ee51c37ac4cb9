//===- runtime/optimizers/Optimizer.h - Update rules -----------*- C++ -*-===//

#ifndef GRADLINT_RUNTIME_OPTIMIZERS_OPTIMIZER_H
#define GRADLINT_RUNTIME_OPTIMIZERS_OPTIMIZER_H

#include "rules/ir/Model.h"
#include "rules/ir/Status.h"
#include "runtime/Tensor.h"

#include <memory>
#include <vector>

namespace gradlint::probe {

/// Hyper-parameters of one optimizer, LibTorch 1.13's defaults filled in.
struct OptimizerConfig {
  ir::OptimizerKind Kind = ir::OptimizerKind::Adam;
  double LR = 1e-3;
  double Momentum = 0;
  double Dampening = 0;
  bool Nesterov = false;
  double WeightDecay = 0;
  double Beta1 = 0.9, Beta2 = 0.999;
  double Eps = 1e-8;
  /// RMSprop's smoothing constant.
  double Alpha = 0.99;
  /// Adagrad's rate decay and initial accumulator.
  double LRDecay = 0, InitialAccumulator = 0;
};

/// The config of an IR optimizer: its stated values over LibTorch's
/// defaults; an error for LBFGS/unknown kinds or an SGD without a rate.
StatusOr<OptimizerConfig> configFor(const ir::Optimizer &O);

/// An update rule with its per-parameter state.
class Optimizer {
public:
  explicit Optimizer(const OptimizerConfig &C) : Config(C) {}
  virtual ~Optimizer() = default;
  virtual std::string kind() const = 0;
  /// One step over \p Params (the same list, in the same order, each time).
  virtual void step(const std::vector<Param *> &Params) = 0;
  /// Forgets the state, as a freshly constructed optimizer.
  virtual void reset() = 0;
  OptimizerConfig Config;
};

std::unique_ptr<Optimizer> makeOptimizer(const OptimizerConfig &C);

} // namespace gradlint::probe

#endif // GRADLINT_RUNTIME_OPTIMIZERS_OPTIMIZER_H
