// RUN: %gradlint --dump-model %s -- -std=c++17 -I%api | FileCheck %s
// Seed example 3: features concatenated along dim 1 keep one block each.
#include <torch/torch.h>

struct Net : torch::nn::Module {
  Net() { fc = register_module("fc", torch::nn::Linear(10, 1)); }
  torch::Tensor forward(torch::Tensor x) { return fc->forward(x); }
  torch::nn::Linear fc{nullptr};
};

int main() {
  auto model = std::make_shared<Net>();
  torch::optim::Adam optimizer(model->parameters(), torch::optim::AdamOptions(1e-3));
  auto X = torch::cat({torch::rand({100, 1}) * 1000, torch::rand({100, 9})}, 1);
  auto Y = torch::rand({100, 1});
  for (int epoch = 0; epoch < 100; ++epoch) {
    optimizer.zero_grad();
    auto loss = torch::mse_loss(model->forward(X), Y);
    loss.backward();
    optimizer.step();
  }
  return 0;
}
// CHECK-LABEL: "trainings": [
// CHECK:       "input": {
// CHECK-NEXT:    "blocks": [
// CHECK-NEXT:      {
// CHECK-NEXT:        "count": 1,
// CHECK-NEXT:        "hi": 1000,
// CHECK-NEXT:        "lo": 0
// CHECK-NEXT:      },
// CHECK-NEXT:      {
// CHECK-NEXT:        "count": 9,
// CHECK-NEXT:        "hi": 1,
// CHECK-NEXT:        "lo": 0
// CHECK-NEXT:      }
// CHECK-NEXT:    ],
// CHECK:         "features": 10,
// CHECK:         "normalized": false,
// CHECK-NEXT:    "rows": 100,
// CHECK-NEXT:    "var": "X"
// CHECK:       "op": "forward",
// CHECK:       "op": "loss",
// CHECK:       "name": "main"
