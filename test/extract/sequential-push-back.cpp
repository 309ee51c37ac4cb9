// RUN: %gradlint --dump-model %s -- -std=c++17 -I%api | FileCheck %s
// push_back, named push_back, a counted loop (unrolled) and a loop with a
// run-time bound (one unknown step stands for the loop).
#include <torch/torch.h>

void plain() {
  torch::nn::Sequential net;
  net->push_back(torch::nn::Linear(8, 32));
  net->push_back("act", torch::nn::Tanh());
  net->push_back(torch::nn::Linear(32, 2));
}

void counted() {
  torch::nn::Sequential net;
  for (int i = 0; i < 3; ++i) {
    net->push_back(torch::nn::Linear(i == 0 ? 10 : 20, 20));
    net->push_back(torch::nn::Sigmoid());
  }
  net->push_back(torch::nn::Linear(20, 1));
}

void runtime_bound(int depth) {
  torch::nn::Sequential net;
  net->push_back(torch::nn::Linear(10, 20));
  for (int i = 0; i < depth; ++i)
    net->push_back(torch::nn::Linear(20, 20));
  net->push_back(torch::nn::Linear(20, 1));
}

// --- generated checks ---
// CHECK:       "chain": [
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": 8,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 18,
// CHECK-NEXT:    "file": "{{.*}}sequential-push-back.cpp",
// CHECK-NEXT:    "line": [[@LINE-31]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": 32,
// CHECK-NOT:   "kind"
// CHECK:       "act": "tanh",
// CHECK:       "form": "module",
// CHECK:       "in": null,
// CHECK:       "kind": "activation",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 25,
// CHECK-NEXT:    "file": "{{.*}}sequential-push-back.cpp",
// CHECK-NEXT:    "line": [[@LINE-41]],
// CHECK:       "name": "act",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": 32,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 18,
// CHECK-NEXT:    "file": "{{.*}}sequential-push-back.cpp",
// CHECK-NEXT:    "line": [[@LINE-50]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": 2,
// CHECK-NOT:   "kind"
// CHECK:       "chain_known": true,
// CHECK:       "inits": [],
// CHECK:       "is_sequential": true,
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 25,
// CHECK-NEXT:    "file": "{{.*}}sequential-push-back.cpp",
// CHECK-NEXT:    "line": [[@LINE-63]],
// CHECK:       "members": [],
// CHECK:       "name": "plain::net"
// CHECK-NOT:   "chain_known"
// CHECK:       "chain": [
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": 10,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 20,
// CHECK-NEXT:    "file": "{{.*}}sequential-push-back.cpp",
// CHECK-NEXT:    "line": [[@LINE-66]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": 20,
// CHECK-NOT:   "kind"
// CHECK:       "act": "sigmoid",
// CHECK:       "form": "module",
// CHECK:       "in": null,
// CHECK:       "kind": "activation",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 20,
// CHECK-NEXT:    "file": "{{.*}}sequential-push-back.cpp",
// CHECK-NEXT:    "line": [[@LINE-76]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": 20,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 20,
// CHECK-NEXT:    "file": "{{.*}}sequential-push-back.cpp",
// CHECK-NEXT:    "line": [[@LINE-87]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": 20,
// CHECK-NOT:   "kind"
// CHECK:       "act": "sigmoid",
// CHECK:       "form": "module",
// CHECK:       "in": null,
// CHECK:       "kind": "activation",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 20,
// CHECK-NEXT:    "file": "{{.*}}sequential-push-back.cpp",
// CHECK-NEXT:    "line": [[@LINE-97]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": 20,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 20,
// CHECK-NEXT:    "file": "{{.*}}sequential-push-back.cpp",
// CHECK-NEXT:    "line": [[@LINE-108]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": 20,
// CHECK-NOT:   "kind"
// CHECK:       "act": "sigmoid",
// CHECK:       "form": "module",
// CHECK:       "in": null,
// CHECK:       "kind": "activation",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 20,
// CHECK-NEXT:    "file": "{{.*}}sequential-push-back.cpp",
// CHECK-NEXT:    "line": [[@LINE-118]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": 20,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 18,
// CHECK-NEXT:    "file": "{{.*}}sequential-push-back.cpp",
// CHECK-NEXT:    "line": [[@LINE-126]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": 1,
// CHECK-NOT:   "kind"
// CHECK:       "chain_known": true,
// CHECK:       "inits": [],
// CHECK:       "is_sequential": true,
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 25,
// CHECK-NEXT:    "file": "{{.*}}sequential-push-back.cpp",
// CHECK-NEXT:    "line": [[@LINE-141]],
// CHECK:       "members": [],
// CHECK:       "name": "counted::net"
// CHECK-NOT:   "chain_known"
// CHECK:       "chain": [
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": 10,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 18,
// CHECK-NEXT:    "file": "{{.*}}sequential-push-back.cpp",
// CHECK-NEXT:    "line": [[@LINE-143]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": 20,
// CHECK-NOT:   "kind"
// CHECK:       "in": null,
// CHECK:       "kind": "unknown",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 3,
// CHECK-NEXT:    "file": "{{.*}}sequential-push-back.cpp",
// CHECK-NEXT:    "line": [[@LINE-151]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": 20,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 18,
// CHECK-NEXT:    "file": "{{.*}}sequential-push-back.cpp",
// CHECK-NEXT:    "line": [[@LINE-159]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": 1,
// CHECK-NOT:   "kind"
// CHECK:       "chain_known": true,
// CHECK:       "inits": [],
// CHECK:       "is_sequential": true,
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 25,
// CHECK-NEXT:    "file": "{{.*}}sequential-push-back.cpp",
// CHECK-NEXT:    "line": [[@LINE-173]],
// CHECK:       "members": [],
// CHECK:       "name": "runtime_bound::net"
// CHECK-NOT:   "chain_known"
// CHECK:       "optimizers": [
