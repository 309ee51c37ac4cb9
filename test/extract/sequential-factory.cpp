// RUN: %gradlint --dump-model %s -- -std=c++17 -I%api | FileCheck %s
// A function returning a Sequential: the model is named after the function,
// and the variable it initialises in the caller is not a second model.
#include <torch/torch.h>

namespace zoo {
torch::nn::Sequential make_mlp() {
  torch::nn::Sequential seq;
  seq->push_back(torch::nn::Linear(3, 64));
  seq->push_back(torch::nn::ReLU());
  seq->push_back(torch::nn::Linear(64, 1));
  return seq;
}
} // namespace zoo

torch::nn::Sequential make_head() {
  return torch::nn::Sequential(torch::nn::Linear(64, 10), torch::nn::Softmax(1));
}

void use() {
  auto mlp = zoo::make_mlp();
  torch::nn::Sequential head = make_head();
}

// --- generated checks ---
// CHECK:       "chain": [
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": 3,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 18,
// CHECK-NEXT:    "file": "{{.*}}sequential-factory.cpp",
// CHECK-NEXT:    "line": [[@LINE-25]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": 64,
// CHECK-NOT:   "kind"
// CHECK:       "act": "relu",
// CHECK:       "form": "module",
// CHECK:       "in": null,
// CHECK:       "kind": "activation",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 18,
// CHECK-NEXT:    "file": "{{.*}}sequential-factory.cpp",
// CHECK-NEXT:    "line": [[@LINE-35]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": 64,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 18,
// CHECK-NEXT:    "file": "{{.*}}sequential-factory.cpp",
// CHECK-NEXT:    "line": [[@LINE-44]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": 1,
// CHECK-NOT:   "kind"
// CHECK:       "chain_known": true,
// CHECK:       "inits": [],
// CHECK:       "is_sequential": true,
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 25,
// CHECK-NEXT:    "file": "{{.*}}sequential-factory.cpp",
// CHECK-NEXT:    "line": [[@LINE-57]],
// CHECK:       "members": [],
// CHECK:       "name": "zoo::make_mlp"
// CHECK-NOT:   "chain_known"
// CHECK:       "chain": [
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": 64,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 32,
// CHECK-NEXT:    "file": "{{.*}}sequential-factory.cpp",
// CHECK-NEXT:    "line": [[@LINE-60]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": 10,
// CHECK-NOT:   "kind"
// CHECK:       "act": "softmax",
// CHECK:       "form": "module",
// CHECK:       "in": null,
// CHECK:       "kind": "activation",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 59,
// CHECK-NEXT:    "file": "{{.*}}sequential-factory.cpp",
// CHECK-NEXT:    "line": [[@LINE-71]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       "chain_known": true,
// CHECK:       "inits": [],
// CHECK:       "is_sequential": true,
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 10,
// CHECK-NEXT:    "file": "{{.*}}sequential-factory.cpp",
// CHECK-NEXT:    "line": [[@LINE-81]],
// CHECK:       "members": [],
// CHECK:       "name": "make_head"
// CHECK-NOT:   "chain_known"
// CHECK:       "optimizers": [
