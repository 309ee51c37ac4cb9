// RUN: %gradlint --dump-model %s -- -std=c++17 -I%api | FileCheck %s
// The ways forward() applies a member: ->forward(x), the holder call,
// nested one-liners, and (*fc).forward(x) on the module itself ((*fc)(x)
// does not compile: only the holder has a call operator).
#include <torch/torch.h>

struct Net : torch::nn::Module {
  Net() {
    fc1 = register_module("fc1", torch::nn::Linear(2, 3));
    fc2 = register_module("fc2", torch::nn::Linear(3, 4));
    fc3 = register_module("fc3", torch::nn::Linear(4, 5));
    fc4 = register_module("fc4", torch::nn::Linear(5, 6));
  }
  torch::Tensor forward(torch::Tensor x) {
    x = fc1->forward(x);
    x = fc2(x);
    return (*fc4).forward(torch::relu(fc3->forward(x)));
  }
  torch::nn::Linear fc1{nullptr}, fc2{nullptr}, fc3{nullptr}, fc4{nullptr};
};

struct OneLiner : torch::nn::Module {
  OneLiner() {
    a = register_module("a", torch::nn::Linear(6, 6));
    b = register_module("b", torch::nn::Linear(6, 1));
  }
  torch::Tensor forward(torch::Tensor x) { return b(torch::sigmoid(a->forward(x))); }
  torch::nn::Linear a{nullptr}, b{nullptr};
};

// --- generated checks ---
// CHECK:       "chain": [
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": 2,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 34,
// CHECK-NEXT:    "file": "{{.*}}forward-call-forms.cpp",
// CHECK-NEXT:    "line": [[@LINE-31]],
// CHECK:       "name": "fc1",
// CHECK-NEXT:  "out": 3,
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": 3,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 34,
// CHECK-NEXT:    "file": "{{.*}}forward-call-forms.cpp",
// CHECK-NEXT:    "line": [[@LINE-40]],
// CHECK:       "name": "fc2",
// CHECK-NEXT:  "out": 4,
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": 4,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 34,
// CHECK-NEXT:    "file": "{{.*}}forward-call-forms.cpp",
// CHECK-NEXT:    "line": [[@LINE-49]],
// CHECK:       "name": "fc3",
// CHECK-NEXT:  "out": 5,
// CHECK-NOT:   "kind"
// CHECK:       "act": "relu",
// CHECK:       "form": "function",
// CHECK:       "in": null,
// CHECK:       "kind": "activation",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 27,
// CHECK-NEXT:    "file": "{{.*}}forward-call-forms.cpp",
// CHECK-NEXT:    "line": [[@LINE-54]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": 5,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 34,
// CHECK-NEXT:    "file": "{{.*}}forward-call-forms.cpp",
// CHECK-NEXT:    "line": [[@LINE-69]],
// CHECK:       "name": "fc4",
// CHECK-NEXT:  "out": 6,
// CHECK-NOT:   "kind"
// CHECK:       "chain_known": true,
// CHECK:       "inits": [],
// CHECK:       "is_sequential": false,
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 8,
// CHECK-NEXT:    "file": "{{.*}}forward-call-forms.cpp",
// CHECK-NEXT:    "line": [[@LINE-84]],
// CHECK:       "members": [
// CHECK-NOT:   "registered"
// CHECK:       "is_tensor": false,
// CHECK-NEXT:  "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 21,
// CHECK-NEXT:    "file": "{{.*}}forward-call-forms.cpp",
// CHECK-NEXT:    "line": [[@LINE-80]],
// CHECK:       "name": "fc1",
// CHECK-NEXT:  "registered": true,
// CHECK-NEXT:  "used_in_forward": true
// CHECK-NOT:   "registered"
// CHECK:       "is_tensor": false,
// CHECK-NEXT:  "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 35,
// CHECK-NEXT:    "file": "{{.*}}forward-call-forms.cpp",
// CHECK-NEXT:    "line": [[@LINE-90]],
// CHECK:       "name": "fc2",
// CHECK-NEXT:  "registered": true,
// CHECK-NEXT:  "used_in_forward": true
// CHECK-NOT:   "registered"
// CHECK:       "is_tensor": false,
// CHECK-NEXT:  "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 49,
// CHECK-NEXT:    "file": "{{.*}}forward-call-forms.cpp",
// CHECK-NEXT:    "line": [[@LINE-100]],
// CHECK:       "name": "fc3",
// CHECK-NEXT:  "registered": true,
// CHECK-NEXT:  "used_in_forward": true
// CHECK-NOT:   "registered"
// CHECK:       "is_tensor": false,
// CHECK-NEXT:  "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 63,
// CHECK-NEXT:    "file": "{{.*}}forward-call-forms.cpp",
// CHECK-NEXT:    "line": [[@LINE-110]],
// CHECK:       "name": "fc4",
// CHECK-NEXT:  "registered": true,
// CHECK-NEXT:  "used_in_forward": true
// CHECK-NOT:   "registered"
// CHECK:       "name": "Net"
// CHECK-NOT:   "chain_known"
// CHECK:       "chain": [
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": 6,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 30,
// CHECK-NEXT:    "file": "{{.*}}forward-call-forms.cpp",
// CHECK-NEXT:    "line": [[@LINE-120]],
// CHECK:       "name": "a",
// CHECK-NEXT:  "out": 6,
// CHECK-NOT:   "kind"
// CHECK:       "act": "sigmoid",
// CHECK:       "form": "function",
// CHECK:       "in": null,
// CHECK:       "kind": "activation",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 53,
// CHECK-NEXT:    "file": "{{.*}}forward-call-forms.cpp",
// CHECK-NEXT:    "line": [[@LINE-128]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": 6,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 30,
// CHECK-NEXT:    "file": "{{.*}}forward-call-forms.cpp",
// CHECK-NEXT:    "line": [[@LINE-140]],
// CHECK:       "name": "b",
// CHECK-NEXT:  "out": 1,
// CHECK-NOT:   "kind"
// CHECK:       "chain_known": true,
// CHECK:       "inits": [],
// CHECK:       "is_sequential": false,
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 8,
// CHECK-NEXT:    "file": "{{.*}}forward-call-forms.cpp",
// CHECK-NEXT:    "line": [[@LINE-153]],
// CHECK:       "members": [
// CHECK-NOT:   "registered"
// CHECK:       "is_tensor": false,
// CHECK-NEXT:  "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 21,
// CHECK-NEXT:    "file": "{{.*}}forward-call-forms.cpp",
// CHECK-NEXT:    "line": [[@LINE-155]],
// CHECK:       "name": "a",
// CHECK-NEXT:  "registered": true,
// CHECK-NEXT:  "used_in_forward": true
// CHECK-NOT:   "registered"
// CHECK:       "is_tensor": false,
// CHECK-NEXT:  "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 33,
// CHECK-NEXT:    "file": "{{.*}}forward-call-forms.cpp",
// CHECK-NEXT:    "line": [[@LINE-165]],
// CHECK:       "name": "b",
// CHECK-NEXT:  "registered": true,
// CHECK-NEXT:  "used_in_forward": true
// CHECK-NOT:   "registered"
// CHECK:       "name": "OneLiner"
// CHECK-NOT:   "chain_known"
// CHECK:       "optimizers": [
