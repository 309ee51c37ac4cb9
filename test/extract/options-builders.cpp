// RUN: %gradlint --dump-model %s -- -std=c++17 -I%api | FileCheck %s
// Options builders: positional arguments of the options and their setters.
#include <torch/torch.h>

void build() {
  torch::nn::Sequential net(
      torch::nn::Conv2d(torch::nn::Conv2dOptions(1, 16, 3).stride(2).padding(1)),
      torch::nn::Conv2d(torch::nn::Conv2dOptions(16, 8, {5, 5}).bias(false)),
      torch::nn::LeakyReLU(torch::nn::LeakyReLUOptions().negative_slope(0.2)),
      torch::nn::LeakyReLU(),
      torch::nn::Flatten(),
      torch::nn::Dropout(0.3),
      torch::nn::Dropout(torch::nn::DropoutOptions().p(0.4)),
      torch::nn::Dropout(),
      torch::nn::Linear(torch::nn::LinearOptions(12, 24).bias(false)),
      torch::nn::BatchNorm1d(24),
      torch::nn::Linear(24, 2));
}

// --- generated checks ---
// CHECK:       "chain": [
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": 1,
// CHECK-NEXT:  "kernel": 3,
// CHECK:       "kind": "conv2d",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 7,
// CHECK-NEXT:    "file": "{{.*}}options-builders.cpp",
// CHECK-NEXT:    "line": [[@LINE-23]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": 16,
// CHECK:       "padding": 1,
// CHECK:       "stride": 2
// CHECK-NOT:   "kind"
// CHECK:       "bias": false,
// CHECK:       "in": 16,
// CHECK-NEXT:  "kernel": 5,
// CHECK:       "kind": "conv2d",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 7,
// CHECK-NEXT:    "file": "{{.*}}options-builders.cpp",
// CHECK-NEXT:    "line": [[@LINE-35]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": 8,
// CHECK:       "padding": 0,
// CHECK:       "stride": 1
// CHECK-NOT:   "kind"
// CHECK:       "act": "leaky_relu",
// CHECK-NEXT:  "act_param": 0.20000{{[0-9]*}},
// CHECK:       "form": "module",
// CHECK:       "in": null,
// CHECK:       "kind": "activation",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 7,
// CHECK-NEXT:    "file": "{{.*}}options-builders.cpp",
// CHECK-NEXT:    "line": [[@LINE-48]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       "act": "leaky_relu",
// CHECK-NEXT:  "act_param": 0.01,
// CHECK:       "form": "module",
// CHECK:       "in": null,
// CHECK:       "kind": "activation",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 7,
// CHECK-NEXT:    "file": "{{.*}}options-builders.cpp",
// CHECK-NEXT:    "line": [[@LINE-59]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       "in": null,
// CHECK:       "kind": "flatten",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 7,
// CHECK-NEXT:    "file": "{{.*}}options-builders.cpp",
// CHECK-NEXT:    "line": [[@LINE-67]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       "in": null,
// CHECK:       "kind": "dropout",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 7,
// CHECK-NEXT:    "file": "{{.*}}options-builders.cpp",
// CHECK-NEXT:    "line": [[@LINE-75]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": null,
// CHECK-NEXT:  "p": 0.29999{{[0-9]*}},
// CHECK-NOT:   "kind"
// CHECK:       "in": null,
// CHECK:       "kind": "dropout",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 7,
// CHECK-NEXT:    "file": "{{.*}}options-builders.cpp",
// CHECK-NEXT:    "line": [[@LINE-84]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": null,
// CHECK-NEXT:  "p": 0.40000{{[0-9]*}},
// CHECK-NOT:   "kind"
// CHECK:       "in": null,
// CHECK:       "kind": "dropout",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 7,
// CHECK-NEXT:    "file": "{{.*}}options-builders.cpp",
// CHECK-NEXT:    "line": [[@LINE-93]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": null,
// CHECK-NEXT:  "p": 0.5,
// CHECK-NOT:   "kind"
// CHECK:       "bias": false,
// CHECK:       "in": 12,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 7,
// CHECK-NEXT:    "file": "{{.*}}options-builders.cpp",
// CHECK-NEXT:    "line": [[@LINE-103]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": 24,
// CHECK-NOT:   "kind"
// CHECK:       "in": 24,
// CHECK:       "kind": "batch_norm1d",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 7,
// CHECK-NEXT:    "file": "{{.*}}options-builders.cpp",
// CHECK-NEXT:    "line": [[@LINE-111]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": 24,
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": 24,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 7,
// CHECK-NEXT:    "file": "{{.*}}options-builders.cpp",
// CHECK-NEXT:    "line": [[@LINE-120]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": 2,
// CHECK-NOT:   "kind"
// CHECK:       "chain_known": true,
// CHECK:       "inits": [],
// CHECK:       "is_sequential": true,
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 25,
// CHECK-NEXT:    "file": "{{.*}}options-builders.cpp",
// CHECK-NEXT:    "line": [[@LINE-141]],
// CHECK:       "members": [],
// CHECK:       "name": "build::net"
// CHECK-NOT:   "chain_known"
// CHECK:       "optimizers": [
