//===- runtime/Tensor.h - Matrices, shapes and parameters ------*- C++ -*-===//
//
// The probe's data layout: a batch is a row-major matrix with one sample per
// row and the features of a sample in LibTorch's contiguous order (C, H, W),
// so flatten/view is the identity and weights copy from torch byte for byte.
//
//===----------------------------------------------------------------------===//

#ifndef GRADLINT_RUNTIME_TENSOR_H
#define GRADLINT_RUNTIME_TENSOR_H

#include <Eigen/Core>

#include <cstdint>
#include <string>

namespace gradlint::probe {

/// float32 like the frameworks; row-major like torch's contiguous tensors.
using Mat =
    Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

/// The shape of one sample: C channels of H x W (H = 1 for 1-d signals,
/// H = W = 1 for flat features).
struct Shape {
  int64_t C = 0;
  int64_t H = 1;
  int64_t W = 1;
  /// 0 flat features, 1 (C, L) signals, 2 (C, H, W) images.
  int Dims = 0;

  int64_t size() const { return C * H * W; }
  static Shape flat(int64_t N) { return Shape{N, 1, 1, 0}; }
};

/// A trainable tensor with its gradient, in torch's memory order.
struct Param {
  /// "fc1.weight", "fc1.bias".
  std::string Name;
  Mat Value;
  Mat Grad;
  /// A weight (as opposed to a bias or a norm's shift).
  bool IsWeight = true;
  int64_t FanIn = 0;
  int64_t FanOut = 0;

  int64_t size() const { return Value.size(); }
};

} // namespace gradlint::probe

#endif // GRADLINT_RUNTIME_TENSOR_H
