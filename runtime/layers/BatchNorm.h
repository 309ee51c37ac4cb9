//===- runtime/layers/BatchNorm.h - BatchNorm1d/2d -------------*- C++ -*-===//

#ifndef GRADLINT_RUNTIME_LAYERS_BATCHNORM_H
#define GRADLINT_RUNTIME_LAYERS_BATCHNORM_H

#include "runtime/layers/Layer.h"

namespace gradlint::probe {

/// torch::nn::BatchNorm1d/2d: per channel over the batch and positions;
/// eps 1e-5, momentum 0.1, affine, running statistics (unbiased variance).
class BatchNorm : public Layer {
public:
  BatchNorm(const Shape &InShape, const std::string &Name);
  std::string kind() const override { return "batch_norm"; }
  void forward(const Mat &X, Mat &Y, bool Training, std::mt19937 &Rng) override;
  void backward(const Mat &DY, Mat &DX) override;
  std::vector<Param *> params() override { return {&Weight, &Bias}; }

  Param Weight; ///< gamma, 1 x C, ones
  Param Bias;   ///< beta, 1 x C, zeros
  Eigen::VectorXf RunningMean, RunningVar;
  double Eps = 1e-5, Momentum = 0.1;

private:
  int64_t C, Positions;
  bool LastTraining = true;
  Mat XHat;
  Eigen::VectorXf InvStd;
};

} // namespace gradlint::probe

#endif // GRADLINT_RUNTIME_LAYERS_BATCHNORM_H
