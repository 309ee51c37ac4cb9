//===- runtime/layers/Dropout.h - Inverted dropout -------------*- C++ -*-===//

#ifndef GRADLINT_RUNTIME_LAYERS_DROPOUT_H
#define GRADLINT_RUNTIME_LAYERS_DROPOUT_H

#include "runtime/layers/Layer.h"

namespace gradlint::probe {

/// torch::nn::Dropout: in training, zero each element with probability P and
/// scale the rest by 1 / (1 - P); in eval mode the identity.
class Dropout : public Layer {
public:
  explicit Dropout(double P) : P(P) {}
  std::string kind() const override { return "dropout"; }
  void forward(const Mat &X, Mat &Y, bool Training, std::mt19937 &Rng) override;
  void backward(const Mat &DY, Mat &DX) override;

  /// The mask of the last forward (1/(1-P) or 0 per element); tests set it.
  Mat Mask;

private:
  double P;
};

} // namespace gradlint::probe

#endif // GRADLINT_RUNTIME_LAYERS_DROPOUT_H
