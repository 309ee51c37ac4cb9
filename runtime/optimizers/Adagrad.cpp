//===- runtime/optimizers/Adagrad.cpp - Adagrad ---------------------------===//

#include "runtime/optimizers/Adagrad.h"

namespace gradlint::probe {

void Adagrad::step(const std::vector<Param *> &Params) {
  if (Sum.size() != Params.size()) {
    Sum.clear();
    for (Param *P : Params)
      Sum.push_back(Mat::Constant(P->Value.rows(), P->Value.cols(),
                                  float(Config.InitialAccumulator)));
  }
  ++Steps;
  const float Wd = float(Config.WeightDecay);
  const float Clr =
      float(Config.LR / (1 + double(Steps - 1) * Config.LRDecay)); // lr / (1 + (t - 1) decay)
  for (size_t I = 0; I < Params.size(); ++I) {
    Param &P = *Params[I];
    Mat G = P.Grad;
    if (Wd != 0)
      G += Wd * P.Value;             // g += wd p
    Sum[I] += G.cwiseProduct(G);     // s += g^2
    P.Value.array() -= Clr * G.array() / (Sum[I].array().sqrt() + float(Config.Eps)); // p -= clr g / (sqrt(s) + eps)
  }
}

} // namespace gradlint::probe
