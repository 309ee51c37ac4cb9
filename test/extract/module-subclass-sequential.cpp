// RUN: %gradlint --dump-model %s -- -std=c++17 -I%api | FileCheck %s
// A subclass of SequentialImpl: its chain is what the constructor pushes.
#include <torch/torch.h>

struct NetImpl : torch::nn::SequentialImpl {
  NetImpl() {
    push_back(torch::nn::Linear(5, 50));
    push_back("act", torch::nn::Tanh());
    push_back(torch::nn::Linear(50, 1));
  }
};
TORCH_MODULE(Net);

// Layers pushed in a loop with a run-time bound: one unknown step.
struct DeepImpl : torch::nn::SequentialImpl {
  explicit DeepImpl(int depth) {
    push_back(torch::nn::Linear(5, 50));
    for (int i = 0; i < depth; ++i) {
      push_back(torch::nn::Linear(50, 50));
      push_back(torch::nn::Sigmoid());
    }
    push_back(torch::nn::Linear(50, 1));
  }
};
TORCH_MODULE(Deep);

// --- generated checks ---
// CHECK:       "chain": [
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": 5,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 15,
// CHECK-NEXT:    "file": "{{.*}}module-subclass-sequential.cpp",
// CHECK-NEXT:    "line": [[@LINE-29]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": 50,
// CHECK-NOT:   "kind"
// CHECK:       "act": "tanh",
// CHECK:       "form": "module",
// CHECK:       "in": null,
// CHECK:       "kind": "activation",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 22,
// CHECK-NEXT:    "file": "{{.*}}module-subclass-sequential.cpp",
// CHECK-NEXT:    "line": [[@LINE-39]],
// CHECK:       "name": "act",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": 50,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 15,
// CHECK-NEXT:    "file": "{{.*}}module-subclass-sequential.cpp",
// CHECK-NEXT:    "line": [[@LINE-48]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": 1,
// CHECK-NOT:   "kind"
// CHECK:       "chain_known": true,
// CHECK:       "inits": [],
// CHECK:       "is_sequential": true,
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 8,
// CHECK-NEXT:    "file": "{{.*}}module-subclass-sequential.cpp",
// CHECK-NEXT:    "line": [[@LINE-62]],
// CHECK:       "members": [],
// CHECK:       "name": "Net"
// CHECK-NOT:   "chain_known"
// CHECK:       "chain": [
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": 5,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 15,
// CHECK-NEXT:    "file": "{{.*}}module-subclass-sequential.cpp",
// CHECK-NEXT:    "line": [[@LINE-62]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": 50,
// CHECK-NOT:   "kind"
// CHECK:       "in": null,
// CHECK:       "kind": "unknown",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 5,
// CHECK-NEXT:    "file": "{{.*}}module-subclass-sequential.cpp",
// CHECK-NEXT:    "line": [[@LINE-70]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": 50,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 15,
// CHECK-NEXT:    "file": "{{.*}}module-subclass-sequential.cpp",
// CHECK-NEXT:    "line": [[@LINE-76]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": 1,
// CHECK-NOT:   "kind"
// CHECK:       "chain_known": true,
// CHECK:       "inits": [],
// CHECK:       "is_sequential": true,
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 8,
// CHECK-NEXT:    "file": "{{.*}}module-subclass-sequential.cpp",
// CHECK-NEXT:    "line": [[@LINE-93]],
// CHECK:       "members": [],
// CHECK:       "name": "Deep"
// CHECK-NOT:   "chain_known"
// CHECK:       "optimizers": [
