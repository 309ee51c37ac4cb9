//===- runtime/activations/Pointwise.cpp - Elementwise activations --------===//

#include "runtime/activations/Pointwise.h"
#include "runtime/activations/Softmax.h"

#include <cmath>

namespace gradlint::probe {

std::unique_ptr<Activation> makeActivation(ir::ActivationKind Kind,
                                           std::optional<double> Param) {
  switch (Kind) {
  case ir::ActivationKind::Softmax:
    return std::make_unique<Softmax>(false);
  case ir::ActivationKind::LogSoftmax:
    return std::make_unique<Softmax>(true);
  case ir::ActivationKind::LeakyReLU:
    return std::make_unique<Pointwise>(Kind, Param.value_or(0.01));
  case ir::ActivationKind::ELU:
  case ir::ActivationKind::Softplus:
    return std::make_unique<Pointwise>(Kind, Param.value_or(1.0));
  case ir::ActivationKind::Sigmoid:
  case ir::ActivationKind::Tanh:
  case ir::ActivationKind::ReLU:
  case ir::ActivationKind::GELU:
  case ir::ActivationKind::SiLU:
  case ir::ActivationKind::Hardtanh:
  case ir::ActivationKind::ReLU6:
  case ir::ActivationKind::Identity:
    return std::make_unique<Pointwise>(Kind, 0.0);
  case ir::ActivationKind::Unknown:
    return nullptr;
  }
  return nullptr;
}

Pointwise::Pointwise(ir::ActivationKind Kind, double Param)
    : Activation(Kind), P(float(Param)) {}

static float sigmoid(float X) { return 1.0f / (1.0f + std::exp(-X)); }

float Pointwise::value(float X) const {
  switch (Kind) {
  case ir::ActivationKind::Sigmoid:
    return sigmoid(X);
  case ir::ActivationKind::Tanh:
    return std::tanh(X);
  case ir::ActivationKind::ReLU:
    return X > 0 ? X : 0.0f;
  case ir::ActivationKind::LeakyReLU:
    return X > 0 ? X : P * X;
  case ir::ActivationKind::ELU:
    return X > 0 ? X : P * std::expm1(X); // alpha (e^x - 1)
  case ir::ActivationKind::GELU:
    return 0.5f * X * (1.0f + std::erf(X * float(M_SQRT1_2)));
  case ir::ActivationKind::SiLU:
    return X * sigmoid(X);
  case ir::ActivationKind::Softplus:
    return P * X > 20 ? X : std::log1p(std::exp(P * X)) / P; // log(1 + e^{bx}) / b
  case ir::ActivationKind::Hardtanh:
    return std::min(1.0f, std::max(-1.0f, X));
  case ir::ActivationKind::ReLU6:
    return std::min(6.0f, std::max(0.0f, X));
  case ir::ActivationKind::Identity:
  case ir::ActivationKind::Softmax:
  case ir::ActivationKind::LogSoftmax:
  case ir::ActivationKind::Unknown:
    return X;
  }
  return X;
}

float Pointwise::derivative(float X) const {
  switch (Kind) {
  case ir::ActivationKind::Sigmoid: {
    float S = sigmoid(X);
    return S * (1 - S); // s (1 - s)
  }
  case ir::ActivationKind::Tanh: {
    float T = std::tanh(X);
    return 1 - T * T; // 1 - t^2
  }
  case ir::ActivationKind::ReLU:
    return X > 0 ? 1.0f : 0.0f;
  case ir::ActivationKind::LeakyReLU:
    return X > 0 ? 1.0f : P;
  case ir::ActivationKind::ELU:
    return X > 0 ? 1.0f : P * std::exp(X);
  case ir::ActivationKind::GELU: // Phi(x) + x phi(x)
    return 0.5f * (1.0f + std::erf(X * float(M_SQRT1_2))) +
           X * std::exp(-0.5f * X * X) * float(0.5 * M_2_SQRTPI * M_SQRT1_2);
  case ir::ActivationKind::SiLU: {
    float S = sigmoid(X);
    return S * (1 + X * (1 - S)); // s (1 + x (1 - s))
  }
  case ir::ActivationKind::Softplus:
    return P * X > 20 ? 1.0f : sigmoid(P * X);
  case ir::ActivationKind::Hardtanh:
    return X > -1 && X < 1 ? 1.0f : 0.0f;
  case ir::ActivationKind::ReLU6:
    return X > 0 && X < 6 ? 1.0f : 0.0f;
  case ir::ActivationKind::Identity:
  case ir::ActivationKind::Softmax:
  case ir::ActivationKind::LogSoftmax:
  case ir::ActivationKind::Unknown:
    return 1.0f;
  }
  return 1.0f;
}

void Pointwise::forward(const Mat &Xin, Mat &Y, bool, std::mt19937 &) {
  X = Xin;
  Y.resize(X.rows(), X.cols());
  for (int64_t I = 0; I < X.size(); ++I)
    Y.data()[I] = value(X.data()[I]);
}

void Pointwise::backward(const Mat &DY, Mat &DX) {
  DX.resize(DY.rows(), DY.cols());
  for (int64_t I = 0; I < DY.size(); ++I)
    DX.data()[I] = DY.data()[I] * derivative(X.data()[I]); // dx = dy f'(x)
}

} // namespace gradlint::probe
