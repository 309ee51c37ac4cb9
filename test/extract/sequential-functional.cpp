// RUN: %gradlint --dump-model %s -- -std=c++17 -I%api | FileCheck %s
// Functional wrappers: a framework function, a function with a bound
// argument, and lambdas (read as the chain they apply).
#include <torch/torch.h>

torch::Tensor helper(torch::Tensor x);

void build() {
  torch::nn::Sequential net(
      torch::nn::Linear(10, 20),
      torch::nn::Functional(torch::relu),
      torch::nn::Linear(20, 20),
      torch::nn::Functional(torch::leaky_relu, 0.2),
      torch::nn::Functional([](torch::Tensor x) { return torch::sigmoid(x); }),
      torch::nn::Functional([](torch::Tensor x) { return x * 2; }),
      torch::nn::Functional([](torch::Tensor x) { return helper(x); }));
}

// --- generated checks ---
// CHECK:       "chain": [
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": 10,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 7,
// CHECK-NEXT:    "file": "{{.*}}sequential-functional.cpp",
// CHECK-NEXT:    "line": [[@LINE-18]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": 20,
// CHECK-NOT:   "kind"
// CHECK:       "act": "relu",
// CHECK:       "form": "functional",
// CHECK:       "in": null,
// CHECK:       "kind": "activation",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 7,
// CHECK-NEXT:    "file": "{{.*}}sequential-functional.cpp",
// CHECK-NEXT:    "line": [[@LINE-28]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": 20,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 7,
// CHECK-NEXT:    "file": "{{.*}}sequential-functional.cpp",
// CHECK-NEXT:    "line": [[@LINE-37]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": 20,
// CHECK-NOT:   "kind"
// CHECK:       "act": "leaky_relu",
// CHECK-NEXT:  "act_param": 0.20000{{[0-9]*}},
// CHECK:       "form": "functional",
// CHECK:       "in": null,
// CHECK:       "kind": "activation",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 7,
// CHECK-NEXT:    "file": "{{.*}}sequential-functional.cpp",
// CHECK-NEXT:    "line": [[@LINE-48]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       "act": "sigmoid",
// CHECK:       "form": "functional",
// CHECK:       "in": null,
// CHECK:       "kind": "activation",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 58,
// CHECK-NEXT:    "file": "{{.*}}sequential-functional.cpp",
// CHECK-NEXT:    "line": [[@LINE-58]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       "children": [],
// CHECK:       "in": null,
// CHECK:       "kind": "sequential",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 7,
// CHECK-NEXT:    "file": "{{.*}}sequential-functional.cpp",
// CHECK-NEXT:    "line": [[@LINE-67]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       "in": null,
// CHECK:       "kind": "unknown",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 58,
// CHECK-NEXT:    "file": "{{.*}}sequential-functional.cpp",
// CHECK-NEXT:    "line": [[@LINE-75]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       "chain_known": true,
// CHECK:       "inits": [],
// CHECK:       "is_sequential": true,
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 25,
// CHECK-NEXT:    "file": "{{.*}}sequential-functional.cpp",
// CHECK-NEXT:    "line": [[@LINE-92]],
// CHECK:       "members": [],
// CHECK:       "name": "build::net"
// CHECK-NOT:   "chain_known"
// CHECK:       "optimizers": [
