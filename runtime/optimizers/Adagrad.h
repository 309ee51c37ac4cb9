//===- runtime/optimizers/Adagrad.h - Adagrad ------------------*- C++ -*-===//

#ifndef GRADLINT_RUNTIME_OPTIMIZERS_ADAGRAD_H
#define GRADLINT_RUNTIME_OPTIMIZERS_ADAGRAD_H

#include "runtime/optimizers/Optimizer.h"

namespace gradlint::probe {

/// torch::optim::Adagrad: lr decay, eps 1e-10, initial accumulator.
class Adagrad : public Optimizer {
public:
  using Optimizer::Optimizer;
  std::string kind() const override { return "Adagrad"; }
  void step(const std::vector<Param *> &Params) override;
  void reset() override {
    Sum.clear();
    Steps = 0;
  }

private:
  std::vector<Mat> Sum;
  int64_t Steps = 0;
};

} // namespace gradlint::probe

#endif // GRADLINT_RUNTIME_OPTIMIZERS_ADAGRAD_H
