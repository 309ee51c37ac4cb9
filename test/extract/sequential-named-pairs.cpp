// RUN: %gradlint --dump-model %s -- -std=c++17 -I%api | FileCheck %s
// Named pairs: each step carries its name.
#include <torch/torch.h>

void build() {
  torch::nn::Sequential net({{"conv1", torch::nn::Conv2d(1, 16, 5)},
                             {"act1", torch::nn::ReLU()},
                             {"flat", torch::nn::Flatten()},
                             {"fc", torch::nn::Linear(16 * 24 * 24, 10)}});
}

// --- generated checks ---
// CHECK:       "chain": [
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": 1,
// CHECK-NEXT:  "kernel": 5,
// CHECK:       "kind": "conv2d",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 40,
// CHECK-NEXT:    "file": "{{.*}}sequential-named-pairs.cpp",
// CHECK-NEXT:    "line": [[@LINE-16]],
// CHECK:       "name": "conv1",
// CHECK-NEXT:  "out": 16,
// CHECK:       "padding": 0,
// CHECK:       "stride": 1
// CHECK-NOT:   "kind"
// CHECK:       "act": "relu",
// CHECK:       "form": "module",
// CHECK:       "in": null,
// CHECK:       "kind": "activation",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 39,
// CHECK-NEXT:    "file": "{{.*}}sequential-named-pairs.cpp",
// CHECK-NEXT:    "line": [[@LINE-28]],
// CHECK:       "name": "act1",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       "in": null,
// CHECK:       "kind": "flatten",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 39,
// CHECK-NEXT:    "file": "{{.*}}sequential-named-pairs.cpp",
// CHECK-NEXT:    "line": [[@LINE-36]],
// CHECK:       "name": "flat",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": 9216,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 37,
// CHECK-NEXT:    "file": "{{.*}}sequential-named-pairs.cpp",
// CHECK-NEXT:    "line": [[@LINE-45]],
// CHECK:       "name": "fc",
// CHECK-NEXT:  "out": 10,
// CHECK-NOT:   "kind"
// CHECK:       "chain_known": true,
// CHECK:       "inits": [],
// CHECK:       "is_sequential": true,
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 25,
// CHECK-NEXT:    "file": "{{.*}}sequential-named-pairs.cpp",
// CHECK-NEXT:    "line": [[@LINE-58]],
// CHECK:       "members": [],
// CHECK:       "name": "build::net"
// CHECK-NOT:   "chain_known"
// CHECK:       "optimizers": [
