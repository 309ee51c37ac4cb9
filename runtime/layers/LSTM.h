//===- runtime/layers/LSTM.h - Long short-term memory ----------*- C++ -*-===//

#ifndef GRADLINT_RUNTIME_LAYERS_LSTM_H
#define GRADLINT_RUNTIME_LAYERS_LSTM_H

#include "runtime/layers/Recurrent.h"

namespace gradlint::probe {

/// torch::nn::LSTM: gates [i, f, g, o] = x W_ih^T + b_ih + h W_hh^T + b_hh;
/// c' = sigmoid(f) c + sigmoid(i) tanh(g), h' = sigmoid(o) tanh(c').
class LSTM : public Recurrent {
public:
  LSTM(int64_t In, int64_t Hidden, const RecurrentConfig &C,
       const std::string &Name)
      : Recurrent(4, In, Hidden, C, Name) {}
  std::string kind() const override { return "lstm"; }

protected:
  void runLayer(size_t K, const std::vector<Mat> &Xs,
                std::vector<Mat> &Hs) override;
  void backLayer(size_t K, const std::vector<Mat> &Xs,
                 const std::vector<Mat> &DHs, std::vector<Mat> &DXs) override;

private:
  /// Per layer and direction, per step: the activated gates (N x 4H), the cell state
  /// and the output.
  struct Cache {
    std::vector<Mat> Act, C, H;
  };
  std::vector<Cache> Caches;
};

} // namespace gradlint::probe

#endif // GRADLINT_RUNTIME_LAYERS_LSTM_H
