// RUN: %gradlint --dump-model %s -- -std=c++17 -I%api | FileCheck %s
// An optimizer constructed inside a loop body; the parameters of a
// submodule belong to the model that owns it.
#include <torch/torch.h>

struct Net : torch::nn::Module {
  Net() { fc = register_module("fc", torch::nn::Linear(4, 1)); }
  torch::Tensor forward(torch::Tensor x) { return fc->forward(x); }
  torch::nn::Linear fc{nullptr};
};

void train(std::shared_ptr<Net> model, torch::Tensor x, torch::Tensor y) {
  for (int epoch = 0; epoch < 10; ++epoch) {
    torch::optim::SGD opt(model->fc->parameters(), 0.01);
    opt.zero_grad();
    torch::mse_loss(model->forward(x), y).backward();
    opt.step();
  }
}
// CHECK-LABEL: "optimizers": [
// CHECK:       "in_loop": true,
// CHECK-NEXT:  "kind": "sgd",
// CHECK:       "loop_loc": {
// CHECK-NEXT:    "column": 3,
// CHECK-NEXT:    "file": "{{.*}}optimizer-in-loop.cpp",
// CHECK-NEXT:    "line": 13,
// CHECK:       "model_name": "Net",
// CHECK-NEXT:  "model_var": "model",
// CHECK:       "var": "opt",
// CHECK-LABEL: "trainings": [
// CHECK:       "op": "optimizer",
// CHECK-NEXT:  "optimizer_index": 0,
// CHECK:       "op": "zero_grad",
// CHECK:       "kind": "loop",
