//===- runtime/layers/Recurrent.h - Stacked recurrent layers ---*- C++ -*-===//
//
// What LSTM and GRU share: a stack of NumLayers cells run over the sequence,
// each layer's output sequence the next one's input, zero initial state,
// and the readout (the whole output sequence or its last step). A subclass
// runs one layer forward over the sequence and back through time.
//
// A sample is a sequence (L, F) stored time-major: Shape{L, 1, F, 1}, the
// memory order of torch's batch-first [N, L, F]. Sequence-first programs
// hold the same samples; only their data's layout differs.
//
//===----------------------------------------------------------------------===//

#ifndef GRADLINT_RUNTIME_LAYERS_RECURRENT_H
#define GRADLINT_RUNTIME_LAYERS_RECURRENT_H

#include "runtime/layers/Layer.h"

namespace gradlint::probe {

/// The parameters of one layer of a stack, torch's order and names.
struct RecurrentWeights {
  Param WIh; ///< Gates*H x In
  Param WHh; ///< Gates*H x H
  Param BIh; ///< 1 x Gates*H
  Param BHh; ///< 1 x Gates*H
};

/// A stack of recurrent layers (torch::nn::LSTM / GRU without dropout,
/// unidirectional).
class Recurrent : public Layer {
public:
  /// \p Gates: 4 for LSTM, 3 for GRU.
  Recurrent(int Gates, int64_t In, int64_t Hidden, int64_t NumLayers,
            bool HasBias, bool LastStep, const std::string &Name);
  Shape outShape(const Shape &In) const override;
  void forward(const Mat &X, Mat &Y, bool Training, std::mt19937 &Rng) override;
  void backward(const Mat &DY, Mat &DX) override;
  std::vector<Param *> params() override;
  int64_t multiplyAdds(const Shape &In) const override;

  std::vector<RecurrentWeights> Weights;
  int64_t Hidden;

protected:
  /// Runs layer \p K over \p Xs (one N x In matrix per step) into \p Hs
  /// (one N x H per step), caching what backLayer needs.
  virtual void runLayer(size_t K, const std::vector<Mat> &Xs,
                        std::vector<Mat> &Hs) = 0;
  /// Backpropagation through time of layer \p K: \p DHs is dL/dh_t from
  /// above; fills \p DXs with dL/dx_t and adds the weights' gradients.
  virtual void backLayer(size_t K, const std::vector<Mat> &DHs,
                         std::vector<Mat> &DXs) = 0;

  int Gates;
  int64_t In, NumLayers, Steps = 0;
  bool HasBias, LastStep;
  /// Each layer's input sequence from the last forward pass.
  std::vector<std::vector<Mat>> Inputs;
};

} // namespace gradlint::probe

#endif // GRADLINT_RUNTIME_LAYERS_RECURRENT_H
