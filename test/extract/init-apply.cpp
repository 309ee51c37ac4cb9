// RUN: %gradlint --dump-model %s -- -std=c++17 -I%api | FileCheck %s
// model->apply(fn): a free function and lambdas selecting layers by
// as<Linear>(), dynamic_cast and typeid.
#include <torch/torch.h>
#include <typeinfo>

struct Net : torch::nn::Module {
  Net() {
    conv = register_module("conv", torch::nn::Conv2d(1, 4, 3));
    fc = register_module("fc", torch::nn::Linear(4, 2));
  }
  torch::Tensor forward(torch::Tensor x) { return fc(torch::relu(conv(x)).mean({2, 3})); }
  torch::nn::Conv2d conv{nullptr};
  torch::nn::Linear fc{nullptr};
};

void init_weights(torch::nn::Module &m) {
  if (auto *lin = m.as<torch::nn::Linear>()) {
    torch::nn::init::kaiming_uniform_(lin->weight);
    torch::nn::init::zeros_(lin->bias);
  }
}

int main() {
  auto model = std::make_shared<Net>();
  model->apply(init_weights);
  model->apply([](torch::nn::Module &m) {
    if (auto *conv = dynamic_cast<torch::nn::Conv2dImpl *>(&m))
      torch::nn::init::normal_(conv->weight, 0.0, 0.05);
  });
  model->apply([](torch::nn::Module &m) {
    if (typeid(m) == typeid(torch::nn::LinearImpl)) {
      auto *lin = dynamic_cast<torch::nn::LinearImpl *>(&m);
      torch::nn::init::constant_(lin->bias, 0.1);
    }
  });
}

// --- generated checks ---
// CHECK:       "chain": [
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": 1,
// CHECK-NEXT:  "kernel": 3,
// CHECK:       "kind": "conv2d",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 36,
// CHECK-NEXT:    "file": "{{.*}}init-apply.cpp",
// CHECK-NEXT:    "line": [[@LINE-40]],
// CHECK:       "name": "conv",
// CHECK-NEXT:  "out": 4,
// CHECK:       "padding": 0,
// CHECK:       "stride": 1
// CHECK-NOT:   "kind"
// CHECK:       "act": "relu",
// CHECK:       "form": "function",
// CHECK:       "in": null,
// CHECK:       "kind": "activation",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 54,
// CHECK-NEXT:    "file": "{{.*}}init-apply.cpp",
// CHECK-NEXT:    "line": [[@LINE-50]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       "in": null,
// CHECK:       "kind": "unknown",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 54,
// CHECK-NEXT:    "file": "{{.*}}init-apply.cpp",
// CHECK-NEXT:    "line": [[@LINE-59]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": 4,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 32,
// CHECK-NEXT:    "file": "{{.*}}init-apply.cpp",
// CHECK-NEXT:    "line": [[@LINE-71]],
// CHECK:       "name": "fc",
// CHECK-NEXT:  "out": 2,
// CHECK-NOT:   "kind"
// CHECK:       "chain_known": true,
// CHECK:       "inits": [
// CHECK-NOT:   "scheme"
// CHECK:       "a": null,
// CHECK-NEXT:  "b": null,
// CHECK-NEXT:  "dead": false,
// CHECK-NEXT:  "gain": 0,
// CHECK-NEXT:  "kind_filter": "linear",
// CHECK-NEXT:  "layer": "",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 5,
// CHECK-NEXT:    "file": "{{.*}}init-apply.cpp",
// CHECK-NEXT:    "line": [[@LINE-78]],
// CHECK:       "name_contains": "",
// CHECK-NEXT:  "role": "weight",
// CHECK-NEXT:  "scheme": "kaiming_uniform"
// CHECK-NOT:   "scheme"
// CHECK:       "a": 0,
// CHECK-NEXT:  "b": null,
// CHECK-NEXT:  "dead": false,
// CHECK-NEXT:  "gain": null,
// CHECK-NEXT:  "kind_filter": "linear",
// CHECK-NEXT:  "layer": "",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 5,
// CHECK-NEXT:    "file": "{{.*}}init-apply.cpp",
// CHECK-NEXT:    "line": [[@LINE-91]],
// CHECK:       "name_contains": "",
// CHECK-NEXT:  "role": "bias",
// CHECK-NEXT:  "scheme": "zeros"
// CHECK-NOT:   "scheme"
// CHECK:       "a": 0,
// CHECK-NEXT:  "b": 0.05000{{[0-9]*}},
// CHECK-NEXT:  "dead": false,
// CHECK-NEXT:  "gain": null,
// CHECK-NEXT:  "kind_filter": "conv2d",
// CHECK-NEXT:  "layer": "",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 7,
// CHECK-NEXT:    "file": "{{.*}}init-apply.cpp",
// CHECK-NEXT:    "line": [[@LINE-96]],
// CHECK:       "name_contains": "",
// CHECK-NEXT:  "role": "weight",
// CHECK-NEXT:  "scheme": "normal"
// CHECK-NOT:   "scheme"
// CHECK:       "a": 0.10000{{[0-9]*}},
// CHECK-NEXT:  "b": null,
// CHECK-NEXT:  "dead": false,
// CHECK-NEXT:  "gain": null,
// CHECK-NEXT:  "kind_filter": "linear",
// CHECK-NEXT:  "layer": "",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 7,
// CHECK-NEXT:    "file": "{{.*}}init-apply.cpp",
// CHECK-NEXT:    "line": [[@LINE-105]],
// CHECK:       "name_contains": "",
// CHECK-NEXT:  "role": "bias",
// CHECK-NEXT:  "scheme": "constant"
// CHECK-NOT:   "scheme"
// CHECK:       "is_sequential": false,
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 8,
// CHECK-NEXT:    "file": "{{.*}}init-apply.cpp",
// CHECK-NEXT:    "line": [[@LINE-141]],
// CHECK:       "members": [
// CHECK-NOT:   "registered"
// CHECK:       "is_tensor": false,
// CHECK-NEXT:  "kind": "conv2d",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 21,
// CHECK-NEXT:    "file": "{{.*}}init-apply.cpp",
// CHECK-NEXT:    "line": [[@LINE-143]],
// CHECK:       "name": "conv",
// CHECK-NEXT:  "registered": true,
// CHECK-NEXT:  "used_in_forward": true
// CHECK-NOT:   "registered"
// CHECK:       "is_tensor": false,
// CHECK-NEXT:  "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 21,
// CHECK-NEXT:    "file": "{{.*}}init-apply.cpp",
// CHECK-NEXT:    "line": [[@LINE-152]],
// CHECK:       "name": "fc",
// CHECK-NEXT:  "registered": true,
// CHECK-NEXT:  "used_in_forward": true
// CHECK-NOT:   "registered"
// CHECK:       "name": "Net"
// CHECK-NOT:   "chain_known"
// CHECK:       "optimizers": [
