// RUN: %gradlint --dump-model %s -- -std=c++17 -I%api | FileCheck %s
// A plain double as the options argument (AdamOptions converts implicitly);
// the rate's location is the literal.
#include <torch/torch.h>

void build() {
  auto net = torch::nn::Sequential(torch::nn::Linear(4, 1));
  torch::optim::Adam opt(net->parameters(), 1e-10);
  // CHECK-LABEL: "optimizers": [
  // CHECK:       "kind": "adam",
  // CHECK:       "lr": 1e-10,
  // CHECK-NEXT:  "lr_defaulted": false,
  // CHECK-NEXT:  "lr_loc": {
  // CHECK-NEXT:    "column": 45,
  // CHECK-NEXT:    "file": "{{.*}}optimizer-plain-double.cpp",
  // CHECK-NEXT:    "line": [[@LINE-8]],
  // CHECK:       "model_name": "build::net",
  // CHECK-NEXT:  "model_var": "net",
  // CHECK:       "var": "opt",
  auto sgd = torch::optim::SGD(net->parameters(), /*lr=*/0.01);
  // CHECK:       "kind": "sgd",
  // CHECK:       "lr": 0.01,
  // CHECK:       "var": "sgd",
  // CHECK-LABEL: "trainings": [
}
