// RUN: %gradlint --dump-model %s -- -std=c++17 -I%api | FileCheck %s
// Loss modules called as `criterion(out, y)` and `criterion->forward(out, y)`;
// a loss module is never mistaken for the model.
#include <torch/torch.h>

void train(torch::nn::Sequential &net, torch::optim::SGD &opt, torch::Tensor x,
           torch::Tensor y) {
  torch::nn::CrossEntropyLoss criterion;
  torch::nn::MSELoss mse(torch::nn::MSELossOptions().reduction(torch::kSum));
  torch::nn::BCEWithLogitsLoss bce;
  auto out = net->forward(x);
  auto a = criterion(out, y);
  auto b = mse->forward(out, y);
  auto c = bce(out, y);
  (a + b + c).backward();
  opt.step();
}
// CHECK-LABEL: "trainings": [
// CHECK:       "model_name": "train::net",
// CHECK-NEXT:  "op": "forward",
// CHECK:       "loss": "cross_entropy",
// CHECK-NEXT:  "model_name": "train::net",
// CHECK-NEXT:  "op": "loss",
// CHECK:       "var": "net"
// CHECK:       "loss": "mse",
// CHECK-NEXT:  "model_name": "train::net",
// CHECK-NEXT:  "op": "loss",
// CHECK:       "loss": "bce_with_logits",
// CHECK-NEXT:  "model_name": "train::net",
// CHECK-NEXT:  "op": "loss",
// CHECK:       "op": "backward",
// CHECK:       "op": "step",
