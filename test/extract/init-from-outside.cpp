// RUN: %gradlint --dump-model %s -- -std=c++17 -I%api | FileCheck %s
// Initialisation written in main() on a model's member layer.
#include <torch/torch.h>

struct Net : torch::nn::Module {
  Net() {
    fc1 = register_module("fc1", torch::nn::Linear(10, 10));
    fc2 = register_module("fc2", torch::nn::Linear(10, 1));
  }
  torch::Tensor forward(torch::Tensor x) { return fc2(torch::sigmoid(fc1(x))); }
  torch::nn::Linear fc1{nullptr}, fc2{nullptr};
};

int main() {
  auto model = std::make_shared<Net>();
  torch::nn::init::uniform_(model->fc1->weight, -0.001, 0.001);
  torch::NoGradGuard no_grad;
  model->fc2->bias.zero_();
  Net local;
  local.fc2->weight.data().fill_(0.0);
}

// --- generated checks ---
// CHECK:       "chain": [
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": 10,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 34,
// CHECK-NEXT:    "file": "{{.*}}init-from-outside.cpp",
// CHECK-NEXT:    "line": [[@LINE-25]],
// CHECK:       "name": "fc1",
// CHECK-NEXT:  "out": 10,
// CHECK-NOT:   "kind"
// CHECK:       "act": "sigmoid",
// CHECK:       "form": "function",
// CHECK:       "in": null,
// CHECK:       "kind": "activation",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 55,
// CHECK-NEXT:    "file": "{{.*}}init-from-outside.cpp",
// CHECK-NEXT:    "line": [[@LINE-33]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": 10,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 34,
// CHECK-NEXT:    "file": "{{.*}}init-from-outside.cpp",
// CHECK-NEXT:    "line": [[@LINE-45]],
// CHECK:       "name": "fc2",
// CHECK-NEXT:  "out": 1,
// CHECK-NOT:   "kind"
// CHECK:       "chain_known": true,
// CHECK:       "inits": [
// CHECK-NOT:   "scheme"
// CHECK:       "a": -0.001,
// CHECK-NEXT:  "b": 0.001,
// CHECK-NEXT:  "dead": false,
// CHECK-NEXT:  "gain": null,
// CHECK-NEXT:  "kind_filter": null,
// CHECK-NEXT:  "layer": "fc1",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 3,
// CHECK-NEXT:    "file": "{{.*}}init-from-outside.cpp",
// CHECK-NEXT:    "line": [[@LINE-53]],
// CHECK:       "name_contains": "",
// CHECK-NEXT:  "role": "weight",
// CHECK-NEXT:  "scheme": "uniform"
// CHECK-NOT:   "scheme"
// CHECK:       "a": 0,
// CHECK-NEXT:  "b": null,
// CHECK-NEXT:  "dead": false,
// CHECK-NEXT:  "gain": null,
// CHECK-NEXT:  "kind_filter": null,
// CHECK-NEXT:  "layer": "fc2",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 20,
// CHECK-NEXT:    "file": "{{.*}}init-from-outside.cpp",
// CHECK-NEXT:    "line": [[@LINE-65]],
// CHECK:       "name_contains": "",
// CHECK-NEXT:  "role": "bias",
// CHECK-NEXT:  "scheme": "zeros"
// CHECK-NOT:   "scheme"
// CHECK:       "a": 0,
// CHECK-NEXT:  "b": null,
// CHECK-NEXT:  "dead": false,
// CHECK-NEXT:  "gain": null,
// CHECK-NEXT:  "kind_filter": null,
// CHECK-NEXT:  "layer": "fc2",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 28,
// CHECK-NEXT:    "file": "{{.*}}init-from-outside.cpp",
// CHECK-NEXT:    "line": [[@LINE-77]],
// CHECK:       "name_contains": "",
// CHECK-NEXT:  "role": "weight",
// CHECK-NEXT:  "scheme": "zeros"
// CHECK-NOT:   "scheme"
// CHECK:       "is_sequential": false,
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 8,
// CHECK-NEXT:    "file": "{{.*}}init-from-outside.cpp",
// CHECK-NEXT:    "line": [[@LINE-101]],
// CHECK:       "members": [
// CHECK-NOT:   "registered"
// CHECK:       "is_tensor": false,
// CHECK-NEXT:  "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 21,
// CHECK-NEXT:    "file": "{{.*}}init-from-outside.cpp",
// CHECK-NEXT:    "line": [[@LINE-103]],
// CHECK:       "name": "fc1",
// CHECK-NEXT:  "registered": true,
// CHECK-NEXT:  "used_in_forward": true
// CHECK-NOT:   "registered"
// CHECK:       "is_tensor": false,
// CHECK-NEXT:  "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 35,
// CHECK-NEXT:    "file": "{{.*}}init-from-outside.cpp",
// CHECK-NEXT:    "line": [[@LINE-113]],
// CHECK:       "name": "fc2",
// CHECK-NEXT:  "registered": true,
// CHECK-NEXT:  "used_in_forward": true
// CHECK-NOT:   "registered"
// CHECK:       "name": "Net"
// Two Nets built in main are two models, instances of Net; what is
// initialised through them is Net's (above).
// CHECK:       "chain_known": false,
// CHECK:       "inits": [],
// CHECK-NEXT:  "instance_of": "Net",
// CHECK:       "line": 15,
// CHECK:       "name": "main::model"
// CHECK:       "chain_known": false,
// CHECK:       "inits": [],
// CHECK-NEXT:  "instance_of": "Net",
// CHECK:       "line": 19,
// CHECK:       "name": "main::local"
// CHECK-NOT:   "chain_known"
// CHECK:       "optimizers": [
