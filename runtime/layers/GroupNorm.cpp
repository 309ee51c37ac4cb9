//===- runtime/layers/GroupNorm.cpp - GroupNorm over channel groups -------===//

#include "runtime/layers/GroupNorm.h"

#include <cmath>

namespace gradlint::probe {

GroupNorm::GroupNorm(const Shape &InShape, int64_t Groups, const std::string &Name)
    : In(InShape), Groups(Groups) {
  Weight.Name = Name + ".weight";
  Weight.Value = Mat::Ones(1, In.C);
  Weight.Grad = Mat::Zero(1, In.C);
  Weight.FanIn = Weight.FanOut = In.C;
  Bias.Name = Name + ".bias";
  Bias.IsWeight = false;
  Bias.Value = Mat::Zero(1, In.C);
  Bias.Grad = Mat::Zero(1, In.C);
}

// A group is a contiguous run of (C / G) * H * W values of a sample.
void GroupNorm::forward(const Mat &X, Mat &Y, bool, std::mt19937 &) {
  int64_t N = X.rows(), Per = In.size() / Groups, Area = In.H * In.W;
  XHat.resize(N, In.size());
  InvStd.resize(N, Groups);
  Y.resize(N, In.size());
  for (int64_t S = 0; S < N; ++S)
    for (int64_t G = 0; G < Groups; ++G) {
      auto XG = X.row(S).segment(G * Per, Per).cast<double>().array();
      double Mean = XG.mean();
      double Inv = 1.0 / std::sqrt((XG - Mean).square().mean() + Eps);
      InvStd(S, G) = float(Inv);
      XHat.row(S).segment(G * Per, Per) = ((XG - Mean) * Inv).cast<float>(); // x^
    }
  for (int64_t S = 0; S < N; ++S)
    for (int64_t C = 0; C < In.C; ++C) // y = g_c x^ + b_c
      Y.row(S).segment(C * Area, Area) =
          XHat.row(S).segment(C * Area, Area).array() * Weight.Value(0, C) +
          Bias.Value(0, C);
}

void GroupNorm::backward(const Mat &DY, Mat &DX) {
  int64_t N = DY.rows(), Per = In.size() / Groups, Area = In.H * In.W;
  Mat DXHat(N, In.size());
  for (int64_t S = 0; S < N; ++S)
    for (int64_t C = 0; C < In.C; ++C) {
      auto DYC = DY.row(S).segment(C * Area, Area);
      Weight.Grad(0, C) += DYC.dot(XHat.row(S).segment(C * Area, Area)); // dg
      Bias.Grad(0, C) += DYC.sum();                                       // db
      DXHat.row(S).segment(C * Area, Area) = DYC * Weight.Value(0, C);
    }
  DX.resize(N, In.size());
  for (int64_t S = 0; S < N; ++S)
    for (int64_t G = 0; G < Groups; ++G) {
      auto D = DXHat.row(S).segment(G * Per, Per).cast<double>().array();
      auto H = XHat.row(S).segment(G * Per, Per).cast<double>().array();
      double MeanD = D.mean(), MeanDH = (D * H).mean();
      // dx = 1/sigma * (dx^ - mean(dx^) - x^ mean(dx^ x^)) per group
      DX.row(S).segment(G * Per, Per) =
          (InvStd(S, G) * (D - MeanD - H * MeanDH)).cast<float>();
    }
}

} // namespace gradlint::probe
