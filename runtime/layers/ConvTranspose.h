//===- runtime/layers/ConvTranspose.h - Transposed convolution -*- C++ -*-===//

#ifndef GRADLINT_RUNTIME_LAYERS_CONVTRANSPOSE_H
#define GRADLINT_RUNTIME_LAYERS_CONVTRANSPOSE_H

#include "runtime/layers/Layer.h"

namespace gradlint::probe {

/// torch::nn::ConvTranspose1d / 2d (groups 1): the input gradient of a
/// convolution. Weight is In x (Out * Kh * Kw), torch's [In, Out, Kh, Kw] in
/// memory order; the output side is (H - 1) * stride - 2 * padding +
/// dilation * (kernel - 1) + output_padding + 1.
class ConvTranspose : public Layer {
public:
  ConvTranspose(const Shape &InShape, int64_t OutC, int64_t Kernel,
                int64_t Stride, int64_t Padding, bool HasBias,
                const std::string &Name, int64_t OutputPadding = 0,
                int64_t Dilation = 1);
  std::string kind() const override {
    return Dims == 1 ? "conv_transpose1d" : "conv_transpose2d";
  }
  Shape outShape(const Shape &In) const override;
  void forward(const Mat &X, Mat &Y, bool Training, std::mt19937 &Rng) override;
  void backward(const Mat &DY, Mat &DX) override;
  std::vector<Param *> params() override;
  int64_t multiplyAdds(const Shape &) const override {
    return In.C * In.H * In.W * OutC * Kh * Kw;
  }

  Param Weight;
  Param Bias;
  bool HasBias;

private:
  Shape In;
  int Dims;
  int64_t OutC, Kh, Kw, Sh, Sw, Ph, Pw, Dh, Dw, Ho, Wo;
  Mat X; ///< cached input
  /// Col(o*Kh*Kw + i*Kw + j, h*W + w) <->
  /// Y(o, h*Sh - Ph + i*Dh, w*Sw - Pw + j*Dw):
  /// scatter-add (forward) or gather (backward).
  void scatter(const Mat &Col, float *Y) const;
  void gather(const float *DY, Mat &Col) const;
};

} // namespace gradlint::probe

#endif // GRADLINT_RUNTIME_LAYERS_CONVTRANSPOSE_H
