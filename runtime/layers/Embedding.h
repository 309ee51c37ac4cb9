//===- runtime/layers/Embedding.h - Token lookup ---------------*- C++ -*-===//

#ifndef GRADLINT_RUNTIME_LAYERS_EMBEDDING_H
#define GRADLINT_RUNTIME_LAYERS_EMBEDDING_H

#include "runtime/layers/Layer.h"

namespace gradlint::probe {

/// torch::nn::Embedding (no padding_idx, no max_norm): weight Vocab x Dim;
/// a sample of L token ids (the values of a flat input) becomes the
/// sequence (L, Dim). The ids get no gradient.
class Embedding : public Layer {
public:
  Embedding(int64_t Vocab, int64_t Dim, const std::string &Name);
  std::string kind() const override { return "embedding"; }
  Shape outShape(const Shape &In) const override {
    return Shape{In.size(), 1, Dim, 1};
  }
  void forward(const Mat &X, Mat &Y, bool Training, std::mt19937 &Rng) override;
  void backward(const Mat &DY, Mat &DX) override;
  std::vector<Param *> params() override { return {&Weight}; }
  int64_t multiplyAdds(const Shape &In) const override { return In.size() * Dim; }

  /// Whether every value of \p X is a token id in [0, Vocab).
  bool validIds(const Mat &X) const;

  Param Weight;

private:
  int64_t Vocab, Dim;
  Eigen::Matrix<int64_t, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> Ids;
};

} // namespace gradlint::probe

#endif // GRADLINT_RUNTIME_LAYERS_EMBEDDING_H
