//===- runtime/layers/Layer.h - One step of a probe network ----*- C++ -*-===//
//
// A layer owns its parameters and whatever it caches in forward() for
// backward(). backward() returns the gradient for its input and *adds* the
// parameter gradients into Param::Grad, so a training step without zero_grad
// accumulates exactly as LibTorch does.
//
//===----------------------------------------------------------------------===//

#ifndef GRADLINT_RUNTIME_LAYERS_LAYER_H
#define GRADLINT_RUNTIME_LAYERS_LAYER_H

#include "runtime/Tensor.h"

#include <random>
#include <string>
#include <vector>

namespace gradlint::probe {

/// The interface of every layer, activation included.
class Layer {
public:
  virtual ~Layer() = default;
  /// A short name for messages: "linear", "conv2d", "sigmoid".
  virtual std::string kind() const = 0;
  /// The shape of one output sample given the shape of one input sample.
  virtual Shape outShape(const Shape &In) const { return In; }
  /// Y = f(X) for a batch (one sample per row). \p Training selects batch
  /// statistics and dropout; \p Rng drives dropout masks.
  virtual void forward(const Mat &X, Mat &Y, bool Training,
                       std::mt19937 &Rng) = 0;
  /// DX = dL/dX from DY = dL/dY; adds dL/dParam into each Param::Grad.
  virtual void backward(const Mat &DY, Mat &DX) = 0;
  /// Trainable parameters, weight first.
  virtual std::vector<Param *> params() { return {}; }
  /// Multiply-adds of one forward pass of one sample of shape \p In: the
  /// probe's budget unit (load-independent, unlike seconds). Elementwise
  /// layers count one per value.
  virtual int64_t multiplyAdds(const Shape &In) const { return In.size(); }
};

} // namespace gradlint::probe

#endif // GRADLINT_RUNTIME_LAYERS_LAYER_H
