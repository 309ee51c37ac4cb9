//===- runtime/layers/Dropout.cpp - Inverted dropout ----------------------===//

#include "runtime/layers/Dropout.h"

namespace gradlint::probe {

void Dropout::forward(const Mat &X, Mat &Y, bool Training, std::mt19937 &Rng) {
  if (!Training || P <= 0) {
    Mask = Mat::Ones(X.rows(), X.cols());
    Y = X;
    return;
  }
  std::bernoulli_distribution Keep(1.0 - P);
  float Scale = P >= 1 ? 0.0f : float(1.0 / (1.0 - P));
  Mask.resize(X.rows(), X.cols());
  for (int64_t I = 0; I < Mask.size(); ++I)
    Mask.data()[I] = Keep(Rng) ? Scale : 0.0f;
  Y = X.cwiseProduct(Mask); // y = x * m / (1 - p)
}

void Dropout::backward(const Mat &DY, Mat &DX) { DX = DY.cwiseProduct(Mask); }

} // namespace gradlint::probe
