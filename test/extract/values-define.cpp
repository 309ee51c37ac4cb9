// RUN: %gradlint --dump-model %s -- -std=c++17 -I%api | FileCheck %s
// Sizes from macros, plain and as expressions.
#include <torch/torch.h>

#define IN_FEATURES 20
#define HIDDEN (IN_FEATURES * 2)
#define DROP_P 0.3

void build() {
  torch::nn::Sequential net(torch::nn::Linear(IN_FEATURES, HIDDEN),
                            torch::nn::Dropout(DROP_P),
                            torch::nn::Linear(HIDDEN, 1));
}

// --- generated checks ---
// CHECK:       "chain": [
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": 20,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 29,
// CHECK-NEXT:    "file": "{{.*}}values-define.cpp",
// CHECK-NEXT:    "line": [[@LINE-14]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": 40,
// CHECK-NOT:   "kind"
// CHECK:       "in": null,
// CHECK:       "kind": "dropout",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 29,
// CHECK-NEXT:    "file": "{{.*}}values-define.cpp",
// CHECK-NEXT:    "line": [[@LINE-22]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": null,
// CHECK-NEXT:  "p": 0.29999{{[0-9]*}},
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": 40,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 29,
// CHECK-NEXT:    "file": "{{.*}}values-define.cpp",
// CHECK-NEXT:    "line": [[@LINE-32]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": 1,
// CHECK-NOT:   "kind"
// CHECK:       "chain_known": true,
// CHECK:       "inits": [],
// CHECK:       "is_sequential": true,
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 25,
// CHECK-NEXT:    "file": "{{.*}}values-define.cpp",
// CHECK-NEXT:    "line": [[@LINE-44]],
// CHECK:       "members": [],
// CHECK:       "name": "build::net"
// CHECK-NOT:   "chain_known"
// CHECK:       "optimizers": [
