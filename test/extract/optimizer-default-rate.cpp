// RUN: %gradlint --dump-model %s -- -std=c++17 -I%api | FileCheck %s
// No rate at all: the documented default, marked as defaulted, located at
// the construction.
#include <torch/torch.h>

struct Net : torch::nn::Module {
  torch::Tensor forward(torch::Tensor x) { return x; }
};

void build(Net &net) {
  torch::optim::Adam adam(net.parameters());
  // CHECK-LABEL: "optimizers": [
  // CHECK:       "kind": "adam",
  // CHECK:       "lr": 0.001,
  // CHECK-NEXT:  "lr_defaulted": true,
  // CHECK-NEXT:  "lr_loc": {
  // CHECK-NEXT:    "column": 22,
  // CHECK-NEXT:    "file": "{{.*}}optimizer-default-rate.cpp",
  // CHECK-NEXT:    "line": [[@LINE-8]],
  // CHECK:       "model_name": "Net",
  // CHECK-NEXT:  "model_var": "net",
  torch::optim::AdamW adamw(net.parameters(), torch::optim::AdamWOptions().weight_decay(0.1));
  // CHECK:       "kind": "adamw",
  // CHECK:       "lr": 0.001,
  // CHECK-NEXT:  "lr_defaulted": true,
  // CHECK:       "weight_decay": 0.10000{{[0-9]*}}
  torch::optim::RMSprop rms(net.parameters());
  // CHECK:       "kind": "rmsprop",
  // CHECK:       "lr": 0.01,
  // CHECK-NEXT:  "lr_defaulted": true,
  torch::optim::Adagrad ada(net.parameters());
  // CHECK:       "kind": "adagrad",
  // CHECK:       "lr": 0.01,
  // CHECK-NEXT:  "lr_defaulted": true,
  torch::optim::LBFGS lbfgs(net.parameters());
  // CHECK:       "kind": "lbfgs",
  // CHECK:       "lr": 1,
  // CHECK-NEXT:  "lr_defaulted": true,
  // CHECK-LABEL: "trainings": [
}
