//===- runtime/layers/RNN.h - Elman recurrent layer ------------*- C++ -*-===//

#ifndef GRADLINT_RUNTIME_LAYERS_RNN_H
#define GRADLINT_RUNTIME_LAYERS_RNN_H

#include "runtime/layers/Recurrent.h"

namespace gradlint::probe {

/// torch::nn::RNN: h' = act(x W_ih^T + b_ih + h W_hh^T + b_hh), act tanh
/// (the default) or relu (`RNNOptions(...).nonlinearity(torch::kReLU)`).
class RNN : public Recurrent {
public:
  RNN(int64_t In, int64_t Hidden, bool Relu, const RecurrentConfig &C,
      const std::string &Name)
      : Recurrent(1, In, Hidden, C, Name), Relu(Relu) {}
  std::string kind() const override { return Relu ? "rnn_relu" : "rnn_tanh"; }

protected:
  void runLayer(size_t K, const std::vector<Mat> &Xs,
                std::vector<Mat> &Hs) override;
  void backLayer(size_t K, const std::vector<Mat> &Xs,
                 const std::vector<Mat> &DHs, std::vector<Mat> &DXs) override;

private:
  bool Relu;
  /// Per layer and direction, per step: the output h (its derivative is a
  /// function of it: 1 - h^2 for tanh, [h > 0] for relu).
  std::vector<std::vector<Mat>> Caches;
};

} // namespace gradlint::probe

#endif // GRADLINT_RUNTIME_LAYERS_RNN_H
