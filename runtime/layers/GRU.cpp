//===- runtime/layers/GRU.cpp - Gated recurrent unit ----------------------===//

#include "runtime/layers/GRU.h"

#include <cmath>

namespace gradlint::probe {

static float sigmoid(float V) { return 1.0f / (1.0f + std::exp(-V)); }

void GRU::runLayer(size_t K, const std::vector<Mat> &Xs, std::vector<Mat> &Hs) {
  RecurrentWeights &W = Weights[K];
  Caches.resize(Weights.size());
  Cache &Ca = Caches[K];
  size_t T = Xs.size();
  int64_t N = Xs.empty() ? 0 : Xs[0].rows(), H = Hidden;
  Ca.Act.assign(T, Mat());
  Ca.HN.assign(T, Mat());
  Ca.H.assign(T, Mat());
  Mat Hprev = Mat::Zero(N, H);
  for (size_t S = 0; S < T; ++S) {
    Mat Gi = Xs[S] * W.WIh.Value.transpose();
    Mat Gh = Hprev * W.WHh.Value.transpose();
    if (HasBias) {
      Gi.rowwise() += W.BIh.Value.row(0);
      Gh.rowwise() += W.BHh.Value.row(0);
    }
    Mat A(N, 3 * H);
    A.leftCols(2 * H) = (Gi.leftCols(2 * H) + Gh.leftCols(2 * H)).unaryExpr(&sigmoid);
    auto R = A.leftCols(H).array(), Z = A.middleCols(H, H).array();
    // n = tanh(gi_n + r * gh_n)
    A.rightCols(H) = (Gi.rightCols(H).array() + R * Gh.rightCols(H).array())
                         .tanh()
                         .matrix();
    auto Nn = A.rightCols(H).array();
    Mat Hn = ((1 - Z) * Nn + Z * Hprev.array()).matrix(); // h' = (1-z) n + z h
    Ca.HN[S] = Gh.rightCols(H);
    Ca.Act[S] = std::move(A);
    Ca.H[S] = Hn;
    Hprev = std::move(Hn);
  }
  Hs = Ca.H;
}

void GRU::backLayer(size_t K, const std::vector<Mat> &Xs,
                     const std::vector<Mat> &DHs, std::vector<Mat> &DXs) {
  RecurrentWeights &W = Weights[K];
  Cache &Ca = Caches[K];
  size_t T = DHs.size();
  int64_t N = DHs.empty() ? 0 : DHs[0].rows(), H = Hidden;
  DXs.assign(T, Mat());
  Mat DHnext = Mat::Zero(N, H);
  Mat DGi(N, 3 * H), DGh(N, 3 * H);
  for (size_t S = T; S-- > 0;) {
    const Mat &A = Ca.Act[S];
    auto R = A.leftCols(H).array(), Z = A.middleCols(H, H).array(),
         Nn = A.rightCols(H).array();
    Mat Hprev = S > 0 ? Ca.H[S - 1] : Mat::Zero(N, H);
    Eigen::ArrayXXf DH = (DHs[S] + DHnext).array();
    Eigen::ArrayXXf DPreN = DH * (1 - Z) * (1 - Nn.square()); // dn (1 - n^2)
    Eigen::ArrayXXf DPreZ = DH * (Hprev.array() - Nn) * Z * (1 - Z);
    Eigen::ArrayXXf DPreR = DPreN * Ca.HN[S].array() * R * (1 - R);
    DGi.leftCols(H) = DPreR.matrix();
    DGi.middleCols(H, H) = DPreZ.matrix();
    DGi.rightCols(H) = DPreN.matrix();
    DGh.leftCols(2 * H) = DGi.leftCols(2 * H);
    DGh.rightCols(H) = (DPreN * R).matrix(); // gh_n enters through r
    W.WIh.Grad.noalias() += DGi.transpose() * Xs[S];
    W.WHh.Grad.noalias() += DGh.transpose() * Hprev;
    if (HasBias) {
      W.BIh.Grad += DGi.colwise().sum();
      W.BHh.Grad += DGh.colwise().sum();
    }
    DXs[S].noalias() = DGi * W.WIh.Value;
    // dh_{t-1} = dh' z + dGh W_hh
    DHnext = (DH * Z).matrix();
    DHnext.noalias() += DGh * W.WHh.Value;
  }
}

} // namespace gradlint::probe
