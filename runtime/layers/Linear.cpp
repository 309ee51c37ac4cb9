//===- runtime/layers/Linear.cpp - y = x W^T + b --------------------------===//

#include "runtime/layers/Linear.h"

namespace gradlint::probe {

Linear::Linear(int64_t In, int64_t Out, bool HasBias, const std::string &Name)
    : HasBias(HasBias), In(In), Out(Out) {
  Weight.Name = Name + ".weight";
  Weight.Value = Mat::Zero(Out, In);
  Weight.Grad = Mat::Zero(Out, In);
  Weight.FanIn = In;
  Weight.FanOut = Out;
  Bias.Name = Name + ".bias";
  Bias.IsWeight = false;
  Bias.Value = Mat::Zero(1, Out);
  Bias.Grad = Mat::Zero(1, Out);
  Bias.FanIn = In;
  Bias.FanOut = Out;
}

Shape Linear::outShape(const Shape &S) const {
  if (perPosition(S))
    return Shape{S.C, S.H, Out, S.Dims};
  return Shape::flat(Out);
}

// Row-major: a batch of P positions of In values is also (N * P) x In, one
// position per row, so the per-position map is the flat one on that view.
void Linear::forward(const Mat &Xin, Mat &Y, bool, std::mt19937 &) {
  int64_t N = Xin.rows(), P = Xin.cols() / In;
  X = Eigen::Map<const Mat>(Xin.data(), N * P, In);
  Mat Z = X * Weight.Value.transpose(); // Y = X W^T
  if (HasBias)
    Z.rowwise() += Bias.Value.row(0);   // + b
  Y = Eigen::Map<const Mat>(Z.data(), N, P * Out);
}

void Linear::backward(const Mat &DYin, Mat &DX) {
  int64_t N = DYin.rows(), P = DYin.cols() / Out;
  Eigen::Map<const Mat> DY(DYin.data(), N * P, Out);
  Weight.Grad.noalias() += DY.transpose() * X; // dW = DY^T X
  if (HasBias)
    Bias.Grad += DY.colwise().sum();           // db = sum over the batch
  Mat DXp = DY * Weight.Value;                 // dX = DY W
  DX = Eigen::Map<const Mat>(DXp.data(), N, P * In);
}

std::vector<Param *> Linear::params() {
  if (HasBias)
    return {&Weight, &Bias};
  return {&Weight};
}

} // namespace gradlint::probe
