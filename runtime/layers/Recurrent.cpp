//===- runtime/layers/Recurrent.cpp - Stacked recurrent layers ------------===//

#include "runtime/layers/Recurrent.h"

namespace gradlint::probe {

static void initParam(Param &P, const std::string &Name, int64_t Rows,
                      int64_t Cols, bool IsWeight) {
  P.Name = Name;
  P.IsWeight = IsWeight;
  P.Value = Mat::Zero(Rows, Cols);
  P.Grad = Mat::Zero(Rows, Cols);
  // torch's fans of a [Gates*H, In] matrix; a bias's are the weight's.
  P.FanIn = IsWeight ? Cols : 0;
  P.FanOut = Rows;
}

Recurrent::Recurrent(int Gates, int64_t In, int64_t Hidden, int64_t NumLayers,
                     bool HasBias, bool LastStep, const std::string &Name)
    : Hidden(Hidden), Gates(Gates), In(In), NumLayers(NumLayers),
      HasBias(HasBias), LastStep(LastStep) {
  Weights.resize(size_t(NumLayers));
  for (int64_t K = 0; K < NumLayers; ++K) {
    RecurrentWeights &W = Weights[size_t(K)];
    std::string L = "_l" + std::to_string(K);
    int64_t Rows = Gates * Hidden;
    initParam(W.WIh, Name + ".weight_ih" + L, Rows, K == 0 ? In : Hidden, true);
    initParam(W.WHh, Name + ".weight_hh" + L, Rows, Hidden, true);
    initParam(W.BIh, Name + ".bias_ih" + L, 1, Rows, false);
    initParam(W.BHh, Name + ".bias_hh" + L, 1, Rows, false);
  }
}

Shape Recurrent::outShape(const Shape &InShape) const {
  if (LastStep)
    return Shape::flat(Hidden);
  return Shape{InShape.C, 1, Hidden, 1};
}

void Recurrent::forward(const Mat &X, Mat &Y, bool, std::mt19937 &) {
  int64_t N = X.rows();
  Steps = X.cols() / In;
  // Split the batch into one N x In matrix per time step.
  std::vector<Mat> Seq(size_t(Steps), Mat(N, In));
  for (int64_t T = 0; T < Steps; ++T)
    Seq[size_t(T)] = X.middleCols(T * In, In);
  Inputs.assign(size_t(NumLayers), {});
  for (int64_t K = 0; K < NumLayers; ++K) {
    Inputs[size_t(K)] = Seq;
    std::vector<Mat> Hs;
    runLayer(size_t(K), Inputs[size_t(K)], Hs);
    Seq = std::move(Hs);
  }
  if (LastStep) {
    Y = Seq.back();
    return;
  }
  Y.resize(N, Steps * Hidden);
  for (int64_t T = 0; T < Steps; ++T)
    Y.middleCols(T * Hidden, Hidden) = Seq[size_t(T)];
}

void Recurrent::backward(const Mat &DY, Mat &DX) {
  int64_t N = DY.rows();
  std::vector<Mat> DHs(size_t(Steps), Mat::Zero(N, Hidden));
  if (LastStep)
    DHs.back() = DY; // only the last step reaches the output
  else
    for (int64_t T = 0; T < Steps; ++T)
      DHs[size_t(T)] = DY.middleCols(T * Hidden, Hidden);
  for (int64_t K = NumLayers; K-- > 0;) {
    std::vector<Mat> DXs;
    backLayer(size_t(K), DHs, DXs);
    DHs = std::move(DXs);
  }
  DX.resize(N, Steps * In);
  for (int64_t T = 0; T < Steps; ++T)
    DX.middleCols(T * In, In) = DHs[size_t(T)];
}

std::vector<Param *> Recurrent::params() {
  std::vector<Param *> Out;
  for (RecurrentWeights &W : Weights) {
    Out.push_back(&W.WIh);
    Out.push_back(&W.WHh);
    if (HasBias) {
      Out.push_back(&W.BIh);
      Out.push_back(&W.BHh);
    }
  }
  return Out;
}

int64_t Recurrent::multiplyAdds(const Shape &InShape) const {
  int64_t PerStep = Gates * Hidden * (In + Hidden) +
                    (NumLayers - 1) * Gates * Hidden * 2 * Hidden;
  return InShape.C * PerStep;
}

} // namespace gradlint::probe
