//===- runtime/activations/Softmax.cpp - softmax / log_softmax ------------===//

#include "runtime/activations/Softmax.h"

#include <cmath>

namespace gradlint::probe {

void Softmax::forward(const Mat &X, Mat &Out, bool, std::mt19937 &) {
  Y.resize(X.rows(), X.cols());
  for (int64_t S = 0; S < X.rows(); ++S) {
    float Max = X.row(S).maxCoeff();
    auto Shifted = (X.row(S).array() - Max);
    float LogSum = std::log(Shifted.exp().sum());
    if (Log)
      Y.row(S) = Shifted - LogSum;       // x - logsumexp(x)
    else
      Y.row(S) = (Shifted - LogSum).exp(); // e^x / sum e^x
  }
  Out = Y;
}

void Softmax::backward(const Mat &DY, Mat &DX) {
  DX.resize(DY.rows(), DY.cols());
  for (int64_t S = 0; S < DY.rows(); ++S) {
    if (Log) // dx = dy - softmax(x) sum(dy)
      DX.row(S) = DY.row(S).array() - Y.row(S).array().exp() * DY.row(S).sum();
    else // dx = y (dy - <dy, y>)
      DX.row(S) = Y.row(S).array() * (DY.row(S).array() - DY.row(S).dot(Y.row(S)));
  }
}

} // namespace gradlint::probe
