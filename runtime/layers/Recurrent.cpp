//===- runtime/layers/Recurrent.cpp - Stacked recurrent layers ------------===//

#include "runtime/layers/Recurrent.h"

#include <algorithm>

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

Recurrent::Recurrent(int Gates, int64_t In, int64_t Hidden,
                     const RecurrentConfig &C, const std::string &Name)
    : Hidden(Hidden), Gates(Gates), In(In), NumLayers(C.NumLayers),
      Dirs(C.Bidirectional ? 2 : 1), HasBias(C.HasBias), DropoutP(C.Dropout),
      Out(C.Out) {
  Weights.resize(size_t(NumLayers * Dirs));
  for (int64_t K = 0; K < NumLayers; ++K)
    for (int64_t D = 0; D < Dirs; ++D) {
      RecurrentWeights &W = Weights[size_t(K * Dirs + D)];
      std::string L = "_l" + std::to_string(K) + (D ? "_reverse" : "");
      int64_t Rows = Gates * Hidden;
      initParam(W.WIh, Name + ".weight_ih" + L, Rows,
                K == 0 ? In : Dirs * Hidden, true);
      initParam(W.WHh, Name + ".weight_hh" + L, Rows, Hidden, true);
      initParam(W.BIh, Name + ".bias_ih" + L, 1, Rows, false);
      initParam(W.BHh, Name + ".bias_hh" + L, 1, Rows, false);
    }
}

Shape Recurrent::outShape(const Shape &InShape) const {
  switch (Out) {
  case Readout::Sequence:
    return Shape{InShape.C, 1, Dirs * Hidden, 1};
  case Readout::LastStep:
    return Shape::flat(Dirs * Hidden);
  case Readout::FinalHidden:
    if (NumLayers * Dirs == 1)
      return Shape::flat(Hidden);
    return Shape{NumLayers * Dirs, 1, Hidden, 1};
  case Readout::LastHidden:
    return Shape::flat(Hidden);
  }
  return InShape;
}

void Recurrent::forward(const Mat &X, Mat &Y, bool Training, std::mt19937 &Rng) {
  int64_t N = X.rows(), H = Hidden;
  Steps = X.cols() / In;
  // Split the batch into one N x In matrix per time step.
  std::vector<Mat> Seq(size_t(Steps), Mat(N, In));
  for (int64_t T = 0; T < Steps; ++T)
    Seq[size_t(T)] = X.middleCols(T * In, In);
  Inputs.assign(Weights.size(), {});
  Masks.assign(size_t(NumLayers), {});
  std::vector<Mat> Finals(Weights.size());
  for (int64_t K = 0; K < NumLayers; ++K) {
    std::vector<Mat> Next(size_t(Steps), Mat(N, Dirs * H));
    for (int64_t D = 0; D < Dirs; ++D) {
      size_t Idx = size_t(K * Dirs + D);
      Inputs[Idx] = Seq;
      if (D == 1) // the reverse direction reads the sequence back to front
        std::reverse(Inputs[Idx].begin(), Inputs[Idx].end());
      std::vector<Mat> Hs;
      runLayer(Idx, Inputs[Idx], Hs);
      Finals[Idx] = Hs.back(); // h_n: the direction's last step
      if (D == 1)
        std::reverse(Hs.begin(), Hs.end());
      for (int64_t T = 0; T < Steps; ++T)
        Next[size_t(T)].middleCols(D * H, H) = Hs[size_t(T)];
    }
    // torch applies dropout to each layer's output but the last's.
    if (Training && DropoutP > 0 && K + 1 < NumLayers) {
      std::bernoulli_distribution Keep(1.0 - DropoutP);
      float Scale = DropoutP >= 1 ? 0.0f : float(1.0 / (1.0 - DropoutP));
      Masks[size_t(K)].assign(size_t(Steps), Mat(N, Dirs * H));
      for (int64_t T = 0; T < Steps; ++T) {
        Mat &M = Masks[size_t(K)][size_t(T)];
        for (int64_t I = 0; I < M.size(); ++I)
          M.data()[I] = Keep(Rng) ? Scale : 0.0f;
        Next[size_t(T)] = Next[size_t(T)].cwiseProduct(M); // y = x m / (1-p)
      }
    }
    Seq = std::move(Next);
  }
  switch (Out) {
  case Readout::Sequence:
    Y.resize(N, Steps * Dirs * H);
    for (int64_t T = 0; T < Steps; ++T)
      Y.middleCols(T * Dirs * H, Dirs * H) = Seq[size_t(T)];
    return;
  case Readout::LastStep:
    Y = Seq.back();
    return;
  case Readout::FinalHidden:
    // h_n's order: layer by layer, forward direction first.
    Y.resize(N, int64_t(Finals.size()) * H);
    for (size_t I = 0; I < Finals.size(); ++I)
      Y.middleCols(int64_t(I) * H, H) = Finals[I];
    return;
  case Readout::LastHidden:
    Y = Finals.back();
    return;
  }
}

void Recurrent::backward(const Mat &DY, Mat &DX) {
  int64_t N = DY.rows(), H = Hidden;
  // dL/d(output sequence of the top layer) and dL/dh_n per layer/direction.
  std::vector<Mat> DOut(size_t(Steps), Mat::Zero(N, Dirs * H));
  std::vector<Mat> DFinal(Weights.size(), Mat::Zero(N, H));
  switch (Out) {
  case Readout::Sequence:
    for (int64_t T = 0; T < Steps; ++T)
      DOut[size_t(T)] = DY.middleCols(T * Dirs * H, Dirs * H);
    break;
  case Readout::LastStep:
    DOut.back() = DY; // only the last step reaches the output
    break;
  case Readout::FinalHidden:
    for (size_t I = 0; I < DFinal.size(); ++I)
      DFinal[I] = DY.middleCols(int64_t(I) * H, H);
    break;
  case Readout::LastHidden:
    DFinal.back() = DY;
    break;
  }
  for (int64_t K = NumLayers; K-- > 0;) {
    int64_t InK = K == 0 ? In : Dirs * H;
    std::vector<Mat> DIn(size_t(Steps), Mat::Zero(N, InK));
    for (int64_t D = 0; D < Dirs; ++D) {
      size_t Idx = size_t(K * Dirs + D);
      std::vector<Mat> DHs(static_cast<size_t>(Steps));
      for (int64_t T = 0; T < Steps; ++T)
        DHs[size_t(T)] = DOut[size_t(T)].middleCols(D * H, H);
      if (D == 1)
        std::reverse(DHs.begin(), DHs.end());
      DHs.back() += DFinal[Idx]; // h_n is the direction's last output
      std::vector<Mat> DXs;
      backLayer(Idx, Inputs[Idx], DHs, DXs);
      if (D == 1)
        std::reverse(DXs.begin(), DXs.end());
      for (int64_t T = 0; T < Steps; ++T)
        DIn[size_t(T)] += DXs[size_t(T)];
    }
    // Through the dropout on the layer below's output.
    if (K > 0 && !Masks[size_t(K - 1)].empty())
      for (int64_t T = 0; T < Steps; ++T)
        DIn[size_t(T)] = DIn[size_t(T)].cwiseProduct(Masks[size_t(K - 1)][size_t(T)]);
    DOut = std::move(DIn);
  }
  DX.resize(N, Steps * In);
  for (int64_t T = 0; T < Steps; ++T)
    DX.middleCols(T * In, In) = DOut[size_t(T)];
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
  int64_t PerStep = Dirs * Gates * Hidden * (In + Hidden) +
                    (NumLayers - 1) * Dirs * Gates * Hidden * (Dirs * Hidden + Hidden);
  return InShape.C * PerStep;
}

} // namespace gradlint::probe
