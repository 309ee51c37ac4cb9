//===- runtime/layers/LayerNorm.h - LayerNorm over a sample ----*- C++ -*-===//

#ifndef GRADLINT_RUNTIME_LAYERS_LAYERNORM_H
#define GRADLINT_RUNTIME_LAYERS_LAYERNORM_H

#include "runtime/layers/Layer.h"

namespace gradlint::probe {

/// torch::nn::LayerNorm with normalized_shape = all features of a sample;
/// eps 1e-5, elementwise affine (weight ones, bias zeros).
class LayerNorm : public Layer {
public:
  LayerNorm(int64_t Features, const std::string &Name);
  std::string kind() const override { return "layer_norm"; }
  void forward(const Mat &X, Mat &Y, bool Training, std::mt19937 &Rng) override;
  void backward(const Mat &DY, Mat &DX) override;
  std::vector<Param *> params() override { return {&Weight, &Bias}; }

  Param Weight;
  Param Bias;
  double Eps = 1e-5;

private:
  Mat XHat;
  Eigen::VectorXf InvStd;
};

} // namespace gradlint::probe

#endif // GRADLINT_RUNTIME_LAYERS_LAYERNORM_H
