//===- runtime/optimizers/RMSprop.cpp - RMSprop ---------------------------===//

#include "runtime/optimizers/RMSprop.h"

namespace gradlint::probe {

void RMSprop::step(const std::vector<Param *> &Params) {
  if (Sq.size() != Params.size()) {
    Sq.clear();
    Buf.clear();
    for (Param *P : Params) {
      Sq.push_back(Mat::Zero(P->Value.rows(), P->Value.cols()));
      Buf.push_back(Mat::Zero(P->Value.rows(), P->Value.cols()));
    }
  }
  const float Lr = float(Config.LR), A = float(Config.Alpha),
              Mom = float(Config.Momentum), Wd = float(Config.WeightDecay);
  for (size_t I = 0; I < Params.size(); ++I) {
    Param &P = *Params[I];
    Mat G = P.Grad;
    if (Wd != 0)
      G += Wd * P.Value;                                    // g += wd p
    Sq[I] = Sq[I] * A + (1 - A) * G.cwiseProduct(G);      // s = a s + (1 - a) g^2
    Mat Avg = (Sq[I].array().sqrt() + float(Config.Eps)).matrix(); // sqrt(s) + eps
    if (Mom > 0) {
      Buf[I] = Buf[I] * Mom + (G.array() / Avg.array()).matrix(); // b = mom b + g / avg
      P.Value -= Lr * Buf[I];
    } else {
      P.Value.array() -= Lr * G.array() / Avg.array();     // p -= lr g / avg
    }
  }
}

} // namespace gradlint::probe
