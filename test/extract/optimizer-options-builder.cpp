// RUN: %gradlint --dump-model %s -- -std=c++17 -I%api | FileCheck %s
// Options builders: the rate as the options' argument or its lr() setter,
// and momentum, nesterov, weight decay, betas and eps from the chain.
#include <torch/torch.h>

struct Net : torch::nn::Module {
  Net() { fc = register_module("fc", torch::nn::Linear(10, 1)); }
  torch::Tensor forward(torch::Tensor x) { return fc->forward(x); }
  torch::nn::Linear fc{nullptr};
};

void build() {
  auto model = std::make_shared<Net>();
  torch::optim::Adam adam(model->parameters(),
                          torch::optim::AdamOptions(1e-10).betas({0.8, 0.99}).eps(1e-6));
  // CHECK-LABEL: "optimizers": [
  // CHECK:       "beta1": 0.80000{{[0-9]*}},
  // CHECK-NEXT:  "beta2": 0.98999{{[0-9]*}},
  // CHECK-NEXT:  "eps": 9.9999{{[0-9]*}}e-07,
  // CHECK-NEXT:  "function": "build",
  // CHECK-NEXT:  "in_loop": false,
  // CHECK-NEXT:  "kind": "adam",
  // CHECK:       "loc": {
  // CHECK-NEXT:    "column": 3,
  // CHECK-NEXT:    "file": "{{.*}}optimizer-options-builder.cpp",
  // CHECK-NEXT:    "line": [[@LINE-12]],
  // CHECK:       "lr": 1e-10,
  // CHECK-NEXT:  "lr_defaulted": false,
  // CHECK-NEXT:  "lr_loc": {
  // CHECK-NEXT:    "column": 53,
  // CHECK-NEXT:    "file": "{{.*}}optimizer-options-builder.cpp",
  // CHECK-NEXT:    "line": [[@LINE-17]],
  // CHECK:       "model_name": "Net",
  // CHECK-NEXT:  "model_var": "model",
  // CHECK-NEXT:  "momentum": null,
  // CHECK-NEXT:  "nesterov": null,
  // CHECK-NEXT:  "var": "adam",
  // CHECK-NEXT:  "weight_decay": null

  auto sgd = torch::optim::SGD(
      model->parameters(),
      torch::optim::SGDOptions(0.1).momentum(0.9).nesterov(true).weight_decay(5e-4));
  // CHECK:       "kind": "sgd",
  // CHECK:       "lr": 0.10000{{[0-9]*}},
  // CHECK-NEXT:  "lr_defaulted": false,
  // CHECK:       "model_name": "Net",
  // CHECK-NEXT:  "model_var": "model",
  // CHECK-NEXT:  "momentum": 0.90000{{[0-9]*}},
  // CHECK-NEXT:  "nesterov": true,
  // CHECK-NEXT:  "var": "sgd",
  // CHECK-NEXT:  "weight_decay": 0.00050000{{[0-9]*}}

  // The setter wins over the default of an empty options object.
  torch::optim::AdamW adamw(model->parameters(), torch::optim::AdamWOptions().lr(3e-4));
  // CHECK:       "kind": "adamw",
  // CHECK:       "lr": 0.00029999{{[0-9]*}},
  // CHECK-NEXT:  "lr_defaulted": false,
  // CHECK-NEXT:  "lr_loc": {
  // CHECK-NEXT:    "column": 82,
  // CHECK:       "var": "adamw",

  // Behind std::make_unique and new.
  auto owned = std::make_unique<torch::optim::RMSprop>(
      model->parameters(), torch::optim::RMSpropOptions(0.05));
  // CHECK:       "kind": "rmsprop",
  // CHECK:       "lr": 0.05000{{[0-9]*}},
  // CHECK:       "var": "owned",
  torch::optim::Adagrad *raw =
      new torch::optim::Adagrad(model->parameters(), torch::optim::AdagradOptions(0.2));
  // CHECK:       "kind": "adagrad",
  // CHECK:       "lr": 0.20000{{[0-9]*}},
  // CHECK:       "var": "raw",
  // CHECK-LABEL: "trainings": [
  delete raw;
}
