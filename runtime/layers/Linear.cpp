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

void Linear::forward(const Mat &Xin, Mat &Y, bool, std::mt19937 &) {
  X = Xin;
  Y.noalias() = X * Weight.Value.transpose(); // Y = X W^T
  if (HasBias)
    Y.rowwise() += Bias.Value.row(0);         // + b
}

void Linear::backward(const Mat &DY, Mat &DX) {
  Weight.Grad.noalias() += DY.transpose() * X; // dW = DY^T X
  if (HasBias)
    Bias.Grad += DY.colwise().sum();           // db = sum over the batch
  DX.noalias() = DY * Weight.Value;            // dX = DY W
}

std::vector<Param *> Linear::params() {
  if (HasBias)
    return {&Weight, &Bias};
  return {&Weight};
}

} // namespace gradlint::probe
