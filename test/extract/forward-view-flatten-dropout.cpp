// RUN: %gradlint --dump-model %s -- -std=c++17 -I%api | FileCheck %s
// Reshaping and dropout steps: view, flatten (method and free function),
// dropout as a function (with p and training) and as a member module.
#include <torch/torch.h>

struct Net : torch::nn::Module {
  Net() {
    conv = register_module("conv", torch::nn::Conv2d(1, 4, 3));
    drop = register_module("drop", torch::nn::Dropout(0.25));
    fc = register_module("fc", torch::nn::Linear(4 * 26 * 26, 10));
  }
  torch::Tensor forward(torch::Tensor x) {
    x = torch::max_pool2d(torch::relu(conv(x)), 2);
    x = x.view({-1, 4 * 13 * 13});
    x = torch::flatten(x, 1);
    x = torch::dropout(x, 0.5, is_training());
    x = drop(x);
    return fc(x);
  }
  torch::nn::Conv2d conv{nullptr};
  torch::nn::Dropout drop{nullptr};
  torch::nn::Linear fc{nullptr};
};

// --- generated checks ---
// CHECK:       "chain": [
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": 1,
// CHECK-NEXT:  "kernel": 3,
// CHECK:       "kind": "conv2d",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 36,
// CHECK-NEXT:    "file": "{{.*}}forward-view-flatten-dropout.cpp",
// CHECK-NEXT:    "line": [[@LINE-27]],
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
// CHECK-NEXT:    "column": 27,
// CHECK-NEXT:    "file": "{{.*}}forward-view-flatten-dropout.cpp",
// CHECK-NEXT:    "line": [[@LINE-35]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       "in": null,
// CHECK:       "kind": "max_pool",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 9,
// CHECK-NEXT:    "file": "{{.*}}forward-view-flatten-dropout.cpp",
// CHECK-NEXT:    "line": [[@LINE-44]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       "in": null,
// CHECK:       "kind": "flatten",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 9,
// CHECK-NEXT:    "file": "{{.*}}forward-view-flatten-dropout.cpp",
// CHECK-NEXT:    "line": [[@LINE-52]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       "in": null,
// CHECK:       "kind": "flatten",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 9,
// CHECK-NEXT:    "file": "{{.*}}forward-view-flatten-dropout.cpp",
// CHECK-NEXT:    "line": [[@LINE-60]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       "in": null,
// CHECK:       "kind": "dropout",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 9,
// CHECK-NEXT:    "file": "{{.*}}forward-view-flatten-dropout.cpp",
// CHECK-NEXT:    "line": [[@LINE-68]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": null,
// CHECK-NEXT:  "p": 0.5,
// CHECK-NOT:   "kind"
// CHECK:       "in": null,
// CHECK:       "kind": "dropout",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 36,
// CHECK-NEXT:    "file": "{{.*}}forward-view-flatten-dropout.cpp",
// CHECK-NEXT:    "line": [[@LINE-85]],
// CHECK:       "name": "drop",
// CHECK-NEXT:  "out": null,
// CHECK-NEXT:  "p": 0.25,
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": 2704,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 32,
// CHECK-NEXT:    "file": "{{.*}}forward-view-flatten-dropout.cpp",
// CHECK-NEXT:    "line": [[@LINE-95]],
// CHECK:       "name": "fc",
// CHECK-NEXT:  "out": 10,
// CHECK-NOT:   "kind"
// CHECK:       "chain_known": true,
// CHECK:       "inits": [],
// CHECK:       "is_sequential": false,
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 8,
// CHECK-NEXT:    "file": "{{.*}}forward-view-flatten-dropout.cpp",
// CHECK-NEXT:    "line": [[@LINE-109]],
// CHECK:       "members": [
// CHECK-NOT:   "registered"
// CHECK:       "is_tensor": false,
// CHECK-NEXT:  "kind": "conv2d",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 21,
// CHECK-NEXT:    "file": "{{.*}}forward-view-flatten-dropout.cpp",
// CHECK-NEXT:    "line": [[@LINE-103]],
// CHECK:       "name": "conv",
// CHECK-NEXT:  "registered": true,
// CHECK-NEXT:  "used_in_forward": true
// CHECK-NOT:   "registered"
// CHECK:       "is_tensor": false,
// CHECK-NEXT:  "kind": "dropout",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 22,
// CHECK-NEXT:    "file": "{{.*}}forward-view-flatten-dropout.cpp",
// CHECK-NEXT:    "line": [[@LINE-112]],
// CHECK:       "name": "drop",
// CHECK-NEXT:  "registered": true,
// CHECK-NEXT:  "used_in_forward": true
// CHECK-NOT:   "registered"
// CHECK:       "is_tensor": false,
// CHECK-NEXT:  "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 21,
// CHECK-NEXT:    "file": "{{.*}}forward-view-flatten-dropout.cpp",
// CHECK-NEXT:    "line": [[@LINE-121]],
// CHECK:       "name": "fc",
// CHECK-NEXT:  "registered": true,
// CHECK-NEXT:  "used_in_forward": true
// CHECK-NOT:   "registered"
// CHECK:       "name": "Net"
// CHECK-NOT:   "chain_known"
// CHECK:       "optimizers": [
