//===- runtime/layers/ConvTranspose.cpp - Transposed convolution ----------===//

#include "runtime/layers/ConvTranspose.h"

namespace gradlint::probe {

ConvTranspose::ConvTranspose(const Shape &InShape, int64_t OutC, int64_t Kernel,
                             int64_t Stride, int64_t Padding, bool HasBias,
                             const std::string &Name, int64_t OutputPadding,
                             int64_t Dilation)
    : HasBias(HasBias), In(InShape), Dims(InShape.Dims == 1 ? 1 : 2),
      OutC(OutC) {
  Kh = Dims == 1 ? 1 : Kernel;
  Kw = Kernel;
  Sh = Dims == 1 ? 1 : Stride;
  Sw = Stride;
  Ph = Dims == 1 ? 0 : Padding;
  Pw = Padding;
  Dh = Dims == 1 ? 1 : Dilation;
  Dw = Dilation;
  // output_padding adds rows/columns at the far end only: they receive
  // nothing but the bias.
  int64_t OPh = Dims == 1 ? 0 : OutputPadding;
  Ho = (In.H - 1) * Sh - 2 * Ph + Dh * (Kh - 1) + OPh + 1;
  Wo = (In.W - 1) * Sw - 2 * Pw + Dw * (Kw - 1) + OutputPadding + 1;
  Weight.Name = Name + ".weight";
  Weight.Value = Mat::Zero(In.C, OutC * Kh * Kw);
  Weight.Grad = Mat::Zero(In.C, OutC * Kh * Kw);
  // torch's fans of [In, Out, Kh, Kw]: fan_in is dim 1 times the field.
  Weight.FanIn = OutC * Kh * Kw;
  Weight.FanOut = In.C * Kh * Kw;
  Bias.Name = Name + ".bias";
  Bias.IsWeight = false;
  Bias.Value = Mat::Zero(1, OutC);
  Bias.Grad = Mat::Zero(1, OutC);
  Bias.FanIn = Weight.FanIn;
  Bias.FanOut = Weight.FanOut;
}

Shape ConvTranspose::outShape(const Shape &) const {
  return Shape{OutC, Ho, Wo, Dims};
}

void ConvTranspose::scatter(const Mat &Col, float *Y) const {
  for (int64_t O = 0; O < OutC; ++O)
    for (int64_t I = 0; I < Kh; ++I)
      for (int64_t J = 0; J < Kw; ++J) {
        int64_t Row = (O * Kh + I) * Kw + J;
        for (int64_t H = 0; H < In.H; ++H) {
          int64_t OH = H * Sh - Ph + I * Dh;
          if (OH < 0 || OH >= Ho)
            continue;
          for (int64_t W = 0; W < In.W; ++W) {
            int64_t OW = W * Sw - Pw + J * Dw;
            if (OW >= 0 && OW < Wo)
              Y[(O * Ho + OH) * Wo + OW] += Col(Row, H * In.W + W);
          }
        }
      }
}

void ConvTranspose::gather(const float *DY, Mat &Col) const {
  Col.setZero(OutC * Kh * Kw, In.H * In.W);
  for (int64_t O = 0; O < OutC; ++O)
    for (int64_t I = 0; I < Kh; ++I)
      for (int64_t J = 0; J < Kw; ++J) {
        int64_t Row = (O * Kh + I) * Kw + J;
        for (int64_t H = 0; H < In.H; ++H) {
          int64_t OH = H * Sh - Ph + I * Dh;
          if (OH < 0 || OH >= Ho)
            continue;
          for (int64_t W = 0; W < In.W; ++W) {
            int64_t OW = W * Sw - Pw + J * Dw;
            if (OW >= 0 && OW < Wo)
              Col(Row, H * In.W + W) = DY[(O * Ho + OH) * Wo + OW];
          }
        }
      }
}

void ConvTranspose::forward(const Mat &Xin, Mat &Y, bool, std::mt19937 &) {
  X = Xin;
  int64_t N = X.rows();
  Y.setZero(N, OutC * Ho * Wo);
  Mat Col;
  for (int64_t S = 0; S < N; ++S) {
    Eigen::Map<const Mat> XS(X.row(S).data(), In.C, In.H * In.W);
    Col.noalias() = Weight.Value.transpose() * XS; // Col = W^T X_s
    scatter(Col, Y.row(S).data());
    if (HasBias) {
      Eigen::Map<Mat> YS(Y.row(S).data(), OutC, Ho * Wo);
      YS.colwise() += Bias.Value.row(0).transpose();
    }
  }
}

void ConvTranspose::backward(const Mat &DY, Mat &DX) {
  int64_t N = DY.rows();
  DX.resize(N, In.size());
  Mat DCol;
  for (int64_t S = 0; S < N; ++S) {
    gather(DY.row(S).data(), DCol);
    Eigen::Map<const Mat> XS(X.row(S).data(), In.C, In.H * In.W);
    Weight.Grad.noalias() += XS * DCol.transpose(); // dW += X_s dCol^T
    if (HasBias) {
      Eigen::Map<const Mat> DYS(DY.row(S).data(), OutC, Ho * Wo);
      Bias.Grad += DYS.rowwise().sum().transpose();
    }
    Eigen::Map<Mat> DXS(DX.row(S).data(), In.C, In.H * In.W);
    DXS.noalias() = Weight.Value * DCol; // dX_s = W dCol
  }
}

std::vector<Param *> ConvTranspose::params() {
  if (HasBias)
    return {&Weight, &Bias};
  return {&Weight};
}

} // namespace gradlint::probe
