// RUN: %gradlint --dump-model %s -- -std=c++17 -I%api | FileCheck %s
// Hand-written gradient descent, as in "linear regression from scratch"
// tutorials: the update that reads the gradient of the tensor it writes is
// the step, and clearing `.grad()` is the zero_grad.
#include <torch/torch.h>

void fit_by_hand(const torch::Tensor &x, const torch::Tensor &y) {
  auto w = torch::randn({3, 1}, torch::requires_grad());
  auto b = torch::zeros({1}, torch::requires_grad());
  const double lr = 0.01;
  for (int epoch = 0; epoch < 100; ++epoch) {
    auto loss = torch::mse_loss(torch::matmul(x, w) + b, y);
    loss.backward();
    {
      torch::NoGradGuard no_grad;
      w -= lr * w.grad();
      b.sub_(lr * b.grad());
      w.grad().zero_();
      b.mutable_grad().zero_();
    }
  }
}

void fit_params(std::vector<torch::Tensor> params, const torch::Tensor &x,
                const torch::Tensor &y) {
  for (int epoch = 0; epoch < 100; ++epoch) {
    auto loss = (torch::matmul(x, params[0]) - y).pow(2).mean();
    loss.backward();
    for (auto &p : params) {
      p.data() = p.data() - 0.01 * p.grad();
      p.grad().data().zero_();
    }
  }
}

// Not updates: a gradient-norm sum for the log writes another tensor.
void log_norms(std::vector<torch::Tensor> params, torch::Tensor loss) {
  for (int i = 0; i < 10; ++i) {
    loss.backward();
    auto total = torch::zeros({});
    for (auto &p : params)
      total += p.grad().norm();
  }
}

// CHECK-LABEL: "trainings": [
// CHECK:       "op": "backward",
// CHECK:       "op": "step",
// CHECK:       "var": "w"
// CHECK:       "op": "step",
// CHECK:       "var": "b"
// CHECK:       "op": "zero_grad",
// CHECK:       "op": "zero_grad",
// CHECK:       "name": "fit_by_hand"
// CHECK:       "op": "backward",
// CHECK:       "op": "step",
// CHECK:       "var": "p"
// CHECK:       "op": "zero_grad",
// CHECK:       "name": "fit_params"
// CHECK-NOT:   "op": "step",
// CHECK-NOT:   "op": "zero_grad",
// CHECK:       "name": "log_norms"
