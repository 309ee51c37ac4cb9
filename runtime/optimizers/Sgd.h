//===- runtime/optimizers/Sgd.h - SGD --------------------------*- C++ -*-===//

#ifndef GRADLINT_RUNTIME_OPTIMIZERS_SGD_H
#define GRADLINT_RUNTIME_OPTIMIZERS_SGD_H

#include "runtime/optimizers/Optimizer.h"

namespace gradlint::probe {

/// torch::optim::SGD: weight decay, momentum with dampening, nesterov.
class Sgd : public Optimizer {
public:
  using Optimizer::Optimizer;
  std::string kind() const override { return "SGD"; }
  void step(const std::vector<Param *> &Params) override;
  void reset() override { Buf.clear(); }

private:
  std::vector<Mat> Buf;
};

} // namespace gradlint::probe

#endif // GRADLINT_RUNTIME_OPTIMIZERS_SGD_H
