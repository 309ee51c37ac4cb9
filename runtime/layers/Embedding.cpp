//===- runtime/layers/Embedding.cpp - Token lookup ------------------------===//

#include "runtime/layers/Embedding.h"

#include <algorithm>
#include <cmath>

namespace gradlint::probe {

Embedding::Embedding(int64_t Vocab, int64_t Dim, const std::string &Name)
    : Vocab(Vocab), Dim(Dim) {
  Weight.Name = Name + ".weight";
  Weight.Value = Mat::Zero(Vocab, Dim);
  Weight.Grad = Mat::Zero(Vocab, Dim);
  // torch's fans of a [Vocab, Dim] matrix.
  Weight.FanIn = Dim;
  Weight.FanOut = Vocab;
}

bool Embedding::validIds(const Mat &X) const {
  for (int64_t I = 0; I < X.size(); ++I) {
    float V = X.data()[I];
    if (!(V >= 0 && V < float(Vocab)) || V != std::floor(V))
      return false;
  }
  return true;
}

void Embedding::forward(const Mat &X, Mat &Y, bool, std::mt19937 &) {
  int64_t N = X.rows(), L = X.cols();
  Ids.resize(N, L);
  Y.resize(N, L * Dim);
  for (int64_t S = 0; S < N; ++S)
    for (int64_t T = 0; T < L; ++T) {
      // Lowering checks the ids; clamp so a stray value cannot read out of
      // bounds.
      int64_t Id = std::clamp<int64_t>(int64_t(X(S, T)), 0, Vocab - 1);
      Ids(S, T) = Id;
      Y.block(S, T * Dim, 1, Dim) = Weight.Value.row(Id); // y_t = W[id_t]
    }
}

void Embedding::backward(const Mat &DY, Mat &DX) {
  for (int64_t S = 0; S < DY.rows(); ++S)
    for (int64_t T = 0; T < Ids.cols(); ++T)
      Weight.Grad.row(Ids(S, T)) += DY.block(S, T * Dim, 1, Dim); // dW[id] += dy
  DX.setZero(DY.rows(), Ids.cols());
}

} // namespace gradlint::probe
