//===- runtime/optimizers/RMSprop.h - RMSprop ------------------*- C++ -*-===//

#ifndef GRADLINT_RUNTIME_OPTIMIZERS_RMSPROP_H
#define GRADLINT_RUNTIME_OPTIMIZERS_RMSPROP_H

#include "runtime/optimizers/Optimizer.h"

namespace gradlint::probe {

/// torch::optim::RMSprop (not centered): alpha 0.99, eps 1e-8, momentum.
class RMSprop : public Optimizer {
public:
  using Optimizer::Optimizer;
  std::string kind() const override { return "RMSprop"; }
  void step(const std::vector<Param *> &Params) override;
  void reset() override {
    Sq.clear();
    Buf.clear();
  }

private:
  std::vector<Mat> Sq, Buf;
};

} // namespace gradlint::probe

#endif // GRADLINT_RUNTIME_OPTIMIZERS_RMSPROP_H
