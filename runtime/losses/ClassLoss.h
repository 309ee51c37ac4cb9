//===- runtime/losses/ClassLoss.h - cross_entropy and nll ------*- C++ -*-===//

#ifndef GRADLINT_RUNTIME_LOSSES_CLASSLOSS_H
#define GRADLINT_RUNTIME_LOSSES_CLASSLOSS_H

#include "runtime/losses/Loss.h"

namespace gradlint::probe {

/// cross_entropy (log_softmax + nll) and nll over class indices, mean over
/// the batch.
class ClassLoss : public Loss {
public:
  explicit ClassLoss(ir::LossKind Kind) : Kind(Kind) {}
  std::string kind() const override { return std::string(ir::name(Kind)); }
  double forward(const Mat &Out, const Mat &Target) override;
  void backward(Mat &DOut) const override;
  bool classIndices() const override { return true; }

private:
  ir::LossKind Kind;
  Mat P; ///< softmax of the output (cross_entropy)
  std::vector<int64_t> Class;
  int64_t Cols = 0;
};

} // namespace gradlint::probe

#endif // GRADLINT_RUNTIME_LOSSES_CLASSLOSS_H
