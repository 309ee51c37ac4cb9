//===- runtime/losses/ClassLoss.cpp - cross_entropy and nll ---------------===//

#include "runtime/losses/ClassLoss.h"

#include <cmath>

namespace gradlint::probe {

double ClassLoss::forward(const Mat &Out, const Mat &Target) {
  int64_t N = Out.rows();
  Cols = Out.cols();
  Class.resize(N);
  double Sum = 0;
  if (Kind == ir::LossKind::CrossEntropy)
    P.resize(N, Cols);
  for (int64_t S = 0; S < N; ++S) {
    int64_t C = int64_t(Target(S, 0));
    Class[S] = C;
    if (Kind == ir::LossKind::NLL) {
      Sum -= Out(S, C); // -x[y]
      continue;
    }
    double Max = Out.row(S).maxCoeff();
    double LogSum = std::log((Out.row(S).cast<double>().array() - Max).exp().sum()) + Max;
    Sum -= Out(S, C) - LogSum; // -log_softmax(x)[y]
    P.row(S) = (Out.row(S).cast<double>().array() - LogSum).exp().cast<float>();
  }
  return Sum / double(N);
}

void ClassLoss::backward(Mat &DOut) const {
  int64_t N = int64_t(Class.size());
  if (Kind == ir::LossKind::CrossEntropy)
    DOut = P / float(N); // (softmax(x) - onehot(y)) / N
  else
    DOut = Mat::Zero(N, Cols); // -onehot(y) / N
  for (int64_t S = 0; S < N; ++S)
    DOut(S, Class[S]) -= 1.0f / float(N);
}

} // namespace gradlint::probe
