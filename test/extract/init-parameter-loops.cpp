// RUN: %gradlint --dump-model %s -- -std=c++17 -I%api | FileCheck %s
// Loops over parameters() (every parameter) and named_parameters() with a
// test on the name; the else branch of a weight/bias test is the other role.
#include <torch/torch.h>

struct Net : torch::nn::Module {
  Net() {
    fc1 = register_module("fc1", torch::nn::Linear(4, 8));
    fc2 = register_module("fc2", torch::nn::Linear(8, 1));
  }
  torch::Tensor forward(torch::Tensor x) { return fc2(torch::relu(fc1(x))); }
  torch::nn::Linear fc1{nullptr}, fc2{nullptr};
};

void init_all(std::shared_ptr<Net> net) {
  torch::NoGradGuard guard;
  for (auto &p : net->parameters())
    p.uniform_(-0.1, 0.1);
}

void init_named(std::shared_ptr<Net> net) {
  torch::NoGradGuard guard;
  for (auto &p : net->named_parameters()) {
    if (p.key().find("weight") != std::string::npos)
      torch::nn::init::xavier_normal_(p.value());
    else
      torch::nn::init::constant_(p.value(), 0.0);
  }
}

void init_bias_only(Net &net) {
  for (auto &item : net.named_parameters())
    if (item.key().find("bias") != std::string::npos)
      item.value().data().fill_(0.1);
}

// --- generated checks ---
// CHECK:       "chain": [
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": 4,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 34,
// CHECK-NEXT:    "file": "{{.*}}init-parameter-loops.cpp",
// CHECK-NEXT:    "line": [[@LINE-38]],
// CHECK:       "name": "fc1",
// CHECK-NEXT:  "out": 8,
// CHECK-NOT:   "kind"
// CHECK:       "act": "relu",
// CHECK:       "form": "function",
// CHECK:       "in": null,
// CHECK:       "kind": "activation",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 55,
// CHECK-NEXT:    "file": "{{.*}}init-parameter-loops.cpp",
// CHECK-NEXT:    "line": [[@LINE-46]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": 8,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 34,
// CHECK-NEXT:    "file": "{{.*}}init-parameter-loops.cpp",
// CHECK-NEXT:    "line": [[@LINE-58]],
// CHECK:       "name": "fc2",
// CHECK-NEXT:  "out": 1,
// CHECK-NOT:   "kind"
// CHECK:       "chain_known": true,
// CHECK:       "inits": [
// CHECK-NOT:   "scheme"
// CHECK:       "a": -0.1000{{[0-9]*}},
// CHECK-NEXT:  "b": 0.10000{{[0-9]*}},
// CHECK-NEXT:  "dead": false,
// CHECK-NEXT:  "gain": null,
// CHECK-NEXT:  "kind_filter": null,
// CHECK-NEXT:  "layer": "",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 7,
// CHECK-NEXT:    "file": "{{.*}}init-parameter-loops.cpp",
// CHECK-NEXT:    "line": [[@LINE-65]],
// CHECK:       "name_contains": "",
// CHECK-NEXT:  "role": "any",
// CHECK-NEXT:  "scheme": "uniform"
// CHECK-NOT:   "scheme"
// CHECK:       "a": null,
// CHECK-NEXT:  "b": null,
// CHECK-NEXT:  "dead": false,
// CHECK-NEXT:  "gain": 1,
// CHECK-NEXT:  "kind_filter": null,
// CHECK-NEXT:  "layer": "",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 7,
// CHECK-NEXT:    "file": "{{.*}}init-parameter-loops.cpp",
// CHECK-NEXT:    "line": [[@LINE-72]],
// CHECK:       "name_contains": "weight",
// CHECK-NEXT:  "role": "weight",
// CHECK-NEXT:  "scheme": "xavier_normal"
// CHECK-NOT:   "scheme"
// CHECK:       "a": 0,
// CHECK-NEXT:  "b": null,
// CHECK-NEXT:  "dead": false,
// CHECK-NEXT:  "gain": null,
// CHECK-NEXT:  "kind_filter": null,
// CHECK-NEXT:  "layer": "",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 7,
// CHECK-NEXT:    "file": "{{.*}}init-parameter-loops.cpp",
// CHECK-NEXT:    "line": [[@LINE-84]],
// CHECK:       "name_contains": "bias",
// CHECK-NEXT:  "role": "bias",
// CHECK-NEXT:  "scheme": "zeros"
// CHECK-NOT:   "scheme"
// CHECK:       "a": 0.10000{{[0-9]*}},
// CHECK-NEXT:  "b": null,
// CHECK-NEXT:  "dead": false,
// CHECK-NEXT:  "gain": null,
// CHECK-NEXT:  "kind_filter": null,
// CHECK-NEXT:  "layer": "",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 27,
// CHECK-NEXT:    "file": "{{.*}}init-parameter-loops.cpp",
// CHECK-NEXT:    "line": [[@LINE-91]],
// CHECK:       "name_contains": "bias",
// CHECK-NEXT:  "role": "bias",
// CHECK-NEXT:  "scheme": "constant"
// CHECK-NOT:   "scheme"
// CHECK:       "is_sequential": false,
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 8,
// CHECK-NEXT:    "file": "{{.*}}init-parameter-loops.cpp",
// CHECK-NEXT:    "line": [[@LINE-128]],
// CHECK:       "members": [
// CHECK-NOT:   "registered"
// CHECK:       "is_tensor": false,
// CHECK-NEXT:  "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 21,
// CHECK-NEXT:    "file": "{{.*}}init-parameter-loops.cpp",
// CHECK-NEXT:    "line": [[@LINE-130]],
// CHECK:       "name": "fc1",
// CHECK-NEXT:  "registered": true,
// CHECK-NEXT:  "used_in_forward": true
// CHECK-NOT:   "registered"
// CHECK:       "is_tensor": false,
// CHECK-NEXT:  "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 35,
// CHECK-NEXT:    "file": "{{.*}}init-parameter-loops.cpp",
// CHECK-NEXT:    "line": [[@LINE-140]],
// CHECK:       "name": "fc2",
// CHECK-NEXT:  "registered": true,
// CHECK-NEXT:  "used_in_forward": true
// CHECK-NOT:   "registered"
// CHECK:       "name": "Net"
// CHECK-NOT:   "chain_known"
// CHECK:       "optimizers": [
