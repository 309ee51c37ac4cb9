//===- runtime/layers/LayerNorm.cpp - LayerNorm over a sample -------------===//

#include "runtime/layers/LayerNorm.h"

#include <cmath>

namespace gradlint::probe {

LayerNorm::LayerNorm(int64_t F, const std::string &Name) {
  Weight.Name = Name + ".weight";
  Weight.Value = Mat::Ones(1, F);
  Weight.Grad = Mat::Zero(1, F);
  Weight.FanIn = Weight.FanOut = F;
  Bias.Name = Name + ".bias";
  Bias.IsWeight = false;
  Bias.Value = Mat::Zero(1, F);
  Bias.Grad = Mat::Zero(1, F);
}

void LayerNorm::forward(const Mat &X, Mat &Y, bool, std::mt19937 &) {
  int64_t N = X.rows(), F = X.cols();
  XHat.resize(N, F);
  InvStd.resize(N);
  for (int64_t S = 0; S < N; ++S) {
    double Mean = X.row(S).cast<double>().mean();
    double Var = (X.row(S).cast<double>().array() - Mean).square().mean();
    double Inv = 1.0 / std::sqrt(Var + Eps);
    InvStd(S) = float(Inv);
    XHat.row(S) = ((X.row(S).cast<double>().array() - Mean) * Inv).cast<float>(); // x^ = (x - mu) / sigma
  }
  Y = (XHat.array().rowwise() * Weight.Value.row(0).array()).rowwise() +
      Bias.Value.row(0).array(); // y = g x^ + b
}

void LayerNorm::backward(const Mat &DY, Mat &DX) {
  int64_t N = DY.rows(), F = DY.cols();
  Weight.Grad += DY.cwiseProduct(XHat).colwise().sum(); // dg = sum dy x^
  Bias.Grad += DY.colwise().sum();                      // db = sum dy
  Mat DXHat = DY.array().rowwise() * Weight.Value.row(0).array();
  DX.resize(N, F);
  for (int64_t S = 0; S < N; ++S) {
    double MeanD = DXHat.row(S).cast<double>().mean();
    double MeanDX = DXHat.row(S).cast<double>().dot(XHat.row(S).cast<double>()) / double(F);
    // dx = 1/sigma * (dx^ - mean(dx^) - x^ mean(dx^ x^))
    DX.row(S) = (InvStd(S) * (DXHat.row(S).cast<double>().array() - MeanD -
                              XHat.row(S).cast<double>().array() * MeanDX))
                    .cast<float>();
  }
}

} // namespace gradlint::probe
