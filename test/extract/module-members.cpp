// RUN: %gradlint --dump-model %s -- -std=c++17 -I%api | FileCheck %s
// Members declared {nullptr} and assigned in the constructor, built in the
// init-list, or initialised in the class body: all carry their shapes.
#include <torch/torch.h>

struct Net : torch::nn::Module {
  Net() : conv(torch::nn::Conv2dOptions(3, 8, 3).padding(1)) {
    fc = torch::nn::Linear(8 * 32 * 32, 10);
    register_module("conv", conv);
    register_module("fc", fc);
    register_module("norm", norm);
  }
  torch::Tensor forward(torch::Tensor x) {
    x = norm(torch::relu(conv(x)));
    return fc(x.flatten(1));
  }
  torch::nn::Conv2d conv;
  torch::nn::Linear fc{nullptr};
  torch::nn::BatchNorm2d norm{8};
};

// --- generated checks ---
// CHECK:       "chain": [
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": 3,
// CHECK-NEXT:  "kernel": 3,
// CHECK:       "kind": "conv2d",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 11,
// CHECK-NEXT:    "file": "{{.*}}module-members.cpp",
// CHECK-NEXT:    "line": [[@LINE-25]],
// CHECK:       "name": "conv",
// CHECK-NEXT:  "out": 8,
// CHECK:       "padding": 1,
// CHECK:       "stride": 1
// CHECK-NOT:   "kind"
// CHECK:       "act": "relu",
// CHECK:       "form": "function",
// CHECK:       "in": null,
// CHECK:       "kind": "activation",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 14,
// CHECK-NEXT:    "file": "{{.*}}module-members.cpp",
// CHECK-NEXT:    "line": [[@LINE-31]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       "in": 8,
// CHECK:       "kind": "batch_norm2d",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 30,
// CHECK-NEXT:    "file": "{{.*}}module-members.cpp",
// CHECK-NEXT:    "line": [[@LINE-35]],
// CHECK:       "name": "norm",
// CHECK-NEXT:  "out": 8,
// CHECK-NOT:   "kind"
// CHECK:       "in": null,
// CHECK:       "kind": "flatten",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 15,
// CHECK-NEXT:    "file": "{{.*}}module-members.cpp",
// CHECK-NEXT:    "line": [[@LINE-48]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": 8192,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 10,
// CHECK-NEXT:    "file": "{{.*}}module-members.cpp",
// CHECK-NEXT:    "line": [[@LINE-65]],
// CHECK:       "name": "fc",
// CHECK-NEXT:  "out": 10,
// CHECK-NOT:   "kind"
// CHECK:       "chain_known": true,
// CHECK:       "inits": [],
// CHECK:       "is_sequential": false,
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 8,
// CHECK-NEXT:    "file": "{{.*}}module-members.cpp",
// CHECK-NEXT:    "line": [[@LINE-77]],
// CHECK:       "members": [
// CHECK-NOT:   "registered"
// CHECK:       "is_tensor": false,
// CHECK-NEXT:  "kind": "conv2d",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 21,
// CHECK-NEXT:    "file": "{{.*}}module-members.cpp",
// CHECK-NEXT:    "line": [[@LINE-74]],
// CHECK:       "name": "conv",
// CHECK-NEXT:  "registered": true,
// CHECK-NEXT:  "used_in_forward": true
// CHECK-NOT:   "registered"
// CHECK:       "is_tensor": false,
// CHECK-NEXT:  "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 21,
// CHECK-NEXT:    "file": "{{.*}}module-members.cpp",
// CHECK-NEXT:    "line": [[@LINE-83]],
// CHECK:       "name": "fc",
// CHECK-NEXT:  "registered": true,
// CHECK-NEXT:  "used_in_forward": true
// CHECK-NOT:   "registered"
// CHECK:       "is_tensor": false,
// CHECK-NEXT:  "kind": "batch_norm2d",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 26,
// CHECK-NEXT:    "file": "{{.*}}module-members.cpp",
// CHECK-NEXT:    "line": [[@LINE-92]],
// CHECK:       "name": "norm",
// CHECK-NEXT:  "registered": true,
// CHECK-NEXT:  "used_in_forward": true
// CHECK-NOT:   "registered"
// CHECK:       "name": "Net"
// CHECK-NOT:   "chain_known"
// CHECK:       "optimizers": [
