// RUN: %gradlint --dump-model %s -- -std=c++17 -I%api -I%S/Inputs | FileCheck %s
// The rate from a constexpr in a header's namespace; a local const; an
// unmodified local; arithmetic on them.
#include <torch/torch.h>
#include "hyper.h"

void build(torch::nn::Linear &fc) {
  torch::optim::Adam a(fc->parameters(), torch::optim::AdamOptions(config::LearningRate));
  // CHECK-LABEL: "optimizers": [
  // CHECK:       "lr": 1e-10,
  // CHECK-NEXT:  "lr_defaulted": false,
  // CHECK-NEXT:  "lr_loc": {
  // CHECK-NEXT:    "column": 68,
  // CHECK-NEXT:    "file": "{{.*}}optimizer-const-header.cpp",
  // CHECK-NEXT:    "line": [[@LINE-7]],
  const double base = 0.1;
  double scaled = base / 1000;
  torch::optim::SGD s(fc->parameters(),
                      torch::optim::SGDOptions(scaled).momentum(config::Momentum));
  // CHECK:       "kind": "sgd",
  // CHECK:       "lr": 0.0001{{0*[0-9]*}},
  // CHECK:       "momentum": 0.5,
  double mutated = 0.1;
  mutated = 5;
  torch::optim::SGD u(fc->parameters(), torch::optim::SGDOptions(mutated));
  // CHECK:       "kind": "sgd",
  // CHECK:       "lr": null,
  // CHECK-LABEL: "trainings": [
}
