//===- runtime/Network.h - A chain of probe layers -------------*- C++ -*-===//

#ifndef GRADLINT_RUNTIME_NETWORK_H
#define GRADLINT_RUNTIME_NETWORK_H

#include "rules/ir/Model.h"
#include "runtime/layers/Layer.h"

#include <memory>
#include <random>
#include <vector>

namespace gradlint::probe {

/// The layers of one model in order, with the activations that flowed
/// through them in the last forward pass and the gradients of the last
/// backward pass, kept for measurement.
class Network {
public:
  struct Entry {
    std::unique_ptr<Layer> L;
    ir::LayerKind Kind = ir::LayerKind::Unknown;
    ir::ActivationKind Act = ir::ActivationKind::Unknown;
    /// The IR layer's name, for parameter names and init matching.
    std::string Name;
    Shape In, Out;
    /// Applied at the loss call site rather than in the model.
    bool CallSite = false;
    /// A residual join: the index in Acts of the skipped input added to
    /// this layer's output; -1 otherwise.
    int SkipFrom = -1;
  };

  /// Appends \p L, which maps samples of shape \p In.
  void add(std::unique_ptr<Layer> L, ir::LayerKind Kind, ir::ActivationKind Act,
           const std::string &Name, const Shape &In, bool CallSite = false);

  /// The output for a batch; Acts[I] is the input of layer I afterwards.
  const Mat &forward(const Mat &X, bool Training, std::mt19937 &Rng);
  /// Backpropagates dLoss/dOutput; Grads[I] is dLoss/d(input of layer I)
  /// afterwards (Grads[size()] the output's). Parameter gradients add up.
  void backward(const Mat &DOut);

  std::vector<Param *> params();
  void zeroGrad();
  int64_t parameterCount();
  /// Multiply-adds of one forward pass of one sample.
  int64_t multiplyAdds() const;

  Shape inputShape() const { return Input; }
  Shape outputShape() const { return Layers.empty() ? Input : Layers.back().Out; }

  std::vector<Entry> Layers;
  std::vector<Mat> Acts;
  std::vector<Mat> Grads;
  Shape Input;
};

} // namespace gradlint::probe

#endif // GRADLINT_RUNTIME_NETWORK_H
