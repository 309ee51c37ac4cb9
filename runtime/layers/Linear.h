//===- runtime/layers/Linear.h - y = x W^T + b -----------------*- C++ -*-===//

#ifndef GRADLINT_RUNTIME_LAYERS_LINEAR_H
#define GRADLINT_RUNTIME_LAYERS_LINEAR_H

#include "runtime/layers/Layer.h"

namespace gradlint::probe {

/// torch::nn::Linear: weight Out x In, bias 1 x Out.
class Linear : public Layer {
public:
  Linear(int64_t In, int64_t Out, bool HasBias, const std::string &Name);
  std::string kind() const override { return "linear"; }
  Shape outShape(const Shape &In) const override { return Shape::flat(Out); }
  void forward(const Mat &X, Mat &Y, bool Training, std::mt19937 &Rng) override;
  void backward(const Mat &DY, Mat &DX) override;
  std::vector<Param *> params() override;
  int64_t multiplyAdds(const Shape &) const override { return In * Out; }

  Param Weight;
  Param Bias;
  bool HasBias;

private:
  int64_t In, Out;
  Mat X; ///< cached input
};

} // namespace gradlint::probe

#endif // GRADLINT_RUNTIME_LAYERS_LINEAR_H
