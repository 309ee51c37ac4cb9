//===- runtime/layers/GroupNorm.h - GroupNorm over channel groups -*- C++ -*-===//

#ifndef GRADLINT_RUNTIME_LAYERS_GROUPNORM_H
#define GRADLINT_RUNTIME_LAYERS_GROUPNORM_H

#include "runtime/layers/Layer.h"

namespace gradlint::probe {

/// torch::nn::GroupNorm(G, C): each sample's channels in G groups of C / G,
/// each group normalised over its channels and positions (biased variance,
/// eps 1e-5), then a per-channel affine (weight ones, bias zeros).
class GroupNorm : public Layer {
public:
  GroupNorm(const Shape &InShape, int64_t Groups, const std::string &Name);
  std::string kind() const override { return "group_norm"; }
  void forward(const Mat &X, Mat &Y, bool Training, std::mt19937 &Rng) override;
  void backward(const Mat &DY, Mat &DX) override;
  std::vector<Param *> params() override { return {&Weight, &Bias}; }

  Param Weight;
  Param Bias;
  double Eps = 1e-5;

private:
  Shape In;
  int64_t Groups;
  Mat XHat;
  Mat InvStd; ///< N x Groups
};

} // namespace gradlint::probe

#endif // GRADLINT_RUNTIME_LAYERS_GROUPNORM_H
