//===- runtime/layers/StepMean.h - Mean over a sequence's steps -*- C++ -*-===//

#ifndef GRADLINT_RUNTIME_LAYERS_STEPMEAN_H
#define GRADLINT_RUNTIME_LAYERS_STEPMEAN_H

#include "runtime/layers/Layer.h"

namespace gradlint::probe {

/// `x.mean(1)` of a batch-first sequence [N, L, F] (a bag of embeddings):
/// y_f = (1/L) sum_t x_tf, one F-vector per sample.
class StepMean : public Layer {
public:
  /// Averages the \p Steps steps of each sample.
  explicit StepMean(int64_t Steps) : Steps(Steps) {}
  std::string kind() const override { return "mean"; }
  Shape outShape(const Shape &In) const override { return Shape::flat(In.W); }
  void forward(const Mat &X, Mat &Y, bool Training, std::mt19937 &Rng) override;
  void backward(const Mat &DY, Mat &DX) override;

private:
  int64_t Steps;
};

} // namespace gradlint::probe

#endif // GRADLINT_RUNTIME_LAYERS_STEPMEAN_H
