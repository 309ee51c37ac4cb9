//===- runtime/layers/Pool.cpp - Max and average pooling ------------------===//

#include "runtime/layers/Pool.h"

#include <limits>

namespace gradlint::probe {

Pool::Pool(bool IsMax, const Shape &InShape, int64_t Kernel, int64_t Stride,
           int64_t Padding)
    : IsMax(IsMax), In(InShape) {
  bool OneD = In.Dims == 1;
  Kh = OneD ? 1 : Kernel;
  Kw = Kernel;
  Sh = OneD ? 1 : Stride;
  Sw = Stride;
  Ph = OneD ? 0 : Padding;
  Pw = Padding;
  Ho = (In.H + 2 * Ph - Kh) / Sh + 1;
  Wo = (In.W + 2 * Pw - Kw) / Sw + 1;
}

Shape Pool::outShape(const Shape &) const { return Shape{In.C, Ho, Wo, In.Dims}; }

void Pool::forward(const Mat &X, Mat &Y, bool, std::mt19937 &) {
  int64_t N = X.rows();
  Y.resize(N, In.C * Ho * Wo);
  if (IsMax)
    ArgMax.assign(N, std::vector<int64_t>(In.C * Ho * Wo, -1));
  float Area = float(Kh * Kw);
  for (int64_t S = 0; S < N; ++S)
    for (int64_t C = 0; C < In.C; ++C)
      for (int64_t OH = 0; OH < Ho; ++OH)
        for (int64_t OW = 0; OW < Wo; ++OW) {
          int64_t O = (C * Ho + OH) * Wo + OW;
          float Best = -std::numeric_limits<float>::infinity(), Sum = 0;
          int64_t BestAt = -1;
          for (int64_t I = 0; I < Kh; ++I)
            for (int64_t J = 0; J < Kw; ++J) {
              int64_t H = OH * Sh - Ph + I, W = OW * Sw - Pw + J;
              if (H < 0 || H >= In.H || W < 0 || W >= In.W)
                continue;
              int64_t At = (C * In.H + H) * In.W + W;
              float V = X(S, At);
              Sum += V;
              if (V > Best || BestAt < 0) {
                Best = V;
                BestAt = At;
              }
            }
          if (IsMax) {
            Y(S, O) = Best; // y = max over the window
            ArgMax[S][O] = BestAt;
          } else {
            Y(S, O) = Sum / Area; // y = mean over the window, padding counted
          }
        }
}

void Pool::backward(const Mat &DY, Mat &DX) {
  int64_t N = DY.rows();
  DX.setZero(N, In.size());
  float Area = float(Kh * Kw);
  for (int64_t S = 0; S < N; ++S)
    for (int64_t C = 0; C < In.C; ++C)
      for (int64_t OH = 0; OH < Ho; ++OH)
        for (int64_t OW = 0; OW < Wo; ++OW) {
          int64_t O = (C * Ho + OH) * Wo + OW;
          if (IsMax) {
            if (ArgMax[S][O] >= 0)
              DX(S, ArgMax[S][O]) += DY(S, O); // only the max receives it
            continue;
          }
          for (int64_t I = 0; I < Kh; ++I)
            for (int64_t J = 0; J < Kw; ++J) {
              int64_t H = OH * Sh - Ph + I, W = OW * Sw - Pw + J;
              if (H >= 0 && H < In.H && W >= 0 && W < In.W)
                DX(S, (C * In.H + H) * In.W + W) += DY(S, O) / Area;
            }
        }
}

} // namespace gradlint::probe
