//===- runtime/layers/AdaptivePool.h - Pooling to a stated size -*- C++ -*-===//

#ifndef GRADLINT_RUNTIME_LAYERS_ADAPTIVEPOOL_H
#define GRADLINT_RUNTIME_LAYERS_ADAPTIVEPOOL_H

#include "runtime/layers/Layer.h"

namespace gradlint::probe {

/// torch::nn::AdaptiveAvgPool1d/2d and AdaptiveMaxPool1d/2d: output cell
/// i pools input [floor(i In / Out), ceil((i + 1) In / Out)), per axis.
class AdaptivePool : public Layer {
public:
  AdaptivePool(bool IsMax, const Shape &InShape, int64_t OutSize);
  std::string kind() const override {
    return IsMax ? "adaptive_max_pool" : "adaptive_avg_pool";
  }
  Shape outShape(const Shape &In) const override;
  void forward(const Mat &X, Mat &Y, bool Training, std::mt19937 &Rng) override;
  void backward(const Mat &DY, Mat &DX) override;

private:
  bool IsMax;
  Shape In;
  int64_t Ho, Wo;
  /// Each output cell's input window, per axis: [begin, end).
  std::vector<std::pair<int64_t, int64_t>> RowsOf, ColsOf;
  std::vector<std::vector<int64_t>> ArgMax;
};

} // namespace gradlint::probe

#endif // GRADLINT_RUNTIME_LAYERS_ADAPTIVEPOOL_H
