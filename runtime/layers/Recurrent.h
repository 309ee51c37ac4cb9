//===- runtime/layers/Recurrent.h - Stacked recurrent layers ---*- C++ -*-===//
//
// What RNN, LSTM and GRU share: a stack of NumLayers cells run over the
// sequence, in one or both directions, each layer's output sequence (both
// directions side by side, dropout between layers in training) the next
// one's input, zero initial state, and the readout (the whole output
// sequence, its last step, the final hidden states h_n or the last of them).
// A subclass runs one layer in one direction forward over the sequence and
// back through time.
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

/// The parameters of one layer and direction of a stack, torch's order and
/// names.
struct RecurrentWeights {
  Param WIh; ///< Gates*H x In
  Param WHh; ///< Gates*H x H
  Param BIh; ///< 1 x Gates*H
  Param BHh; ///< 1 x Gates*H
};

/// What a recurrent layer hands on, per sample.
enum class Readout {
  Sequence,    ///< `std::get<0>(rnn(x))`: every step's output, (L, D*H)
  LastStep,    ///< its last step `select(1, -1)`: D*H values
  FinalHidden, ///< `std::get<1>(rnn(x))` (an LSTM's h): h_n, (layers*D, H)
  LastHidden,  ///< `h_n[-1]`: the last layer's last direction, H values
};

/// The options of torch::nn::RNN/LSTM/GRU the probe models.
struct RecurrentConfig {
  int64_t NumLayers = 1;
  bool HasBias = true;
  bool Bidirectional = false;
  /// Dropout on every layer's output but the last one's, in training.
  double Dropout = 0;
  Readout Out = Readout::Sequence;
};

/// A stack of recurrent layers (torch::nn::RNN / LSTM / GRU).
class Recurrent : public Layer {
public:
  /// \p Gates: 4 for LSTM, 3 for GRU, 1 for RNN.
  Recurrent(int Gates, int64_t In, int64_t Hidden, const RecurrentConfig &C,
            const std::string &Name);
  Shape outShape(const Shape &In) const override;
  void forward(const Mat &X, Mat &Y, bool Training, std::mt19937 &Rng) override;
  void backward(const Mat &DY, Mat &DX) override;
  std::vector<Param *> params() override;
  int64_t multiplyAdds(const Shape &In) const override;

  /// Per layer and direction: index layer * directions + direction, torch's
  /// parameter order (`_l0`, `_l0_reverse`, `_l1`, ...).
  std::vector<RecurrentWeights> Weights;
  int64_t Hidden;

protected:
  /// Runs weights \p K over \p Xs (one N x In matrix per step, in the
  /// direction's own order) into \p Hs (one N x H per step), caching what
  /// backLayer needs.
  virtual void runLayer(size_t K, const std::vector<Mat> &Xs,
                        std::vector<Mat> &Hs) = 0;
  /// Backpropagation through time of weights \p K over the inputs \p Xs of
  /// its last run: \p DHs is dL/dh_t from above; fills \p DXs with dL/dx_t
  /// and adds the weights' gradients.
  virtual void backLayer(size_t K, const std::vector<Mat> &Xs,
                         const std::vector<Mat> &DHs, std::vector<Mat> &DXs) = 0;

  int Gates;
  int64_t In, NumLayers, Dirs, Steps = 0;
  bool HasBias;
  double DropoutP;
  Readout Out;

private:
  /// Each layer and direction's input sequence (reversed for the backward
  /// direction) from the last forward pass.
  std::vector<std::vector<Mat>> Inputs;
  /// Per layer but the last, per step: the dropout mask times 1 / (1 - p)
  /// on its output; empty when no dropout ran.
  std::vector<std::vector<Mat>> Masks;
};

} // namespace gradlint::probe

#endif // GRADLINT_RUNTIME_LAYERS_RECURRENT_H
