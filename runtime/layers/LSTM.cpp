//===- runtime/layers/LSTM.cpp - Long short-term memory -------------------===//

#include "runtime/layers/LSTM.h"

#include <cmath>

namespace gradlint::probe {

static float sigmoid(float V) { return 1.0f / (1.0f + std::exp(-V)); }

void LSTM::runLayer(size_t K, const std::vector<Mat> &Xs, std::vector<Mat> &Hs) {
  RecurrentWeights &W = Weights[K];
  Caches.resize(Weights.size());
  Cache &Ca = Caches[K];
  size_t T = Xs.size();
  int64_t N = Xs.empty() ? 0 : Xs[0].rows(), H = Hidden;
  Ca.Act.assign(T, Mat());
  Ca.C.assign(T, Mat());
  Ca.H.assign(T, Mat());
  Mat Hprev = Mat::Zero(N, H), Cprev = Mat::Zero(N, H);
  for (size_t S = 0; S < T; ++S) {
    Mat G = Xs[S] * W.WIh.Value.transpose() + Hprev * W.WHh.Value.transpose();
    if (HasBias)
      G.rowwise() += W.BIh.Value.row(0) + W.BHh.Value.row(0);
    // i, f, o through the sigmoid; g through tanh.
    G.leftCols(2 * H) = G.leftCols(2 * H).unaryExpr(&sigmoid);
    G.middleCols(2 * H, H) = G.middleCols(2 * H, H).array().tanh().matrix();
    G.rightCols(H) = G.rightCols(H).unaryExpr(&sigmoid);
    auto I = G.leftCols(H).array(), F = G.middleCols(H, H).array(),
         Gc = G.middleCols(2 * H, H).array(), O = G.rightCols(H).array();
    Mat C = (F * Cprev.array() + I * Gc).matrix(); // c' = f c + i g
    Mat Hn = (O * C.array().tanh()).matrix();       // h' = o tanh(c')
    Ca.Act[S] = std::move(G);
    Ca.C[S] = C;
    Ca.H[S] = Hn;
    Cprev = std::move(C);
    Hprev = std::move(Hn);
  }
  Hs = Ca.H;
}

void LSTM::backLayer(size_t K, const std::vector<Mat> &Xs,
                     const std::vector<Mat> &DHs, std::vector<Mat> &DXs) {
  RecurrentWeights &W = Weights[K];
  Cache &Ca = Caches[K];
  size_t T = DHs.size();
  int64_t N = DHs.empty() ? 0 : DHs[0].rows(), H = Hidden;
  DXs.assign(T, Mat());
  Mat DHnext = Mat::Zero(N, H), DCnext = Mat::Zero(N, H);
  Mat DPre(N, 4 * H);
  for (size_t S = T; S-- > 0;) {
    const Mat &G = Ca.Act[S];
    auto I = G.leftCols(H).array(), F = G.middleCols(H, H).array(),
         Gc = G.middleCols(2 * H, H).array(), O = G.rightCols(H).array();
    Mat Cprev = S > 0 ? Ca.C[S - 1] : Mat::Zero(N, H);
    Mat Hprev = S > 0 ? Ca.H[S - 1] : Mat::Zero(N, H);
    Eigen::ArrayXXf TanhC = Ca.C[S].array().tanh();
    Eigen::ArrayXXf DH = (DHs[S] + DHnext).array();
    // dc = dc' + dh o (1 - tanh^2 c)
    Eigen::ArrayXXf DC = DCnext.array() + DH * O * (1 - TanhC.square());
    DPre.leftCols(H) = (DC * Gc * I * (1 - I)).matrix();                // di
    DPre.middleCols(H, H) = (DC * Cprev.array() * F * (1 - F)).matrix(); // df
    DPre.middleCols(2 * H, H) = (DC * I * (1 - Gc.square())).matrix();  // dg
    DPre.rightCols(H) = (DH * TanhC * O * (1 - O)).matrix();            // do
    W.WIh.Grad.noalias() += DPre.transpose() * Xs[S];  // dW_ih += dPre^T x
    W.WHh.Grad.noalias() += DPre.transpose() * Hprev;  // dW_hh += dPre^T h
    if (HasBias) {
      W.BIh.Grad += DPre.colwise().sum();
      W.BHh.Grad += DPre.colwise().sum();
    }
    DXs[S].noalias() = DPre * W.WIh.Value;   // dx = dPre W_ih
    DHnext.noalias() = DPre * W.WHh.Value;   // dh_{t-1} = dPre W_hh
    DCnext = (DC * F).matrix();              // dc_{t-1} = dc f
  }
}

} // namespace gradlint::probe
