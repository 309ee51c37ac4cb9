//===- runtime/layers/Pool.h - Max and average pooling ---------*- C++ -*-===//

#ifndef GRADLINT_RUNTIME_LAYERS_POOL_H
#define GRADLINT_RUNTIME_LAYERS_POOL_H

#include "runtime/layers/Layer.h"

namespace gradlint::probe {

/// torch::nn::MaxPool1d/2d and AvgPool1d/2d (ceil_mode false, dilation 1;
/// average pooling counts padding, as count_include_pad = true does).
class Pool : public Layer {
public:
  Pool(bool IsMax, const Shape &InShape, int64_t Kernel, int64_t Stride,
       int64_t Padding);
  std::string kind() const override { return IsMax ? "max_pool" : "avg_pool"; }
  Shape outShape(const Shape &In) const override;
  void forward(const Mat &X, Mat &Y, bool Training, std::mt19937 &Rng) override;
  void backward(const Mat &DY, Mat &DX) override;

private:
  bool IsMax;
  Shape In;
  int64_t Kh, Kw, Sh, Sw, Ph, Pw, Ho, Wo;
  /// Max pooling: the input index each output took its value from.
  std::vector<std::vector<int64_t>> ArgMax;
};

} // namespace gradlint::probe

#endif // GRADLINT_RUNTIME_LAYERS_POOL_H
