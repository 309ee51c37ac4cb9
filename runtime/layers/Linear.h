//===- runtime/layers/Linear.h - y = x W^T + b -----------------*- C++ -*-===//

#ifndef GRADLINT_RUNTIME_LAYERS_LINEAR_H
#define GRADLINT_RUNTIME_LAYERS_LINEAR_H

#include "runtime/layers/Layer.h"

namespace gradlint::probe {

/// torch::nn::Linear: weight Out x In, bias 1 x Out. On a flat sample it
/// maps all In values; on an N-d sample whose last dimension is In (an
/// embedding's (L, D) sequence) it maps every position alike, as torch does.
class Linear : public Layer {
public:
  Linear(int64_t In, int64_t Out, bool HasBias, const std::string &Name);
  std::string kind() const override { return "linear"; }
  Shape outShape(const Shape &In) const override;
  void forward(const Mat &X, Mat &Y, bool Training, std::mt19937 &Rng) override;
  void backward(const Mat &DY, Mat &DX) override;
  std::vector<Param *> params() override;
  int64_t multiplyAdds(const Shape &S) const override {
    return perPosition(S) ? S.size() / S.W * In * Out : In * Out;
  }

  Param Weight;
  Param Bias;
  bool HasBias;

private:
  /// Applied per position: an N-d sample whose last dimension is In.
  bool perPosition(const Shape &S) const {
    return S.Dims != 0 && S.W == In && S.size() != In;
  }
  int64_t In, Out;
  Mat X; ///< cached input, one position per row
};

} // namespace gradlint::probe

#endif // GRADLINT_RUNTIME_LAYERS_LINEAR_H
