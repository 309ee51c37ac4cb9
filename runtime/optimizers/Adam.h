//===- runtime/optimizers/Adam.h - Adam and AdamW --------------*- C++ -*-===//

#ifndef GRADLINT_RUNTIME_OPTIMIZERS_ADAM_H
#define GRADLINT_RUNTIME_OPTIMIZERS_ADAM_H

#include "runtime/optimizers/Optimizer.h"

namespace gradlint::probe {

/// torch::optim::Adam (L2 weight decay added to the gradient) and AdamW
/// (decoupled decay p *= 1 - lr wd), both with bias correction.
class Adam : public Optimizer {
public:
  using Optimizer::Optimizer;
  std::string kind() const override {
    return Config.Kind == ir::OptimizerKind::AdamW ? "AdamW" : "Adam";
  }
  void step(const std::vector<Param *> &Params) override;
  void reset() override {
    M.clear();
    V.clear();
    Steps = 0;
  }

private:
  std::vector<Mat> M, V;
  int64_t Steps = 0;
};

} // namespace gradlint::probe

#endif // GRADLINT_RUNTIME_OPTIMIZERS_ADAM_H
