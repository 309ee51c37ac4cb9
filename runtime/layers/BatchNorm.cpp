//===- runtime/layers/BatchNorm.cpp - BatchNorm1d/2d ----------------------===//

#include "runtime/layers/BatchNorm.h"

#include <cmath>

namespace gradlint::probe {

BatchNorm::BatchNorm(const Shape &InShape, const std::string &Name)
    : C(InShape.C), Positions(InShape.H * InShape.W) {
  Weight.Name = Name + ".weight";
  Weight.Value = Mat::Ones(1, C);
  Weight.Grad = Mat::Zero(1, C);
  Weight.FanIn = Weight.FanOut = C;
  Bias.Name = Name + ".bias";
  Bias.IsWeight = false;
  Bias.Value = Mat::Zero(1, C);
  Bias.Grad = Mat::Zero(1, C);
  RunningMean = Eigen::VectorXf::Zero(C);
  RunningVar = Eigen::VectorXf::Ones(C);
}

void BatchNorm::forward(const Mat &X, Mat &Y, bool Training, std::mt19937 &) {
  int64_t N = X.rows(), P = Positions;
  double M = double(N * P);
  LastTraining = Training;
  XHat.resize(N, X.cols());
  Y.resize(N, X.cols());
  InvStd.resize(C);
  for (int64_t Ch = 0; Ch < C; ++Ch) {
    double Mean, Var;
    if (Training) {
      double Sum = 0, Sq = 0;
      for (int64_t S = 0; S < N; ++S)
        for (int64_t I = 0; I < P; ++I)
          Sum += X(S, Ch * P + I);
      Mean = Sum / M;
      for (int64_t S = 0; S < N; ++S)
        for (int64_t I = 0; I < P; ++I) {
          double D = X(S, Ch * P + I) - Mean;
          Sq += D * D;
        }
      Var = Sq / M; // biased variance normalises
      RunningMean(Ch) = float((1 - Momentum) * RunningMean(Ch) + Momentum * Mean);
      RunningVar(Ch) = float((1 - Momentum) * RunningVar(Ch) +
                             Momentum * Var * M / std::max(M - 1, 1.0));
    } else {
      Mean = RunningMean(Ch);
      Var = RunningVar(Ch);
    }
    float Inv = float(1.0 / std::sqrt(Var + Eps));
    InvStd(Ch) = Inv;
    for (int64_t S = 0; S < N; ++S)
      for (int64_t I = 0; I < P; ++I) {
        int64_t At = Ch * P + I;
        XHat(S, At) = float((X(S, At) - Mean) * Inv);           // x^ = (x - mu) / sigma
        Y(S, At) = Weight.Value(0, Ch) * XHat(S, At) + Bias.Value(0, Ch); // y = g x^ + b
      }
  }
}

void BatchNorm::backward(const Mat &DY, Mat &DX) {
  int64_t N = DY.rows(), P = Positions;
  double M = double(N * P);
  DX.resize(N, DY.cols());
  for (int64_t Ch = 0; Ch < C; ++Ch) {
    double SumDY = 0, SumDYXHat = 0;
    for (int64_t S = 0; S < N; ++S)
      for (int64_t I = 0; I < P; ++I) {
        int64_t At = Ch * P + I;
        SumDY += DY(S, At);
        SumDYXHat += double(DY(S, At)) * XHat(S, At);
      }
    Weight.Grad(0, Ch) += float(SumDYXHat); // dg = sum dy x^
    Bias.Grad(0, Ch) += float(SumDY);       // db = sum dy
    double G = Weight.Value(0, Ch), Inv = InvStd(Ch);
    for (int64_t S = 0; S < N; ++S)
      for (int64_t I = 0; I < P; ++I) {
        int64_t At = Ch * P + I;
        if (!LastTraining) {
          DX(S, At) = float(DY(S, At) * G * Inv); // running stats are constants
          continue;
        }
        // dx = g/sigma * (dy - mean(dy) - x^ mean(dy x^))
        DX(S, At) = float(G * Inv *
                          (DY(S, At) - SumDY / M - XHat(S, At) * SumDYXHat / M));
      }
  }
}

} // namespace gradlint::probe
