//===- runtime/layers/Conv.cpp - Conv1d and Conv2d by im2col --------------===//

#include "runtime/layers/Conv.h"

namespace gradlint::probe {

Conv::Conv(const Shape &InShape, int64_t OutC, int64_t Kernel, int64_t Stride,
           int64_t Padding, bool HasBias, const std::string &Name)
    : HasBias(HasBias), In(InShape), Dims(InShape.Dims == 1 ? 1 : 2),
      OutC(OutC) {
  Kh = Dims == 1 ? 1 : Kernel;
  Kw = Kernel;
  Sh = Dims == 1 ? 1 : Stride;
  Sw = Stride;
  Ph = Dims == 1 ? 0 : Padding;
  Pw = Padding;
  Ho = (In.H + 2 * Ph - Kh) / Sh + 1;
  Wo = (In.W + 2 * Pw - Kw) / Sw + 1;
  int64_t Fan = In.C * Kh * Kw;
  Weight.Name = Name + ".weight";
  Weight.Value = Mat::Zero(OutC, Fan);
  Weight.Grad = Mat::Zero(OutC, Fan);
  Weight.FanIn = Fan;
  Weight.FanOut = OutC * Kh * Kw;
  Bias.Name = Name + ".bias";
  Bias.IsWeight = false;
  Bias.Value = Mat::Zero(1, OutC);
  Bias.Grad = Mat::Zero(1, OutC);
  Bias.FanIn = Fan;
  Bias.FanOut = Weight.FanOut;
}

Shape Conv::outShape(const Shape &) const {
  return Shape{OutC, Ho, Wo, Dims};
}

// Col(c*Kh*Kw + i*Kw + j, oh*Wo + ow) = X(c, oh*Sh - Ph + i, ow*Sw - Pw + j).
void Conv::im2col(const float *X, Mat &Col) const {
  Col.setZero(In.C * Kh * Kw, Ho * Wo);
  for (int64_t C = 0; C < In.C; ++C)
    for (int64_t I = 0; I < Kh; ++I)
      for (int64_t J = 0; J < Kw; ++J) {
        int64_t Row = (C * Kh + I) * Kw + J;
        for (int64_t OH = 0; OH < Ho; ++OH) {
          int64_t H = OH * Sh - Ph + I;
          if (H < 0 || H >= In.H)
            continue;
          for (int64_t OW = 0; OW < Wo; ++OW) {
            int64_t W = OW * Sw - Pw + J;
            if (W >= 0 && W < In.W)
              Col(Row, OH * Wo + OW) = X[(C * In.H + H) * In.W + W];
          }
        }
      }
}

void Conv::col2im(const Mat &Col, float *DX) const {
  for (int64_t C = 0; C < In.C; ++C)
    for (int64_t I = 0; I < Kh; ++I)
      for (int64_t J = 0; J < Kw; ++J) {
        int64_t Row = (C * Kh + I) * Kw + J;
        for (int64_t OH = 0; OH < Ho; ++OH) {
          int64_t H = OH * Sh - Ph + I;
          if (H < 0 || H >= In.H)
            continue;
          for (int64_t OW = 0; OW < Wo; ++OW) {
            int64_t W = OW * Sw - Pw + J;
            if (W >= 0 && W < In.W)
              DX[(C * In.H + H) * In.W + W] += Col(Row, OH * Wo + OW);
          }
        }
      }
}

void Conv::forward(const Mat &X, Mat &Y, bool, std::mt19937 &) {
  int64_t N = X.rows();
  Cols.resize(N);
  Y.resize(N, OutC * Ho * Wo);
  for (int64_t S = 0; S < N; ++S) {
    im2col(X.row(S).data(), Cols[S]);
    Eigen::Map<Mat> YS(Y.row(S).data(), OutC, Ho * Wo);
    YS.noalias() = Weight.Value * Cols[S]; // Y_s = W Col_s
    if (HasBias)
      YS.colwise() += Bias.Value.row(0).transpose();
  }
}

void Conv::backward(const Mat &DY, Mat &DX) {
  int64_t N = DY.rows();
  DX.setZero(N, In.size());
  Mat DCol;
  for (int64_t S = 0; S < N; ++S) {
    Eigen::Map<const Mat> DYS(DY.row(S).data(), OutC, Ho * Wo);
    Weight.Grad.noalias() += DYS * Cols[S].transpose(); // dW += dY_s Col_s^T
    if (HasBias)
      Bias.Grad += DYS.rowwise().sum().transpose();     // db += sum over positions
    DCol.noalias() = Weight.Value.transpose() * DYS;    // dCol = W^T dY_s
    col2im(DCol, DX.row(S).data());
  }
}

std::vector<Param *> Conv::params() {
  if (HasBias)
    return {&Weight, &Bias};
  return {&Weight};
}

} // namespace gradlint::probe
