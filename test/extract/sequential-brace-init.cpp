// RUN: %gradlint --dump-model %s -- -std=c++17 -I%api | FileCheck %s
// A Sequential brace-initialised: the same chain as its constructor.
#include <torch/torch.h>

void build() {
  torch::nn::Sequential net{torch::nn::Linear(4, 16), torch::nn::Sigmoid(),
                            torch::nn::Linear(16, 1)};
}

void build_copy_list() {
  torch::nn::Sequential head = torch::nn::Sequential{torch::nn::Linear(16, 8),
                                                     torch::nn::ReLU()};
}

// --- generated checks ---
// CHECK:       "chain": [
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": 4,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 29,
// CHECK-NEXT:    "file": "{{.*}}sequential-brace-init.cpp",
// CHECK-NEXT:    "line": [[@LINE-18]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": 16,
// CHECK-NOT:   "kind"
// CHECK:       "act": "sigmoid",
// CHECK:       "form": "module",
// CHECK:       "in": null,
// CHECK:       "kind": "activation",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 55,
// CHECK-NEXT:    "file": "{{.*}}sequential-brace-init.cpp",
// CHECK-NEXT:    "line": [[@LINE-29]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": 16,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 29,
// CHECK-NEXT:    "file": "{{.*}}sequential-brace-init.cpp",
// CHECK-NEXT:    "line": [[@LINE-38]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": 1,
// CHECK-NOT:   "kind"
// CHECK:       "chain_known": true,
// CHECK:       "inits": [],
// CHECK:       "is_sequential": true,
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 25,
// CHECK-NEXT:    "file": "{{.*}}sequential-brace-init.cpp",
// CHECK-NEXT:    "line": [[@LINE-49]],
// CHECK:       "members": [],
// CHECK:       "name": "build::net"
// CHECK-NOT:   "chain_known"
// CHECK:       "chain": [
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": 16,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 54,
// CHECK-NEXT:    "file": "{{.*}}sequential-brace-init.cpp",
// CHECK-NEXT:    "line": [[@LINE-56]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": 8,
// CHECK-NOT:   "kind"
// CHECK:       "act": "relu",
// CHECK:       "form": "module",
// CHECK:       "in": null,
// CHECK:       "kind": "activation",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 54,
// CHECK-NEXT:    "file": "{{.*}}sequential-brace-init.cpp",
// CHECK-NEXT:    "line": [[@LINE-66]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       "chain_known": true,
// CHECK:       "inits": [],
// CHECK:       "is_sequential": true,
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 25,
// CHECK-NEXT:    "file": "{{.*}}sequential-brace-init.cpp",
// CHECK-NEXT:    "line": [[@LINE-77]],
// CHECK:       "members": [],
// CHECK:       "name": "build_copy_list::head"
// CHECK-NOT:   "chain_known"
// CHECK:       "optimizers": [
