//===- runtime/optimizers/Adam.cpp - Adam and AdamW -----------------------===//

#include "runtime/optimizers/Adam.h"

#include <cmath>

namespace gradlint::probe {

void Adam::step(const std::vector<Param *> &Params) {
  if (M.size() != Params.size()) {
    M.clear();
    V.clear();
    for (Param *P : Params) {
      M.push_back(Mat::Zero(P->Value.rows(), P->Value.cols()));
      V.push_back(Mat::Zero(P->Value.rows(), P->Value.cols()));
    }
  }
  ++Steps;
  const bool Decoupled = Config.Kind == ir::OptimizerKind::AdamW;
  const double Lr = Config.LR, Wd = Config.WeightDecay;
  const float B1 = float(Config.Beta1), B2 = float(Config.Beta2);
  const double Bc1 = 1 - std::pow(Config.Beta1, double(Steps));
  const double Bc2 = 1 - std::pow(Config.Beta2, double(Steps));
  const float StepSize = float(Lr / Bc1);
  const float SqrtBc2 = float(std::sqrt(Bc2));
  for (size_t I = 0; I < Params.size(); ++I) {
    Param &P = *Params[I];
    Mat G = P.Grad;
    if (Decoupled && Wd != 0)
      P.Value *= float(1 - Lr * Wd); // AdamW: p *= 1 - lr wd
    else if (Wd != 0)
      G += float(Wd) * P.Value;      // Adam: g += wd p
    M[I] = M[I] * B1 + (1 - B1) * G;                      // m = b1 m + (1 - b1) g
    V[I] = V[I] * B2 + (1 - B2) * G.cwiseProduct(G);      // v = b2 v + (1 - b2) g^2
    Mat Denom = (V[I].array().sqrt() / SqrtBc2 + float(Config.Eps)).matrix();
    P.Value.array() -= StepSize * M[I].array() / Denom.array(); // p -= lr/bc1 m / (sqrt(v/bc2) + eps)
  }
}

} // namespace gradlint::probe
