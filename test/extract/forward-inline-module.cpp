// RUN: %gradlint --dump-model %s -- -std=c++17 -I%api | FileCheck %s
// A module built inside forward() (fresh weights on every call): the step
// says built_in_forward.
#include <torch/torch.h>

struct Net : torch::nn::Module {
  Net() { fc = register_module("fc", torch::nn::Linear(10, 10)); }
  torch::Tensor forward(torch::Tensor x) {
    x = torch::nn::ReLU()(fc(x));
    torch::nn::Linear head(10, 2);
    return head(x);
  }
  torch::nn::Linear fc{nullptr};
};

// --- generated checks ---
// CHECK:       "chain": [
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": 10,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 38,
// CHECK-NEXT:    "file": "{{.*}}forward-inline-module.cpp",
// CHECK-NEXT:    "line": [[@LINE-18]],
// CHECK:       "name": "fc",
// CHECK-NEXT:  "out": 10,
// CHECK-NOT:   "kind"
// CHECK:       "act": "relu",
// CHECK:       "built_in_forward": true,
// CHECK:       "form": "module",
// CHECK:       "in": null,
// CHECK:       "kind": "activation",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 9,
// CHECK-NEXT:    "file": "{{.*}}forward-inline-module.cpp",
// CHECK-NEXT:    "line": [[@LINE-28]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "built_in_forward": true,
// CHECK:       "in": 10,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 23,
// CHECK-NEXT:    "file": "{{.*}}forward-inline-module.cpp",
// CHECK-NEXT:    "line": [[@LINE-38]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": 2,
// CHECK-NOT:   "kind"
// CHECK:       "chain_known": true,
// CHECK:       "inits": [],
// CHECK:       "is_sequential": false,
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 8,
// CHECK-NEXT:    "file": "{{.*}}forward-inline-module.cpp",
// CHECK-NEXT:    "line": [[@LINE-52]],
// CHECK:       "members": [
// CHECK-NOT:   "registered"
// CHECK:       "is_tensor": false,
// CHECK-NEXT:  "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 21,
// CHECK-NEXT:    "file": "{{.*}}forward-inline-module.cpp",
// CHECK-NEXT:    "line": [[@LINE-53]],
// CHECK:       "name": "fc",
// CHECK-NEXT:  "registered": true,
// CHECK-NEXT:  "used_in_forward": true
// CHECK-NOT:   "registered"
// CHECK:       "name": "Net"
// CHECK-NOT:   "chain_known"
// CHECK:       "optimizers": [
