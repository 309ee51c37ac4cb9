// RUN: %gradlint --dump-model %s -- -std=c++17 -I%api | FileCheck %s
// A skip connection: x + f(x) joins the chain as a residual step; x * f(x)
// is an unknown step.
#include <torch/torch.h>

struct Block : torch::nn::Module {
  Block() {
    fc1 = register_module("fc1", torch::nn::Linear(16, 16));
    fc2 = register_module("fc2", torch::nn::Linear(16, 16));
  }
  torch::Tensor forward(torch::Tensor x) {
    x = x + torch::relu(fc1(x));
    auto h = torch::tanh(fc2(x));
    x += h;
    return x * torch::sigmoid(x);
  }
  torch::nn::Linear fc1{nullptr}, fc2{nullptr};
};

// --- generated checks ---
// CHECK:       "chain": [
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": 16,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 34,
// CHECK-NEXT:    "file": "{{.*}}forward-residual.cpp",
// CHECK-NEXT:    "line": [[@LINE-21]],
// CHECK:       "name": "fc1",
// CHECK-NEXT:  "out": 16,
// CHECK-NOT:   "kind"
// CHECK:       "act": "relu",
// CHECK:       "form": "function",
// CHECK:       "in": null,
// CHECK:       "kind": "activation",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 13,
// CHECK-NEXT:    "file": "{{.*}}forward-residual.cpp",
// CHECK-NEXT:    "line": [[@LINE-28]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       "in": null,
// CHECK:       "kind": "residual",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 9,
// CHECK-NEXT:    "file": "{{.*}}forward-residual.cpp",
// CHECK-NEXT:    "line": [[@LINE-37]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": 16,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 34,
// CHECK-NEXT:    "file": "{{.*}}forward-residual.cpp",
// CHECK-NEXT:    "line": [[@LINE-50]],
// CHECK:       "name": "fc2",
// CHECK-NEXT:  "out": 16,
// CHECK-NOT:   "kind"
// CHECK:       "act": "tanh",
// CHECK:       "form": "function",
// CHECK:       "in": null,
// CHECK:       "kind": "activation",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 14,
// CHECK-NEXT:    "file": "{{.*}}forward-residual.cpp",
// CHECK-NEXT:    "line": [[@LINE-57]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       "in": null,
// CHECK:       "kind": "residual",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 5,
// CHECK-NEXT:    "file": "{{.*}}forward-residual.cpp",
// CHECK-NEXT:    "line": [[@LINE-65]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       "act": "sigmoid",
// CHECK:       "form": "function",
// CHECK:       "in": null,
// CHECK:       "kind": "activation",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 16,
// CHECK-NEXT:    "file": "{{.*}}forward-residual.cpp",
// CHECK-NEXT:    "line": [[@LINE-75]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       "in": null,
// CHECK:       "kind": "unknown",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 12,
// CHECK-NEXT:    "file": "{{.*}}forward-residual.cpp",
// CHECK-NEXT:    "line": [[@LINE-84]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       "chain_known": true,
// CHECK:       "inits": [],
// CHECK:       "is_sequential": false,
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 8,
// CHECK-NEXT:    "file": "{{.*}}forward-residual.cpp",
// CHECK-NEXT:    "line": [[@LINE-103]],
// CHECK:       "members": [
// CHECK-NOT:   "registered"
// CHECK:       "is_tensor": false,
// CHECK-NEXT:  "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 21,
// CHECK-NEXT:    "file": "{{.*}}forward-residual.cpp",
// CHECK-NEXT:    "line": [[@LINE-100]],
// CHECK:       "name": "fc1",
// CHECK-NEXT:  "registered": true,
// CHECK-NEXT:  "used_in_forward": true
// CHECK-NOT:   "registered"
// CHECK:       "is_tensor": false,
// CHECK-NEXT:  "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 35,
// CHECK-NEXT:    "file": "{{.*}}forward-residual.cpp",
// CHECK-NEXT:    "line": [[@LINE-110]],
// CHECK:       "name": "fc2",
// CHECK-NEXT:  "registered": true,
// CHECK-NEXT:  "used_in_forward": true
// CHECK-NOT:   "registered"
// CHECK:       "name": "Block"
// CHECK-NOT:   "chain_known"
// CHECK:       "optimizers": [
