// RUN: %gradlint --dump-model %s -- -std=c++17 -I%api | FileCheck %s
// A model whose chain starts with batch norm normalises its own input.
#include <torch/torch.h>

void train() {
  torch::nn::Sequential net(torch::nn::BatchNorm1d(10), torch::nn::Linear(10, 1));
  torch::optim::SGD opt(net->parameters(), 0.1);
  auto X = torch::rand({100, 10}) * 1000;
  torch::mse_loss(net->forward(X), torch::rand({100, 1})).backward();
  opt.step();
}
// CHECK-LABEL: "trainings": [
// CHECK:       "input": {
// CHECK-NEXT:    "blocks": [],
// CHECK:         "features": 10,
// CHECK:         "normalized": true,
// CHECK-NEXT:    "rows": 100,
// CHECK-NEXT:    "var": "X"
// CHECK:       "model_name": "train::net",
// CHECK-NEXT:  "op": "forward",
