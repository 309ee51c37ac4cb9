//===- runtime/optimizers/Sgd.cpp - SGD -----------------------------------===//

#include "runtime/optimizers/Sgd.h"
#include "runtime/optimizers/Adagrad.h"
#include "runtime/optimizers/Adam.h"
#include "runtime/optimizers/RMSprop.h"

namespace gradlint::probe {

StatusOr<OptimizerConfig> configFor(const ir::Optimizer &O) {
  OptimizerConfig C;
  C.Kind = O.Kind;
  switch (O.Kind) {
  case ir::OptimizerKind::SGD:
    if (!O.LR)
      return Status::error("SGD without a known learning rate");
    break;
  case ir::OptimizerKind::Adam:
    C.LR = 1e-3;
    break;
  case ir::OptimizerKind::AdamW:
    C.LR = 1e-3;
    C.WeightDecay = 1e-2;
    break;
  case ir::OptimizerKind::RMSprop:
    C.LR = 1e-2;
    break;
  case ir::OptimizerKind::Adagrad:
    C.LR = 1e-2;
    C.Eps = 1e-10;
    break;
  case ir::OptimizerKind::LBFGS:
    return Status::error("the LBFGS optimizer is not modelled");
  case ir::OptimizerKind::Unknown:
    return Status::error("the optimizer's kind is unknown");
  }
  if (O.LR)
    C.LR = *O.LR;
  if (O.Momentum)
    C.Momentum = *O.Momentum;
  if (O.Nesterov)
    C.Nesterov = *O.Nesterov;
  if (O.WeightDecay)
    C.WeightDecay = *O.WeightDecay;
  if (O.Beta1)
    C.Beta1 = *O.Beta1;
  if (O.Beta2)
    C.Beta2 = *O.Beta2;
  if (O.Eps)
    C.Eps = *O.Eps;
  return C;
}

std::unique_ptr<Optimizer> makeOptimizer(const OptimizerConfig &C) {
  switch (C.Kind) {
  case ir::OptimizerKind::SGD:
    return std::make_unique<Sgd>(C);
  case ir::OptimizerKind::Adam:
  case ir::OptimizerKind::AdamW:
    return std::make_unique<Adam>(C);
  case ir::OptimizerKind::RMSprop:
    return std::make_unique<RMSprop>(C);
  case ir::OptimizerKind::Adagrad:
    return std::make_unique<Adagrad>(C);
  case ir::OptimizerKind::LBFGS:
  case ir::OptimizerKind::Unknown:
    return nullptr;
  }
  return nullptr;
}

void Sgd::step(const std::vector<Param *> &Params) {
  if (Buf.size() != Params.size())
    Buf.assign(Params.size(), Mat());
  const float Lr = float(Config.LR), Mom = float(Config.Momentum),
              Wd = float(Config.WeightDecay), Damp = float(Config.Dampening);
  for (size_t I = 0; I < Params.size(); ++I) {
    Param &P = *Params[I];
    Mat D = P.Grad;
    if (Wd != 0)
      D += Wd * P.Value; // d = g + wd p
    if (Mom != 0) {
      if (Buf[I].size() == 0)
        Buf[I] = D; // b = d on the first step
      else
        Buf[I] = Buf[I] * Mom + (1 - Damp) * D; // b = mom b + (1 - damp) d
      if (Config.Nesterov)
        D += Mom * Buf[I]; // d = d + mom b
      else
        D = Buf[I];
    }
    P.Value -= Lr * D; // p -= lr d
  }
}

} // namespace gradlint::probe
