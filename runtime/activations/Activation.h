//===- runtime/activations/Activation.h - Activation layers ----*- C++ -*-===//

#ifndef GRADLINT_RUNTIME_ACTIVATIONS_ACTIVATION_H
#define GRADLINT_RUNTIME_ACTIVATIONS_ACTIVATION_H

#include "rules/ir/Model.h"
#include "runtime/layers/Layer.h"

#include <memory>

namespace gradlint::probe {

/// An activation: a layer without parameters that knows its IR kind, so the
/// probe can find sigmoid/tanh inputs and ReLU outputs.
class Activation : public Layer {
public:
  explicit Activation(ir::ActivationKind Kind) : Kind(Kind) {}
  ir::ActivationKind act() const { return Kind; }
  std::string kind() const override { return std::string(ir::name(Kind)); }

protected:
  ir::ActivationKind Kind;
};

/// The activation for \p Kind with LibTorch's default parameters unless
/// \p Param (leaky_relu slope, elu alpha, softplus beta) is given; nullptr
/// for ActivationKind::Unknown.
std::unique_ptr<Activation> makeActivation(ir::ActivationKind Kind,
                                           std::optional<double> Param);

} // namespace gradlint::probe

#endif // GRADLINT_RUNTIME_ACTIVATIONS_ACTIVATION_H
