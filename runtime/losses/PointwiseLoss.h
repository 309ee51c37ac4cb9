//===- runtime/losses/PointwiseLoss.h - Elementwise losses -----*- C++ -*-===//

#ifndef GRADLINT_RUNTIME_LOSSES_POINTWISELOSS_H
#define GRADLINT_RUNTIME_LOSSES_POINTWISELOSS_H

#include "runtime/losses/Loss.h"

namespace gradlint::probe {

/// mse, l1, smooth_l1 (beta 1), huber (delta 1), bce (log clamped at -100,
/// as LibTorch does) and bce_with_logits: the mean of an elementwise term.
class PointwiseLoss : public Loss {
public:
  explicit PointwiseLoss(ir::LossKind Kind) : Kind(Kind) {}
  std::string kind() const override { return std::string(ir::name(Kind)); }
  double forward(const Mat &Out, const Mat &Target) override;
  void backward(Mat &DOut) const override;

private:
  ir::LossKind Kind;
  Mat O, T;
};

} // namespace gradlint::probe

#endif // GRADLINT_RUNTIME_LOSSES_POINTWISELOSS_H
