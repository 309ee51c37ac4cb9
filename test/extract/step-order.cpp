// RUN: %gradlint --dump-model %s -- -std=c++17 -I%api | FileCheck %s
// A training function's calls in source order, inside its loop node: the
// operands of a call come before the call (forward before loss).
#include <torch/torch.h>

struct Net : torch::nn::Module {
  Net() { fc = register_module("fc", torch::nn::Linear(4, 1)); }
  torch::Tensor forward(torch::Tensor x) { return fc->forward(x); }
  torch::nn::Linear fc{nullptr};
};

void fit(std::shared_ptr<Net> model, torch::Tensor x, torch::Tensor y) {
  torch::optim::SGD opt(model->parameters(), 0.1);
  for (int epoch = 0; epoch < 10; ++epoch) {
    opt.zero_grad();
    auto loss = torch::mse_loss(model->forward(x), y);
    loss.backward();
    torch::nn::utils::clip_grad_norm_(model->parameters(), 1.0);
    opt.step();
  }
}
// CHECK-LABEL: "trainings": [
// CHECK:       "op": "optimizer",
// CHECK-NEXT:  "optimizer_index": 0,
// CHECK:       "op": "zero_grad",
// CHECK:       "var": "opt"
// CHECK:       "line": 16,
// CHECK:       "model_name": "Net",
// CHECK-NEXT:  "op": "forward",
// CHECK:       "var": "model"
// CHECK:       "line": 16,
// CHECK:       "loss": "mse",
// CHECK-NEXT:  "model_name": "Net",
// CHECK-NEXT:  "op": "loss",
// CHECK:       "var": "model"
// CHECK:       "op": "backward",
// CHECK:       "var": "loss"
// CHECK:       "op": "clip_grad",
// CHECK:       "op": "step",
// CHECK:       "var": "opt"
// CHECK:       "kind": "loop",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 3,
// CHECK-NEXT:    "file": "{{.*}}step-order.cpp",
// CHECK-NEXT:    "line": 14,
// CHECK:       "name": "fit"

// LBFGS: the closure's calls run inside step(), before it.
void fitLbfgs(torch::nn::Sequential &net, torch::Tensor x, torch::Tensor y) {
  torch::optim::LBFGS opt(net->parameters(), torch::optim::LBFGSOptions(1));
  opt.step([&] {
    opt.zero_grad();
    auto loss = torch::mse_loss(net->forward(x), y);
    loss.backward();
    return loss;
  });
}
// CHECK:       "op": "optimizer",
// CHECK:       "op": "zero_grad",
// CHECK:       "op": "forward",
// CHECK:       "op": "loss",
// CHECK:       "op": "backward",
// CHECK:       "op": "step",
// CHECK:       "name": "fitLbfgs"

// Not a training function: no backward, no step.
void evaluate(torch::nn::Sequential &net, torch::Tensor x) { net->forward(x); }
// CHECK-NOT:   "name": "evaluate"
