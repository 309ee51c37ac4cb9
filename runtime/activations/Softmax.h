//===- runtime/activations/Softmax.h - softmax / log_softmax ---*- C++ -*-===//

#ifndef GRADLINT_RUNTIME_ACTIVATIONS_SOFTMAX_H
#define GRADLINT_RUNTIME_ACTIVATIONS_SOFTMAX_H

#include "runtime/activations/Activation.h"

namespace gradlint::probe {

/// softmax or log_softmax over the features of each sample (dim = 1).
class Softmax : public Activation {
public:
  explicit Softmax(bool Log)
      : Activation(Log ? ir::ActivationKind::LogSoftmax
                       : ir::ActivationKind::Softmax),
        Log(Log) {}
  void forward(const Mat &X, Mat &Y, bool Training, std::mt19937 &Rng) override;
  void backward(const Mat &DY, Mat &DX) override;

private:
  bool Log;
  Mat Y; ///< cached output
};

} // namespace gradlint::probe

#endif // GRADLINT_RUNTIME_ACTIVATIONS_SOFTMAX_H
