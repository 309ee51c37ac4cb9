// RUN: %gradlint --dump-model %s -- -std=c++17 -I%api | FileCheck %s
// train(), eval(), train(false) as eval, the module's zero_grad, a TORCH_MODULE
// holder called as `model(x)`, and branches with one child per arm.
#include <torch/torch.h>

struct NetImpl : torch::nn::Module {
  NetImpl() { fc = register_module("fc", torch::nn::Linear(4, 1)); }
  torch::Tensor forward(torch::Tensor x) { return fc->forward(x); }
  torch::nn::Linear fc{nullptr};
};
TORCH_MODULE(Net);

void loop(Net model, torch::optim::Adam &opt, torch::Tensor x, bool validate) {
  for (int epoch = 0; epoch < 5; ++epoch) {
    model->train();
    model->zero_grad();
    auto out = model(x);
    out.mean().backward();
    opt.step();
    if (validate) {
      model->eval();
    } else {
      model->train(false);
    }
  }
}
// CHECK-LABEL: "trainings": [
// CHECK:       "model_name": "Net",
// CHECK-NEXT:  "op": "train",
// CHECK:       "var": "model"
// CHECK:       "model_name": "Net",
// CHECK-NEXT:  "op": "zero_grad",
// CHECK:       "var": "model"
// CHECK:       "model_name": "Net",
// CHECK-NEXT:  "op": "forward",
// CHECK:       "op": "backward",
// CHECK:       "op": "step",
// CHECK:       "model_name": "Net",
// CHECK-NEXT:  "op": "eval",
// CHECK:       "kind": "branch",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 19,
// CHECK:       "model_name": "Net",
// CHECK-NEXT:  "op": "eval",
// CHECK:       "kind": "branch",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 12,
// CHECK:       "kind": "branch",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 5,
// CHECK:       "kind": "loop",
// CHECK:       "name": "loop"
