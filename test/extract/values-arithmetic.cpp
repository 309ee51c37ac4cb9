// RUN: %gradlint --dump-model %s -- -std=c++17 -I%api | FileCheck %s
// Simple arithmetic on known values: + - * / and parentheses, integer
// division truncating, casts.
#include <torch/torch.h>

constexpr int kBase = 8;

void build() {
  const int width = kBase * 4;
  torch::nn::Sequential net(torch::nn::Conv2d(3, kBase * 2, 3),
                            torch::nn::Flatten(),
                            torch::nn::Linear(kBase * 2 * (30 * 30), width + 1),
                            torch::nn::Linear(width + 1, (width - 2) / 4),
                            torch::nn::Linear(static_cast<int64_t>(7), 2));
}

// --- generated checks ---
// CHECK:       "chain": [
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": 3,
// CHECK-NEXT:  "kernel": 3,
// CHECK:       "kind": "conv2d",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 29,
// CHECK-NEXT:    "file": "{{.*}}values-arithmetic.cpp",
// CHECK-NEXT:    "line": [[@LINE-17]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": 16,
// CHECK:       "padding": 0,
// CHECK:       "stride": 1
// CHECK-NOT:   "kind"
// CHECK:       "in": null,
// CHECK:       "kind": "flatten",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 29,
// CHECK-NEXT:    "file": "{{.*}}values-arithmetic.cpp",
// CHECK-NEXT:    "line": [[@LINE-27]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": 14400,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 29,
// CHECK-NEXT:    "file": "{{.*}}values-arithmetic.cpp",
// CHECK-NEXT:    "line": [[@LINE-36]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": 33,
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": 33,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 29,
// CHECK-NEXT:    "file": "{{.*}}values-arithmetic.cpp",
// CHECK-NEXT:    "line": [[@LINE-45]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": 7,
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": 7,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 29,
// CHECK-NEXT:    "file": "{{.*}}values-arithmetic.cpp",
// CHECK-NEXT:    "line": [[@LINE-54]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": 2,
// CHECK-NOT:   "kind"
// CHECK:       "chain_known": true,
// CHECK:       "inits": [],
// CHECK:       "is_sequential": true,
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 25,
// CHECK-NEXT:    "file": "{{.*}}values-arithmetic.cpp",
// CHECK-NEXT:    "line": [[@LINE-68]],
// CHECK:       "members": [],
// CHECK:       "name": "build::net"
// CHECK-NOT:   "chain_known"
// CHECK:       "optimizers": [
