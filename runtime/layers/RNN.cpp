//===- runtime/layers/RNN.cpp - Elman recurrent layer ---------------------===//

#include "runtime/layers/RNN.h"

namespace gradlint::probe {

void RNN::runLayer(size_t K, const std::vector<Mat> &Xs, std::vector<Mat> &Hs) {
  RecurrentWeights &W = Weights[K];
  Caches.resize(Weights.size());
  std::vector<Mat> &Ca = Caches[K];
  size_t T = Xs.size();
  int64_t N = Xs.empty() ? 0 : Xs[0].rows();
  Ca.assign(T, Mat());
  Mat Hprev = Mat::Zero(N, Hidden);
  for (size_t S = 0; S < T; ++S) {
    Mat Pre = Xs[S] * W.WIh.Value.transpose() + Hprev * W.WHh.Value.transpose();
    if (HasBias)
      Pre.rowwise() += W.BIh.Value.row(0) + W.BHh.Value.row(0);
    Ca[S] = Relu ? Mat(Pre.cwiseMax(0.0f)) : Mat(Pre.array().tanh().matrix());
    Hprev = Ca[S];
  }
  Hs = Ca;
}

void RNN::backLayer(size_t K, const std::vector<Mat> &Xs,
                    const std::vector<Mat> &DHs, std::vector<Mat> &DXs) {
  RecurrentWeights &W = Weights[K];
  const std::vector<Mat> &Ca = Caches[K];
  size_t T = DHs.size();
  int64_t N = DHs.empty() ? 0 : DHs[0].rows();
  DXs.assign(T, Mat());
  Mat DHnext = Mat::Zero(N, Hidden);
  for (size_t S = T; S-- > 0;) {
    const Mat &Hn = Ca[S];
    Mat Hprev = S > 0 ? Ca[S - 1] : Mat::Zero(N, Hidden);
    Mat DH = DHs[S] + DHnext;
    // dPre = dh act'(pre): tanh' = 1 - h^2, relu' = [h > 0].
    Mat DPre = Relu ? Mat((Hn.array() > 0.0f).select(DH.array(), 0.0f).matrix())
                    : Mat((DH.array() * (1 - Hn.array().square())).matrix());
    W.WIh.Grad.noalias() += DPre.transpose() * Xs[S]; // dW_ih += dPre^T x
    W.WHh.Grad.noalias() += DPre.transpose() * Hprev; // dW_hh += dPre^T h
    if (HasBias) {
      W.BIh.Grad += DPre.colwise().sum();
      W.BHh.Grad += DPre.colwise().sum();
    }
    DXs[S].noalias() = DPre * W.WIh.Value; // dx = dPre W_ih
    DHnext.noalias() = DPre * W.WHh.Value; // dh_{t-1} = dPre W_hh
  }
}

} // namespace gradlint::probe
