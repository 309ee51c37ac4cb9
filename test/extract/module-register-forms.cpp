// RUN: %gradlint --dump-model %s -- -std=c++17 -I%api | FileCheck %s
// Every register_module form: a prebuilt member registered by name, the
// registration's result assigned, registration in the init-list, a
// parameter, and names computed in a loop.
#include <torch/torch.h>

struct Net : torch::nn::Module {
  Net() : fc2(register_module("fc2", torch::nn::Linear(32, 16))) {
    register_module("fc1", fc1);
    fc3 = register_module("fc3", torch::nn::Linear(16, 4));
    scale = register_parameter("scale", torch::ones({4}));
    for (int i = 0; i < 2; ++i)
      blocks.push_back(register_module("block" + std::to_string(i),
                                       torch::nn::Linear(4, 4)));
  }
  torch::Tensor forward(torch::Tensor x) {
    x = torch::relu(fc1->forward(x));
    x = torch::relu(fc2->forward(x));
    return fc3->forward(x) * scale;
  }
  torch::nn::Linear fc1{torch::nn::Linear(64, 32)};
  torch::nn::Linear fc2;
  torch::nn::Linear fc3{nullptr};
  torch::Tensor scale;
  torch::nn::Linear unregistered{nullptr};
  std::vector<torch::nn::Linear> blocks;
};

// --- generated checks ---
// CHECK:       "chain": [
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": 64,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 25,
// CHECK-NEXT:    "file": "{{.*}}module-register-forms.cpp",
// CHECK-NEXT:    "line": [[@LINE-17]],
// CHECK:       "name": "fc1",
// CHECK-NEXT:  "out": 32,
// CHECK-NOT:   "kind"
// CHECK:       "act": "relu",
// CHECK:       "form": "function",
// CHECK:       "in": null,
// CHECK:       "kind": "activation",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 9,
// CHECK-NEXT:    "file": "{{.*}}module-register-forms.cpp",
// CHECK-NEXT:    "line": [[@LINE-32]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": 32,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 38,
// CHECK-NEXT:    "file": "{{.*}}module-register-forms.cpp",
// CHECK-NEXT:    "line": [[@LINE-51]],
// CHECK:       "name": "fc2",
// CHECK-NEXT:  "out": 16,
// CHECK-NOT:   "kind"
// CHECK:       "act": "relu",
// CHECK:       "form": "function",
// CHECK:       "in": null,
// CHECK:       "kind": "activation",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 9,
// CHECK-NEXT:    "file": "{{.*}}module-register-forms.cpp",
// CHECK-NEXT:    "line": [[@LINE-52]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": 16,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 34,
// CHECK-NEXT:    "file": "{{.*}}module-register-forms.cpp",
// CHECK-NEXT:    "line": [[@LINE-70]],
// CHECK:       "name": "fc3",
// CHECK-NEXT:  "out": 4,
// CHECK-NOT:   "kind"
// CHECK:       "chain_known": true,
// CHECK:       "inits": [],
// CHECK:       "is_sequential": false,
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 8,
// CHECK-NEXT:    "file": "{{.*}}module-register-forms.cpp",
// CHECK-NEXT:    "line": [[@LINE-83]],
// CHECK:       "members": [
// CHECK-NOT:   "registered"
// CHECK:       "is_tensor": false,
// CHECK-NEXT:  "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 21,
// CHECK-NEXT:    "file": "{{.*}}module-register-forms.cpp",
// CHECK-NEXT:    "line": [[@LINE-77]],
// CHECK:       "name": "fc1",
// CHECK-NEXT:  "registered": true,
// CHECK-NEXT:  "used_in_forward": true
// CHECK-NOT:   "registered"
// CHECK:       "is_tensor": false,
// CHECK-NEXT:  "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 21,
// CHECK-NEXT:    "file": "{{.*}}module-register-forms.cpp",
// CHECK-NEXT:    "line": [[@LINE-86]],
// CHECK:       "name": "fc2",
// CHECK-NEXT:  "registered": true,
// CHECK-NEXT:  "used_in_forward": true
// CHECK-NOT:   "registered"
// CHECK:       "is_tensor": false,
// CHECK-NEXT:  "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 21,
// CHECK-NEXT:    "file": "{{.*}}module-register-forms.cpp",
// CHECK-NEXT:    "line": [[@LINE-95]],
// CHECK:       "name": "fc3",
// CHECK-NEXT:  "registered": true,
// CHECK-NEXT:  "used_in_forward": true
// CHECK-NOT:   "registered"
// CHECK:       "is_tensor": true,
// CHECK-NEXT:  "kind": "unknown",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 17,
// CHECK-NEXT:    "file": "{{.*}}module-register-forms.cpp",
// CHECK-NEXT:    "line": [[@LINE-104]],
// CHECK:       "name": "scale",
// CHECK-NEXT:  "registered": true,
// CHECK-NEXT:  "used_in_forward": true
// CHECK-NOT:   "registered"
// CHECK:       "is_tensor": false,
// CHECK-NEXT:  "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 21,
// CHECK-NEXT:    "file": "{{.*}}module-register-forms.cpp",
// CHECK-NEXT:    "line": [[@LINE-113]],
// CHECK:       "name": "unregistered",
// CHECK-NEXT:  "registered": false,
// CHECK-NEXT:  "used_in_forward": false
// CHECK-NOT:   "registered"
// CHECK:       "name": "Net"
// CHECK-NOT:   "chain_known"
// CHECK:       "optimizers": [
