//===- runtime/layers/AdaptivePool.cpp - Pooling to a stated size ---------===//

#include "runtime/layers/AdaptivePool.h"

#include <limits>

namespace gradlint::probe {

static std::vector<std::pair<int64_t, int64_t>> windows(int64_t In, int64_t Out) {
  std::vector<std::pair<int64_t, int64_t>> W;
  for (int64_t I = 0; I < Out; ++I)
    W.push_back({I * In / Out, ((I + 1) * In + Out - 1) / Out}); // floor, ceil
  return W;
}

AdaptivePool::AdaptivePool(bool IsMax, const Shape &InShape, int64_t OutSize)
    : IsMax(IsMax), In(InShape) {
  Ho = In.Dims == 1 ? 1 : OutSize;
  Wo = OutSize;
  RowsOf = windows(In.H, Ho);
  ColsOf = windows(In.W, Wo);
}

Shape AdaptivePool::outShape(const Shape &) const {
  return Shape{In.C, Ho, Wo, In.Dims};
}

void AdaptivePool::forward(const Mat &X, Mat &Y, bool, std::mt19937 &) {
  int64_t N = X.rows();
  Y.resize(N, In.C * Ho * Wo);
  if (IsMax)
    ArgMax.assign(N, std::vector<int64_t>(In.C * Ho * Wo, 0));
  for (int64_t S = 0; S < N; ++S)
    for (int64_t C = 0; C < In.C; ++C)
      for (int64_t OH = 0; OH < Ho; ++OH)
        for (int64_t OW = 0; OW < Wo; ++OW) {
          auto [H0, H1] = RowsOf[OH];
          auto [W0, W1] = ColsOf[OW];
          float Best = -std::numeric_limits<float>::infinity(), Sum = 0;
          int64_t BestAt = (C * In.H + H0) * In.W + W0;
          for (int64_t H = H0; H < H1; ++H)
            for (int64_t W = W0; W < W1; ++W) {
              int64_t At = (C * In.H + H) * In.W + W;
              float V = X(S, At);
              Sum += V;
              if (V > Best) {
                Best = V;
                BestAt = At;
              }
            }
          int64_t O = (C * Ho + OH) * Wo + OW;
          if (IsMax) {
            Y(S, O) = Best; // y = max over the window
            ArgMax[S][O] = BestAt;
          } else {
            Y(S, O) = Sum / float((H1 - H0) * (W1 - W0)); // y = window mean
          }
        }
}

void AdaptivePool::backward(const Mat &DY, Mat &DX) {
  int64_t N = DY.rows();
  DX.setZero(N, In.size());
  for (int64_t S = 0; S < N; ++S)
    for (int64_t C = 0; C < In.C; ++C)
      for (int64_t OH = 0; OH < Ho; ++OH)
        for (int64_t OW = 0; OW < Wo; ++OW) {
          int64_t O = (C * Ho + OH) * Wo + OW;
          if (IsMax) {
            DX(S, ArgMax[S][O]) += DY(S, O); // only the max receives it
            continue;
          }
          auto [H0, H1] = RowsOf[OH];
          auto [W0, W1] = ColsOf[OW];
          float Share = DY(S, O) / float((H1 - H0) * (W1 - W0));
          for (int64_t H = H0; H < H1; ++H)
            for (int64_t W = W0; W < W1; ++W)
              DX(S, (C * In.H + H) * In.W + W) += Share;
        }
}

} // namespace gradlint::probe
