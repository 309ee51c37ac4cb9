// RUN: %gradlint --dump-model %s -- -std=c++17 -I%api | FileCheck %s
// A templated module instantiated once: it is read from that instantiation
// (the template arguments substituted) and named after the template, without
// its arguments ('MLP'). A member function of a class template exists only
// once used: when forward() is never called, its chain is not known.
// (Two instantiations would share the one name and merge: not supported.)
#include <torch/torch.h>

template <typename Act> struct MLP : torch::nn::Module {
  MLP() {
    fc1 = register_module("fc1", torch::nn::Linear(4, 8));
    fc2 = register_module("fc2", torch::nn::Linear(8, 1));
  }
  torch::Tensor forward(torch::Tensor x) { return fc2(act(fc1(x))); }
  torch::nn::Linear fc1{nullptr}, fc2{nullptr};
  Act act;
};

template <int Width> struct Wide : torch::nn::Module {
  Wide() { fc = register_module("fc", torch::nn::Linear(3, Width)); }
  torch::Tensor forward(torch::Tensor x) { return torch::relu(fc(x)); }
  torch::nn::Linear fc{nullptr};
};

void use() {
  auto model = std::make_shared<MLP<torch::nn::ReLU>>();
  model->forward(torch::ones({2, 4}));
  Wide<32> wide;
}

// --- generated checks ---
// CHECK:       "chain": [
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": 4,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 34,
// CHECK-NEXT:    "file": "{{.*}}module-template.cpp",
// CHECK-NEXT:    "line": [[@LINE-29]],
// CHECK:       "name": "fc1",
// CHECK-NEXT:  "out": 8,
// CHECK-NOT:   "kind"
// CHECK:       "act": "relu",
// CHECK:       "form": "module",
// CHECK:       "in": null,
// CHECK:       "kind": "activation",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 55,
// CHECK-NEXT:    "file": "{{.*}}module-template.cpp",
// CHECK-NEXT:    "line": [[@LINE-37]],
// CHECK:       "name": "act",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": 8,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 34,
// CHECK-NEXT:    "file": "{{.*}}module-template.cpp",
// CHECK-NEXT:    "line": [[@LINE-49]],
// CHECK:       "name": "fc2",
// CHECK-NEXT:  "out": 1,
// CHECK-NOT:   "kind"
// CHECK:       "chain_known": true,
// CHECK:       "inits": [],
// CHECK:       "is_sequential": false,
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 32,
// CHECK-NEXT:    "file": "{{.*}}module-template.cpp",
// CHECK-NEXT:    "line": [[@LINE-62]],
// CHECK:       "members": [
// CHECK-NOT:   "registered"
// CHECK:       "is_tensor": false,
// CHECK-NEXT:  "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 21,
// CHECK-NEXT:    "file": "{{.*}}module-template.cpp",
// CHECK-NEXT:    "line": [[@LINE-64]],
// CHECK:       "name": "fc1",
// CHECK-NEXT:  "registered": true,
// CHECK-NEXT:  "used_in_forward": true
// CHECK-NOT:   "registered"
// CHECK:       "is_tensor": false,
// CHECK-NEXT:  "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 35,
// CHECK-NEXT:    "file": "{{.*}}module-template.cpp",
// CHECK-NEXT:    "line": [[@LINE-74]],
// CHECK:       "name": "fc2",
// CHECK-NEXT:  "registered": true,
// CHECK-NEXT:  "used_in_forward": true
// CHECK-NOT:   "registered"
// CHECK:       "is_tensor": false,
// CHECK-NEXT:  "kind": "activation",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 7,
// CHECK-NEXT:    "file": "{{.*}}module-template.cpp",
// CHECK-NEXT:    "line": [[@LINE-83]],
// CHECK:       "name": "act",
// CHECK-NEXT:  "registered": false,
// CHECK-NEXT:  "used_in_forward": true
// CHECK-NOT:   "registered"
// CHECK:       "name": "MLP"
// CHECK-NOT:   "chain_known"
// CHECK:       "chain": [],
// CHECK:       "chain_known": false,
// CHECK:       "inits": [],
// CHECK:       "is_sequential": false,
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 29,
// CHECK-NEXT:    "file": "{{.*}}module-template.cpp",
// CHECK-NEXT:    "line": [[@LINE-94]],
// CHECK:       "members": [
// CHECK-NOT:   "registered"
// CHECK:       "is_tensor": false,
// CHECK-NEXT:  "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 21,
// CHECK-NEXT:    "file": "{{.*}}module-template.cpp",
// CHECK-NEXT:    "line": [[@LINE-99]],
// CHECK:       "name": "fc",
// CHECK-NEXT:  "registered": true,
// CHECK-NEXT:  "used_in_forward": false
// CHECK-NOT:   "registered"
// CHECK:       "name": "Wide"
// CHECK-NOT:   "chain_known"
// CHECK:       "optimizers": [
