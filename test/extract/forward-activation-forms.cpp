// RUN: %gradlint --dump-model %s -- -std=c++17 -I%api | FileCheck %s
// Activations in forward(): a module member, a Functional member, free
// functions (torch::, F::, torch::nn::functional::), tensor methods, and an
// in-place method.
#include <torch/torch.h>

namespace F = torch::nn::functional;

struct Net : torch::nn::Module {
  Net() {
    fc = register_module("fc", torch::nn::Linear(4, 4));
    act = register_module("act", torch::nn::Tanh());
    gate = register_module("gate", torch::nn::Functional(torch::sigmoid));
  }
  torch::Tensor forward(torch::Tensor x) {
    x = act(fc(x));
    x = gate(x);
    x = torch::relu(x);
    x = F::leaky_relu(x, F::LeakyReLUFuncOptions().negative_slope(0.1));
    x = torch::nn::functional::gelu(x);
    x = x.sigmoid();
    x = x.tanh();
    x.relu_();
    return x;
  }
  torch::nn::Linear fc{nullptr};
  torch::nn::Tanh act{nullptr};
  torch::nn::Functional gate{nullptr};
};

// --- generated checks ---
// CHECK:       "chain": [
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": 4,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 32,
// CHECK-NEXT:    "file": "{{.*}}forward-activation-forms.cpp",
// CHECK-NEXT:    "line": [[@LINE-29]],
// CHECK:       "name": "fc",
// CHECK-NEXT:  "out": 4,
// CHECK-NOT:   "kind"
// CHECK:       "act": "tanh",
// CHECK:       "form": "module",
// CHECK:       "in": null,
// CHECK:       "kind": "activation",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 9,
// CHECK-NEXT:    "file": "{{.*}}forward-activation-forms.cpp",
// CHECK-NEXT:    "line": [[@LINE-35]],
// CHECK:       "name": "act",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       "act": "sigmoid",
// CHECK:       "form": "functional",
// CHECK:       "in": null,
// CHECK:       "kind": "activation",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 9,
// CHECK-NEXT:    "file": "{{.*}}forward-activation-forms.cpp",
// CHECK-NEXT:    "line": [[@LINE-45]],
// CHECK:       "name": "gate",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       "act": "relu",
// CHECK:       "form": "function",
// CHECK:       "in": null,
// CHECK:       "kind": "activation",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 9,
// CHECK-NEXT:    "file": "{{.*}}forward-activation-forms.cpp",
// CHECK-NEXT:    "line": [[@LINE-55]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       "act": "leaky_relu",
// CHECK-NEXT:  "act_param": 0.10000{{[0-9]*}},
// CHECK:       "form": "function",
// CHECK:       "in": null,
// CHECK:       "kind": "activation",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 9,
// CHECK-NEXT:    "file": "{{.*}}forward-activation-forms.cpp",
// CHECK-NEXT:    "line": [[@LINE-66]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       "act": "gelu",
// CHECK:       "form": "function",
// CHECK:       "in": null,
// CHECK:       "kind": "activation",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 9,
// CHECK-NEXT:    "file": "{{.*}}forward-activation-forms.cpp",
// CHECK-NEXT:    "line": [[@LINE-76]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       "act": "sigmoid",
// CHECK:       "form": "method",
// CHECK:       "in": null,
// CHECK:       "kind": "activation",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 9,
// CHECK-NEXT:    "file": "{{.*}}forward-activation-forms.cpp",
// CHECK-NEXT:    "line": [[@LINE-86]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       "act": "tanh",
// CHECK:       "form": "method",
// CHECK:       "in": null,
// CHECK:       "kind": "activation",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 9,
// CHECK-NEXT:    "file": "{{.*}}forward-activation-forms.cpp",
// CHECK-NEXT:    "line": [[@LINE-96]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       "act": "relu",
// CHECK:       "form": "method",
// CHECK:       "in": null,
// CHECK:       "kind": "activation",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 5,
// CHECK-NEXT:    "file": "{{.*}}forward-activation-forms.cpp",
// CHECK-NEXT:    "line": [[@LINE-106]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       "chain_known": true,
// CHECK:       "inits": [],
// CHECK:       "is_sequential": false,
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 8,
// CHECK-NEXT:    "file": "{{.*}}forward-activation-forms.cpp",
// CHECK-NEXT:    "line": [[@LINE-130]],
// CHECK:       "members": [
// CHECK-NOT:   "registered"
// CHECK:       "is_tensor": false,
// CHECK-NEXT:  "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 21,
// CHECK-NEXT:    "file": "{{.*}}forward-activation-forms.cpp",
// CHECK-NEXT:    "line": [[@LINE-121]],
// CHECK:       "name": "fc",
// CHECK-NEXT:  "registered": true,
// CHECK-NEXT:  "used_in_forward": true
// CHECK-NOT:   "registered"
// CHECK:       "is_tensor": false,
// CHECK-NEXT:  "kind": "activation",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 19,
// CHECK-NEXT:    "file": "{{.*}}forward-activation-forms.cpp",
// CHECK-NEXT:    "line": [[@LINE-130]],
// CHECK:       "name": "act",
// CHECK-NEXT:  "registered": true,
// CHECK-NEXT:  "used_in_forward": true
// CHECK-NOT:   "registered"
// CHECK:       "is_tensor": false,
// CHECK-NEXT:  "kind": "activation",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 25,
// CHECK-NEXT:    "file": "{{.*}}forward-activation-forms.cpp",
// CHECK-NEXT:    "line": [[@LINE-139]],
// CHECK:       "name": "gate",
// CHECK-NEXT:  "registered": true,
// CHECK-NEXT:  "used_in_forward": true
// CHECK-NOT:   "registered"
// CHECK:       "name": "Net"
// CHECK-NOT:   "chain_known"
// CHECK:       "optimizers": [
