//===- runtime/losses/Loss.h - Losses with mean reduction ------*- C++ -*-===//

#ifndef GRADLINT_RUNTIME_LOSSES_LOSS_H
#define GRADLINT_RUNTIME_LOSSES_LOSS_H

#include "rules/ir/Model.h"
#include "runtime/Tensor.h"

#include <memory>

namespace gradlint::probe {

/// A loss with LibTorch's default reduction (mean). Targets are a matrix of
/// the output's shape, or N x 1 class indices for classIndices() losses.
class Loss {
public:
  virtual ~Loss() = default;
  virtual std::string kind() const = 0;
  /// The loss of \p Out against \p Target; caches what backward needs.
  virtual double forward(const Mat &Out, const Mat &Target) = 0;
  /// dLoss/dOut of the last forward.
  virtual void backward(Mat &DOut) const = 0;
  /// Targets are class indices (cross_entropy, nll) rather than values.
  virtual bool classIndices() const { return false; }
};

/// The loss for \p Kind, or nullptr when the probe cannot express it.
std::unique_ptr<Loss> makeLoss(ir::LossKind Kind);

} // namespace gradlint::probe

#endif // GRADLINT_RUNTIME_LOSSES_LOSS_H
