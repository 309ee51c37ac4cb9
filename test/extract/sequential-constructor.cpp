// RUN: %gradlint --dump-model %s -- -std=c++17 -I%api | FileCheck %s
// A Sequential from its constructor: each argument is one step, in order,
// with the shapes its options state.
#include <torch/torch.h>

void build() {
  torch::nn::Sequential net(torch::nn::Linear(784, 128), torch::nn::ReLU(),
                            torch::nn::Dropout(0.2), torch::nn::Linear(128, 10),
                            torch::nn::LogSoftmax(1));
}

void build_assigned() {
  auto net = torch::nn::Sequential(torch::nn::Conv2d(1, 8, 3), torch::nn::Tanh(),
                                   torch::nn::Flatten());
}

// --- generated checks ---
// CHECK:       "chain": [
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": 784,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 29,
// CHECK-NEXT:    "file": "{{.*}}sequential-constructor.cpp",
// CHECK-NEXT:    "line": [[@LINE-19]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": 128,
// CHECK-NOT:   "kind"
// CHECK:       "act": "relu",
// CHECK:       "form": "module",
// CHECK:       "in": null,
// CHECK:       "kind": "activation",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 58,
// CHECK-NEXT:    "file": "{{.*}}sequential-constructor.cpp",
// CHECK-NEXT:    "line": [[@LINE-30]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       "in": null,
// CHECK:       "kind": "dropout",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 29,
// CHECK-NEXT:    "file": "{{.*}}sequential-constructor.cpp",
// CHECK-NEXT:    "line": [[@LINE-38]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": null,
// CHECK-NEXT:  "p": 0.20000{{[0-9]*}},
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": 128,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 54,
// CHECK-NEXT:    "file": "{{.*}}sequential-constructor.cpp",
// CHECK-NEXT:    "line": [[@LINE-49]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": 10,
// CHECK-NOT:   "kind"
// CHECK:       "act": "log_softmax",
// CHECK:       "form": "module",
// CHECK:       "in": null,
// CHECK:       "kind": "activation",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 29,
// CHECK-NEXT:    "file": "{{.*}}sequential-constructor.cpp",
// CHECK-NEXT:    "line": [[@LINE-59]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       "chain_known": true,
// CHECK:       "inits": [],
// CHECK:       "is_sequential": true,
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 25,
// CHECK-NEXT:    "file": "{{.*}}sequential-constructor.cpp",
// CHECK-NEXT:    "line": [[@LINE-71]],
// CHECK:       "members": [],
// CHECK:       "name": "build::net"
// CHECK-NOT:   "chain_known"
// CHECK:       "chain": [
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": 1,
// CHECK-NEXT:  "kernel": 3,
// CHECK:       "kind": "conv2d",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 36,
// CHECK-NEXT:    "file": "{{.*}}sequential-constructor.cpp",
// CHECK-NEXT:    "line": [[@LINE-78]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": 8,
// CHECK:       "padding": 0,
// CHECK:       "stride": 1
// CHECK-NOT:   "kind"
// CHECK:       "act": "tanh",
// CHECK:       "form": "module",
// CHECK:       "in": null,
// CHECK:       "kind": "activation",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 64,
// CHECK-NEXT:    "file": "{{.*}}sequential-constructor.cpp",
// CHECK-NEXT:    "line": [[@LINE-91]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       "in": null,
// CHECK:       "kind": "flatten",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 36,
// CHECK-NEXT:    "file": "{{.*}}sequential-constructor.cpp",
// CHECK-NEXT:    "line": [[@LINE-99]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       "chain_known": true,
// CHECK:       "inits": [],
// CHECK:       "is_sequential": true,
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 8,
// CHECK-NEXT:    "file": "{{.*}}sequential-constructor.cpp",
// CHECK-NEXT:    "line": [[@LINE-110]],
// CHECK:       "members": [],
// CHECK:       "name": "build_assigned::net"
// CHECK-NOT:   "chain_known"
// CHECK:       "optimizers": [
