//===- runtime/layers/Conv.h - Conv1d and Conv2d by im2col -----*- C++ -*-===//

#ifndef GRADLINT_RUNTIME_LAYERS_CONV_H
#define GRADLINT_RUNTIME_LAYERS_CONV_H

#include "runtime/layers/Layer.h"

namespace gradlint::probe {

/// torch::nn::Conv1d / Conv2d (dilation 1, groups 1, zero padding). A 1-d
/// convolution is a 2-d one with H = 1 and a 1 x K kernel. Weight is
/// Out x (In * Kh * Kw), torch's [Out, In, Kh, Kw] in memory order.
class Conv : public Layer {
public:
  Conv(const Shape &InShape, int64_t OutC, int64_t Kernel, int64_t Stride,
       int64_t Padding, bool HasBias, const std::string &Name);
  std::string kind() const override { return Dims == 1 ? "conv1d" : "conv2d"; }
  Shape outShape(const Shape &In) const override;
  void forward(const Mat &X, Mat &Y, bool Training, std::mt19937 &Rng) override;
  void backward(const Mat &DY, Mat &DX) override;
  std::vector<Param *> params() override;
  int64_t multiplyAdds(const Shape &) const override {
    return OutC * Ho * Wo * In.C * Kh * Kw;
  }

  Param Weight;
  Param Bias;
  bool HasBias;

private:
  Shape In;
  int Dims;
  int64_t OutC, Kh, Kw, Sh, Sw, Ph, Pw, Ho, Wo;
  std::vector<Mat> Cols; ///< im2col of each sample, (In*Kh*Kw) x (Ho*Wo)
  void im2col(const float *X, Mat &Col) const;
  void col2im(const Mat &Col, float *DX) const;
};

} // namespace gradlint::probe

#endif // GRADLINT_RUNTIME_LAYERS_CONV_H
