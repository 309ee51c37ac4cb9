//===- runtime/layers/GRU.h - Gated recurrent unit -------------*- C++ -*-===//

#ifndef GRADLINT_RUNTIME_LAYERS_GRU_H
#define GRADLINT_RUNTIME_LAYERS_GRU_H

#include "runtime/layers/Recurrent.h"

namespace gradlint::probe {

/// torch::nn::GRU, gates [r, z, n]: r = sigmoid(x W_ir + b_ir + h W_hr +
/// b_hr), z likewise, n = tanh(x W_in + b_in + r (h W_hn + b_hn)),
/// h' = (1 - z) n + z h.
class GRU : public Recurrent {
public:
  GRU(int64_t In, int64_t Hidden, const RecurrentConfig &C,
      const std::string &Name)
      : Recurrent(3, In, Hidden, C, Name) {}
  std::string kind() const override { return "gru"; }

protected:
  void runLayer(size_t K, const std::vector<Mat> &Xs,
                std::vector<Mat> &Hs) override;
  void backLayer(size_t K, const std::vector<Mat> &Xs,
                 const std::vector<Mat> &DHs, std::vector<Mat> &DXs) override;

private:
  /// Per layer and direction, per step: r, z, n (N x 3H), h W_hn + b_hn, and the output.
  struct Cache {
    std::vector<Mat> Act, HN, H;
  };
  std::vector<Cache> Caches;
};

} // namespace gradlint::probe

#endif // GRADLINT_RUNTIME_LAYERS_GRU_H
