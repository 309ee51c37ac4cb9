//===- runtime/activations/Pointwise.h - Elementwise activations -*- C++ -*-===//

#ifndef GRADLINT_RUNTIME_ACTIVATIONS_POINTWISE_H
#define GRADLINT_RUNTIME_ACTIVATIONS_POINTWISE_H

#include "runtime/activations/Activation.h"

namespace gradlint::probe {

/// sigmoid, tanh, relu, leaky_relu, elu, gelu (exact, erf), silu, softplus
/// (threshold 20), hardtanh (-1, 1), relu6 and identity, elementwise. The
/// derivative at a kink is LibTorch's (relu'(0) = 0, hardtanh'(+-1) = 0).
class Pointwise : public Activation {
public:
  Pointwise(ir::ActivationKind Kind, double Param);
  void forward(const Mat &X, Mat &Y, bool Training, std::mt19937 &Rng) override;
  void backward(const Mat &DY, Mat &DX) override;

  /// f(x) and f'(x) for one element.
  float value(float X) const;
  float derivative(float X) const;

private:
  float P;
  Mat X;
};

} // namespace gradlint::probe

#endif // GRADLINT_RUNTIME_ACTIVATIONS_POINTWISE_H
