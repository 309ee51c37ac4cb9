// RUN: %gradlint --dump-model %s -- -std=c++17 -I%api | FileCheck %s
// A branch on a run-time flag is an unknown step; a branch on a constant
// keeps only the taken side.
#include <torch/torch.h>

constexpr bool kUseNorm = false;

struct Net : torch::nn::Module {
  explicit Net(bool use_act) : use_act(use_act) {
    fc = register_module("fc", torch::nn::Linear(8, 8));
    norm = register_module("norm", torch::nn::LayerNorm(torch::nn::LayerNormOptions({8})));
  }
  torch::Tensor forward(torch::Tensor x) {
    x = fc(x);
    if (use_act)
      x = torch::sigmoid(x);
    if (kUseNorm)
      x = norm(x);
    else
      x = torch::tanh(x);
    return x;
  }
  bool use_act;
  torch::nn::Linear fc{nullptr};
  torch::nn::LayerNorm norm{nullptr};
};

struct Ternary : torch::nn::Module {
  Ternary() { fc = register_module("fc", torch::nn::Linear(8, 1)); }
  torch::Tensor forward(torch::Tensor x, bool logits) {
    x = fc(x);
    return logits ? x : torch::sigmoid(x);
  }
  torch::nn::Linear fc{nullptr};
};

// --- generated checks ---
// CHECK:       "chain": [
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": 8,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 32,
// CHECK-NEXT:    "file": "{{.*}}forward-conditional.cpp",
// CHECK-NEXT:    "line": [[@LINE-36]],
// CHECK:       "name": "fc",
// CHECK-NEXT:  "out": 8,
// CHECK-NOT:   "kind"
// CHECK:       "in": null,
// CHECK:       "kind": "unknown",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 5,
// CHECK-NEXT:    "file": "{{.*}}forward-conditional.cpp",
// CHECK-NEXT:    "line": [[@LINE-40]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       "act": "tanh",
// CHECK:       "form": "function",
// CHECK:       "in": null,
// CHECK:       "kind": "activation",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 11,
// CHECK-NEXT:    "file": "{{.*}}forward-conditional.cpp",
// CHECK-NEXT:    "line": [[@LINE-46]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       "chain_known": true,
// CHECK:       "inits": [],
// CHECK:       "is_sequential": false,
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 8,
// CHECK-NEXT:    "file": "{{.*}}forward-conditional.cpp",
// CHECK-NEXT:    "line": [[@LINE-68]],
// CHECK:       "members": [
// CHECK-NOT:   "registered"
// CHECK:       "is_tensor": false,
// CHECK-NEXT:  "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 21,
// CHECK-NEXT:    "file": "{{.*}}forward-conditional.cpp",
// CHECK-NEXT:    "line": [[@LINE-60]],
// CHECK:       "name": "fc",
// CHECK-NEXT:  "registered": true,
// CHECK-NEXT:  "used_in_forward": true
// CHECK-NOT:   "registered"
// CHECK:       "is_tensor": false,
// CHECK-NEXT:  "kind": "layer_norm",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 24,
// CHECK-NEXT:    "file": "{{.*}}forward-conditional.cpp",
// CHECK-NEXT:    "line": [[@LINE-69]],
// CHECK:       "name": "norm",
// CHECK-NEXT:  "registered": true,
// CHECK-NEXT:  "used_in_forward": true
// CHECK-NOT:   "registered"
// CHECK:       "name": "Net"
// CHECK-NOT:   "chain_known"
// CHECK:       "chain": [
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": 8,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 42,
// CHECK-NEXT:    "file": "{{.*}}forward-conditional.cpp",
// CHECK-NEXT:    "line": [[@LINE-80]],
// CHECK:       "name": "fc",
// CHECK-NEXT:  "out": 1,
// CHECK-NOT:   "kind"
// CHECK:       "in": null,
// CHECK:       "kind": "unknown",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 12,
// CHECK-NEXT:    "file": "{{.*}}forward-conditional.cpp",
// CHECK-NEXT:    "line": [[@LINE-86]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       "chain_known": true,
// CHECK:       "inits": [],
// CHECK:       "is_sequential": false,
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 8,
// CHECK-NEXT:    "file": "{{.*}}forward-conditional.cpp",
// CHECK-NEXT:    "line": [[@LINE-100]],
// CHECK:       "members": [
// CHECK-NOT:   "registered"
// CHECK:       "is_tensor": false,
// CHECK-NEXT:  "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 21,
// CHECK-NEXT:    "file": "{{.*}}forward-conditional.cpp",
// CHECK-NEXT:    "line": [[@LINE-102]],
// CHECK:       "name": "fc",
// CHECK-NEXT:  "registered": true,
// CHECK-NEXT:  "used_in_forward": true
// CHECK-NOT:   "registered"
// CHECK:       "name": "Ternary"
// CHECK-NOT:   "chain_known"
// CHECK:       "optimizers": [
