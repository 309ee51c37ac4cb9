//===- runtime/losses/PointwiseLoss.cpp - Elementwise losses --------------===//

#include "runtime/losses/PointwiseLoss.h"
#include "runtime/losses/ClassLoss.h"

#include <algorithm>
#include <cmath>

namespace gradlint::probe {

std::unique_ptr<Loss> makeLoss(ir::LossKind Kind) {
  switch (Kind) {
  case ir::LossKind::MSE:
  case ir::LossKind::L1:
  case ir::LossKind::SmoothL1:
  case ir::LossKind::Huber:
  case ir::LossKind::BCE:
  case ir::LossKind::BCEWithLogits:
    return std::make_unique<PointwiseLoss>(Kind);
  case ir::LossKind::CrossEntropy:
  case ir::LossKind::NLL:
    return std::make_unique<ClassLoss>(Kind);
  case ir::LossKind::KLDiv:
  case ir::LossKind::Unknown:
    return nullptr;
  }
  return nullptr;
}

static double sign(double D) { return D > 0 ? 1 : D < 0 ? -1 : 0; }

double PointwiseLoss::forward(const Mat &Out, const Mat &Target) {
  O = Out;
  T = Target;
  double Sum = 0;
  for (int64_t I = 0; I < O.size(); ++I) {
    double X = O.data()[I], Y = T.data()[I], D = X - Y;
    switch (Kind) {
    case ir::LossKind::MSE:
      Sum += D * D; // (x - y)^2
      break;
    case ir::LossKind::L1:
      Sum += std::abs(D); // |x - y|
      break;
    case ir::LossKind::SmoothL1: // beta = 1
    case ir::LossKind::Huber:    // delta = 1: the same function
      Sum += std::abs(D) < 1 ? 0.5 * D * D : std::abs(D) - 0.5;
      break;
    case ir::LossKind::BCE: // -(y log x + (1 - y) log(1 - x)), logs >= -100
      Sum -= Y * std::max(std::log(X), -100.0) +
             (1 - Y) * std::max(std::log(1 - X), -100.0);
      break;
    case ir::LossKind::BCEWithLogits: // max(x, 0) - x y + log(1 + e^-|x|)
      Sum += std::max(X, 0.0) - X * Y + std::log1p(std::exp(-std::abs(X)));
      break;
    default:
      break;
    }
  }
  return Sum / double(O.size());
}

void PointwiseLoss::backward(Mat &DOut) const {
  DOut.resize(O.rows(), O.cols());
  double N = double(O.size());
  for (int64_t I = 0; I < O.size(); ++I) {
    double X = O.data()[I], Y = T.data()[I], D = X - Y, G = 0;
    switch (Kind) {
    case ir::LossKind::MSE:
      G = 2 * D;
      break;
    case ir::LossKind::L1:
      G = sign(D);
      break;
    case ir::LossKind::SmoothL1:
    case ir::LossKind::Huber:
      G = std::abs(D) < 1 ? D : sign(D);
      break;
    case ir::LossKind::BCE: // (x - y) / max(x (1 - x), 1e-12)
      G = D / std::max(X * (1 - X), 1e-12);
      break;
    case ir::LossKind::BCEWithLogits: // sigmoid(x) - y
      G = 1 / (1 + std::exp(-X)) - Y;
      break;
    default:
      break;
    }
    DOut.data()[I] = float(G / N);
  }
}

} // namespace gradlint::probe
