//===- runtime/layers/Residual.h - The join of a skip connection -*- C++ -*-===//

#ifndef GRADLINT_RUNTIME_LAYERS_RESIDUAL_H
#define GRADLINT_RUNTIME_LAYERS_RESIDUAL_H

#include "runtime/layers/Layer.h"

namespace gradlint::probe {

/// `x + f(x)`: the identity on f(x); the Network adds the skipped input
/// (Network::Entry::SkipFrom) after it and routes the gradient back to it.
class Residual : public Layer {
public:
  std::string kind() const override { return "residual"; }
  void forward(const Mat &X, Mat &Y, bool, std::mt19937 &) override { Y = X; }
  void backward(const Mat &DY, Mat &DX) override { DX = DY; }
};

} // namespace gradlint::probe

#endif // GRADLINT_RUNTIME_LAYERS_RESIDUAL_H
