//===- runtime/Network.cpp - A chain of probe layers ----------------------===//

#include "runtime/Network.h"

namespace gradlint::probe {

void Network::add(std::unique_ptr<Layer> L, ir::LayerKind Kind,
                  ir::ActivationKind Act, const std::string &Name,
                  const Shape &In, bool CallSite) {
  if (Layers.empty())
    Input = In;
  Entry E;
  E.Out = L->outShape(In);
  E.L = std::move(L);
  E.Kind = Kind;
  E.Act = Act;
  E.Name = Name;
  E.In = In;
  E.CallSite = CallSite;
  Layers.push_back(std::move(E));
}

const Mat &Network::forward(const Mat &X, bool Training, std::mt19937 &Rng) {
  Acts.resize(Layers.size() + 1);
  Acts[0] = X;
  for (size_t I = 0; I < Layers.size(); ++I) {
    Layers[I].L->forward(Acts[I], Acts[I + 1], Training, Rng);
    if (Layers[I].SkipFrom >= 0)
      Acts[I + 1] += Acts[size_t(Layers[I].SkipFrom)]; // x + f(x)
  }
  return Acts.back();
}

void Network::backward(const Mat &DOut) {
  Grads.resize(Layers.size() + 1);
  Grads.back() = DOut;
  // Gradients a join sends back along its skip, added when the backward
  // pass reaches the skip's start.
  std::vector<Mat> Skipped(Layers.size() + 1);
  for (size_t I = Layers.size(); I-- > 0;) {
    if (Layers[I].SkipFrom >= 0) {
      Mat &S = Skipped[size_t(Layers[I].SkipFrom)];
      if (S.size() == 0)
        S = Grads[I + 1];
      else
        S += Grads[I + 1];
    }
    Layers[I].L->backward(Grads[I + 1], Grads[I]);
    if (Skipped[I].size() != 0)
      Grads[I] += Skipped[I];
  }
}

std::vector<Param *> Network::params() {
  std::vector<Param *> Out;
  for (Entry &E : Layers)
    for (Param *P : E.L->params())
      Out.push_back(P);
  return Out;
}

void Network::zeroGrad() {
  for (Param *P : params())
    P->Grad.setZero();
}

int64_t Network::parameterCount() {
  int64_t N = 0;
  for (Param *P : params())
    N += P->size();
  return N;
}

int64_t Network::multiplyAdds() const {
  int64_t N = 0;
  for (const Entry &E : Layers)
    N += E.L->multiplyAdds(E.In);
  return N;
}

} // namespace gradlint::probe
