//===- runtime/layers/StepMean.cpp - Mean over a sequence's steps ---------===//

#include "runtime/layers/StepMean.h"

namespace gradlint::probe {

// A sample is its steps one after another: Steps * F columns.
void StepMean::forward(const Mat &X, Mat &Y, bool, std::mt19937 &) {
  int64_t F = X.cols() / Steps;
  Y = Mat::Zero(X.rows(), F);
  for (int64_t T = 0; T < Steps; ++T)
    Y += X.middleCols(T * F, F);
  Y /= float(Steps); // y = (1/L) sum_t x_t
}

void StepMean::backward(const Mat &DY, Mat &DX) {
  int64_t F = DY.cols();
  DX.resize(DY.rows(), Steps * F);
  for (int64_t T = 0; T < Steps; ++T)
    DX.middleCols(T * F, F) = DY / float(Steps); // dx_t = dy / L
}

} // namespace gradlint::probe
