//===- runtime/layers/Flatten.h - (C, H, W) -> C*H*W -----------*- C++ -*-===//

#ifndef GRADLINT_RUNTIME_LAYERS_FLATTEN_H
#define GRADLINT_RUNTIME_LAYERS_FLATTEN_H

#include "runtime/layers/Layer.h"

namespace gradlint::probe {

/// torch::nn::Flatten / x.view({N, -1}): the identity on the data, since a
/// sample is already stored in torch's contiguous order.
class Flatten : public Layer {
public:
  std::string kind() const override { return "flatten"; }
  Shape outShape(const Shape &In) const override { return Shape::flat(In.size()); }
  void forward(const Mat &X, Mat &Y, bool, std::mt19937 &) override { Y = X; }
  void backward(const Mat &DY, Mat &DX) override { DX = DY; }
};

} // namespace gradlint::probe

#endif // GRADLINT_RUNTIME_LAYERS_FLATTEN_H
