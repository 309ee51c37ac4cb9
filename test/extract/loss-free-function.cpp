// RUN: %gradlint --dump-model %s -- -std=c++17 -I%api | FileCheck %s
// Loss functions as free functions under torch:: and F::, each with the
// model whose output feeds it and the target's data.
#include <torch/torch.h>

namespace F = torch::nn::functional;

struct Net : torch::nn::Module {
  Net() { fc = register_module("fc", torch::nn::Linear(4, 3)); }
  torch::Tensor forward(torch::Tensor x) { return fc->forward(x); }
  torch::nn::Linear fc{nullptr};
};

void train(Net &net, torch::optim::Adam &opt, torch::Tensor x) {
  auto labels = torch::randint(0, 3, {16});
  auto out = net.forward(x);
  auto l1 = torch::mse_loss(out, torch::ones({16, 3}));
  auto l2 = F::cross_entropy(out, labels);
  auto l3 = torch::nn::functional::binary_cross_entropy_with_logits(out, torch::rand({16, 3}));
  auto l4 = torch::smooth_l1_loss(out, torch::zeros({16, 3}));
  auto l5 = torch::kl_div(out, torch::rand({16, 3}));
  (l1 + l2 + l3 + l4 + l5).backward();
  opt.step();
}
// CHECK-LABEL: "trainings": [
// CHECK:       "model_name": "Net",
// CHECK-NEXT:  "op": "forward",
// CHECK:       "var": "net"
// CHECK:       "loss": "mse",
// CHECK-NEXT:  "model_name": "Net",
// CHECK-NEXT:  "op": "loss",
// CHECK-NEXT:  "optimizer_index": -1,
// CHECK-NEXT:  "target": {
// CHECK-NEXT:    "blocks": [
// CHECK-NEXT:      {
// CHECK-NEXT:        "count": 3,
// CHECK-NEXT:        "hi": 1,
// CHECK-NEXT:        "lo": 1
// CHECK:         "features": 3,
// CHECK:         "rows": 16,
// CHECK:       "var": "net"
// CHECK:       "loss": "cross_entropy",
// CHECK-NEXT:  "model_name": "Net",
// CHECK-NEXT:  "op": "loss",
// CHECK-NEXT:  "optimizer_index": -1,
// CHECK-NEXT:  "target": {
// CHECK-NEXT:    "blocks": [
// CHECK-NEXT:      {
// CHECK-NEXT:        "count": 1,
// CHECK-NEXT:        "hi": 2,
// CHECK-NEXT:        "lo": 0
// CHECK:         "var": "labels"
// CHECK:       "loss": "bce_with_logits",
// CHECK:       "loss": "smooth_l1",
// CHECK:       "loss": "kl_div",
// CHECK:       "op": "backward",
// CHECK:       "op": "step",
// CHECK:       "name": "train"
