// RUN: %gradlint --dump-model %s -- -std=c++17 -I%api | FileCheck %s
// torch::nn::init on a layer's weight and bias, with the values each
// scheme states (defaults filled in where the function has them).
#include <torch/torch.h>

struct Net : torch::nn::Module {
  Net() {
    fc1 = register_module("fc1", torch::nn::Linear(4, 8));
    fc2 = register_module("fc2", torch::nn::Linear(8, 8));
    fc3 = register_module("fc3", torch::nn::Linear(8, 1));
    torch::nn::init::xavier_uniform_(fc1->weight);
    torch::nn::init::zeros_(fc1->bias);
    torch::nn::init::kaiming_normal_(fc2->weight, 0.1);
    torch::nn::init::constant_(fc2->bias, 0.01);
    torch::nn::init::normal_(fc3->weight, 0.0, 0.02);
    torch::nn::init::ones_(fc3->bias);
  }
  void reset() {
    torch::nn::init::uniform_(fc1->weight, -0.05, 0.05);
    torch::nn::init::orthogonal_(fc2->weight, 2.0);
    torch::nn::init::xavier_normal_(this->fc3->weight);
    torch::nn::init::uniform_(fc1->bias);
  }
  torch::Tensor forward(torch::Tensor x) { return fc3(fc2(fc1(x))); }
  torch::nn::Linear fc1{nullptr}, fc2{nullptr}, fc3{nullptr};
};

// --- generated checks ---
// CHECK:       "chain": [
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": 4,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 34,
// CHECK-NEXT:    "file": "{{.*}}init-functions.cpp",
// CHECK-NEXT:    "line": [[@LINE-29]],
// CHECK:       "name": "fc1",
// CHECK-NEXT:  "out": 8,
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": 8,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 34,
// CHECK-NEXT:    "file": "{{.*}}init-functions.cpp",
// CHECK-NEXT:    "line": [[@LINE-38]],
// CHECK:       "name": "fc2",
// CHECK-NEXT:  "out": 8,
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": 8,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 34,
// CHECK-NEXT:    "file": "{{.*}}init-functions.cpp",
// CHECK-NEXT:    "line": [[@LINE-47]],
// CHECK:       "name": "fc3",
// CHECK-NEXT:  "out": 1,
// CHECK-NOT:   "kind"
// CHECK:       "chain_known": true,
// CHECK:       "inits": [
// CHECK-NOT:   "scheme"
// CHECK:       "a": null,
// CHECK-NEXT:  "b": null,
// CHECK-NEXT:  "dead": false,
// CHECK-NEXT:  "gain": 1,
// CHECK-NEXT:  "kind_filter": null,
// CHECK-NEXT:  "layer": "fc1",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 5,
// CHECK-NEXT:    "file": "{{.*}}init-functions.cpp",
// CHECK-NEXT:    "line": [[@LINE-62]],
// CHECK:       "name_contains": "",
// CHECK-NEXT:  "role": "weight",
// CHECK-NEXT:  "scheme": "xavier_uniform"
// CHECK-NOT:   "scheme"
// CHECK:       "a": 0,
// CHECK-NEXT:  "b": null,
// CHECK-NEXT:  "dead": false,
// CHECK-NEXT:  "gain": null,
// CHECK-NEXT:  "kind_filter": null,
// CHECK-NEXT:  "layer": "fc1",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 5,
// CHECK-NEXT:    "file": "{{.*}}init-functions.cpp",
// CHECK-NEXT:    "line": [[@LINE-75]],
// CHECK:       "name_contains": "",
// CHECK-NEXT:  "role": "bias",
// CHECK-NEXT:  "scheme": "zeros"
// CHECK-NOT:   "scheme"
// CHECK:       "a": null,
// CHECK-NEXT:  "b": null,
// CHECK-NEXT:  "dead": false,
// CHECK-NEXT:  "gain": 0.10000{{[0-9]*}},
// CHECK-NEXT:  "kind_filter": null,
// CHECK-NEXT:  "layer": "fc2",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 5,
// CHECK-NEXT:    "file": "{{.*}}init-functions.cpp",
// CHECK-NEXT:    "line": [[@LINE-88]],
// CHECK:       "name_contains": "",
// CHECK-NEXT:  "role": "weight",
// CHECK-NEXT:  "scheme": "kaiming_normal"
// CHECK-NOT:   "scheme"
// CHECK:       "a": 0.01,
// CHECK-NEXT:  "b": null,
// CHECK-NEXT:  "dead": false,
// CHECK-NEXT:  "gain": null,
// CHECK-NEXT:  "kind_filter": null,
// CHECK-NEXT:  "layer": "fc2",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 5,
// CHECK-NEXT:    "file": "{{.*}}init-functions.cpp",
// CHECK-NEXT:    "line": [[@LINE-101]],
// CHECK:       "name_contains": "",
// CHECK-NEXT:  "role": "bias",
// CHECK-NEXT:  "scheme": "constant"
// CHECK-NOT:   "scheme"
// CHECK:       "a": 0,
// CHECK-NEXT:  "b": 0.02,
// CHECK-NEXT:  "dead": false,
// CHECK-NEXT:  "gain": null,
// CHECK-NEXT:  "kind_filter": null,
// CHECK-NEXT:  "layer": "fc3",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 5,
// CHECK-NEXT:    "file": "{{.*}}init-functions.cpp",
// CHECK-NEXT:    "line": [[@LINE-114]],
// CHECK:       "name_contains": "",
// CHECK-NEXT:  "role": "weight",
// CHECK-NEXT:  "scheme": "normal"
// CHECK-NOT:   "scheme"
// CHECK:       "a": 1,
// CHECK-NEXT:  "b": null,
// CHECK-NEXT:  "dead": false,
// CHECK-NEXT:  "gain": null,
// CHECK-NEXT:  "kind_filter": null,
// CHECK-NEXT:  "layer": "fc3",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 5,
// CHECK-NEXT:    "file": "{{.*}}init-functions.cpp",
// CHECK-NEXT:    "line": [[@LINE-127]],
// CHECK:       "name_contains": "",
// CHECK-NEXT:  "role": "bias",
// CHECK-NEXT:  "scheme": "ones"
// CHECK-NOT:   "scheme"
// CHECK:       "a": -0.0500{{[0-9]*}},
// CHECK-NEXT:  "b": 0.05000{{[0-9]*}},
// CHECK-NEXT:  "dead": false,
// CHECK-NEXT:  "gain": null,
// CHECK-NEXT:  "kind_filter": null,
// CHECK-NEXT:  "layer": "fc1",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 5,
// CHECK-NEXT:    "file": "{{.*}}init-functions.cpp",
// CHECK-NEXT:    "line": [[@LINE-138]],
// CHECK:       "name_contains": "",
// CHECK-NEXT:  "role": "weight",
// CHECK-NEXT:  "scheme": "uniform"
// CHECK-NOT:   "scheme"
// CHECK:       "a": null,
// CHECK-NEXT:  "b": null,
// CHECK-NEXT:  "dead": false,
// CHECK-NEXT:  "gain": 2,
// CHECK-NEXT:  "kind_filter": null,
// CHECK-NEXT:  "layer": "fc2",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 5,
// CHECK-NEXT:    "file": "{{.*}}init-functions.cpp",
// CHECK-NEXT:    "line": [[@LINE-151]],
// CHECK:       "name_contains": "",
// CHECK-NEXT:  "role": "weight",
// CHECK-NEXT:  "scheme": "orthogonal"
// CHECK-NOT:   "scheme"
// CHECK:       "a": null,
// CHECK-NEXT:  "b": null,
// CHECK-NEXT:  "dead": false,
// CHECK-NEXT:  "gain": 1,
// CHECK-NEXT:  "kind_filter": null,
// CHECK-NEXT:  "layer": "fc3",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 5,
// CHECK-NEXT:    "file": "{{.*}}init-functions.cpp",
// CHECK-NEXT:    "line": [[@LINE-164]],
// CHECK:       "name_contains": "",
// CHECK-NEXT:  "role": "weight",
// CHECK-NEXT:  "scheme": "xavier_normal"
// CHECK-NOT:   "scheme"
// CHECK:       "a": 0,
// CHECK-NEXT:  "b": 1,
// CHECK-NEXT:  "dead": false,
// CHECK-NEXT:  "gain": null,
// CHECK-NEXT:  "kind_filter": null,
// CHECK-NEXT:  "layer": "fc1",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 5,
// CHECK-NEXT:    "file": "{{.*}}init-functions.cpp",
// CHECK-NEXT:    "line": [[@LINE-177]],
// CHECK:       "name_contains": "",
// CHECK-NEXT:  "role": "bias",
// CHECK-NEXT:  "scheme": "uniform"
// CHECK-NOT:   "scheme"
// CHECK:       "is_sequential": false,
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 8,
// CHECK-NEXT:    "file": "{{.*}}init-functions.cpp",
// CHECK-NEXT:    "line": [[@LINE-202]],
// CHECK:       "members": [
// CHECK-NOT:   "registered"
// CHECK:       "is_tensor": false,
// CHECK-NEXT:  "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 21,
// CHECK-NEXT:    "file": "{{.*}}init-functions.cpp",
// CHECK-NEXT:    "line": [[@LINE-191]],
// CHECK:       "name": "fc1",
// CHECK-NEXT:  "registered": true,
// CHECK-NEXT:  "used_in_forward": true
// CHECK-NOT:   "registered"
// CHECK:       "is_tensor": false,
// CHECK-NEXT:  "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 35,
// CHECK-NEXT:    "file": "{{.*}}init-functions.cpp",
// CHECK-NEXT:    "line": [[@LINE-201]],
// CHECK:       "name": "fc2",
// CHECK-NEXT:  "registered": true,
// CHECK-NEXT:  "used_in_forward": true
// CHECK-NOT:   "registered"
// CHECK:       "is_tensor": false,
// CHECK-NEXT:  "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 49,
// CHECK-NEXT:    "file": "{{.*}}init-functions.cpp",
// CHECK-NEXT:    "line": [[@LINE-211]],
// CHECK:       "name": "fc3",
// CHECK-NEXT:  "registered": true,
// CHECK-NEXT:  "used_in_forward": true
// CHECK-NOT:   "registered"
// CHECK:       "name": "Net"
// CHECK-NOT:   "chain_known"
// CHECK:       "optimizers": [
