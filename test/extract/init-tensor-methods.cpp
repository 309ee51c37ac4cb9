// RUN: %gradlint --dump-model %s -- -std=c++17 -I%api | FileCheck %s
// Tensor methods on a parameter, directly and through .data(), under
// NoGradGuard; a registered tensor parameter too.
#include <torch/torch.h>

struct Net : torch::nn::Module {
  Net() {
    fc = register_module("fc", torch::nn::Linear(6, 3));
    scale = register_parameter("scale", torch::empty({3}));
    torch::NoGradGuard no_grad;
    fc->weight.uniform_(-0.01, 0.01);
    fc->bias.fill_(0.5);
    fc->weight.data().normal_(0, 0.1);
    fc->bias.data().zero_();
    scale.fill_(1.0);
  }
  torch::Tensor forward(torch::Tensor x) { return fc(x) * scale; }
  torch::nn::Linear fc{nullptr};
  torch::Tensor scale;
};

// --- generated checks ---
// CHECK:       "chain": [
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": 6,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 32,
// CHECK-NEXT:    "file": "{{.*}}init-tensor-methods.cpp",
// CHECK-NEXT:    "line": [[@LINE-23]],
// CHECK:       "name": "fc",
// CHECK-NEXT:  "out": 3,
// CHECK-NOT:   "kind"
// CHECK:       "chain_known": true,
// CHECK:       "inits": [
// CHECK-NOT:   "scheme"
// CHECK:       "a": -0.01,
// CHECK-NEXT:  "b": 0.01,
// CHECK-NEXT:  "dead": false,
// CHECK-NEXT:  "gain": null,
// CHECK-NEXT:  "kind_filter": null,
// CHECK-NEXT:  "layer": "fc",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 16,
// CHECK-NEXT:    "file": "{{.*}}init-tensor-methods.cpp",
// CHECK-NEXT:    "line": [[@LINE-36]],
// CHECK:       "name_contains": "",
// CHECK-NEXT:  "role": "weight",
// CHECK-NEXT:  "scheme": "uniform"
// CHECK-NOT:   "scheme"
// CHECK:       "a": 0.5,
// CHECK-NEXT:  "b": null,
// CHECK-NEXT:  "dead": false,
// CHECK-NEXT:  "gain": null,
// CHECK-NEXT:  "kind_filter": null,
// CHECK-NEXT:  "layer": "fc",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 14,
// CHECK-NEXT:    "file": "{{.*}}init-tensor-methods.cpp",
// CHECK-NEXT:    "line": [[@LINE-49]],
// CHECK:       "name_contains": "",
// CHECK-NEXT:  "role": "bias",
// CHECK-NEXT:  "scheme": "constant"
// CHECK-NOT:   "scheme"
// CHECK:       "a": 0,
// CHECK-NEXT:  "b": 0.10000{{[0-9]*}},
// CHECK-NEXT:  "dead": false,
// CHECK-NEXT:  "gain": null,
// CHECK-NEXT:  "kind_filter": null,
// CHECK-NEXT:  "layer": "fc",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 23,
// CHECK-NEXT:    "file": "{{.*}}init-tensor-methods.cpp",
// CHECK-NEXT:    "line": [[@LINE-62]],
// CHECK:       "name_contains": "",
// CHECK-NEXT:  "role": "weight",
// CHECK-NEXT:  "scheme": "normal"
// CHECK-NOT:   "scheme"
// CHECK:       "a": 0,
// CHECK-NEXT:  "b": null,
// CHECK-NEXT:  "dead": false,
// CHECK-NEXT:  "gain": null,
// CHECK-NEXT:  "kind_filter": null,
// CHECK-NEXT:  "layer": "fc",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 21,
// CHECK-NEXT:    "file": "{{.*}}init-tensor-methods.cpp",
// CHECK-NEXT:    "line": [[@LINE-75]],
// CHECK:       "name_contains": "",
// CHECK-NEXT:  "role": "bias",
// CHECK-NEXT:  "scheme": "zeros"
// CHECK-NOT:   "scheme"
// CHECK:       "a": 1,
// CHECK-NEXT:  "b": null,
// CHECK-NEXT:  "dead": false,
// CHECK-NEXT:  "gain": null,
// CHECK-NEXT:  "kind_filter": null,
// CHECK-NEXT:  "layer": "scale",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 11,
// CHECK-NEXT:    "file": "{{.*}}init-tensor-methods.cpp",
// CHECK-NEXT:    "line": [[@LINE-88]],
// CHECK:       "name_contains": "",
// CHECK-NEXT:  "role": "weight",
// CHECK-NEXT:  "scheme": "constant"
// CHECK-NOT:   "scheme"
// CHECK:       "is_sequential": false,
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 8,
// CHECK-NEXT:    "file": "{{.*}}init-tensor-methods.cpp",
// CHECK-NEXT:    "line": [[@LINE-106]],
// CHECK:       "members": [
// CHECK-NOT:   "registered"
// CHECK:       "is_tensor": false,
// CHECK-NEXT:  "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 21,
// CHECK-NEXT:    "file": "{{.*}}init-tensor-methods.cpp",
// CHECK-NEXT:    "line": [[@LINE-102]],
// CHECK:       "name": "fc",
// CHECK-NEXT:  "registered": true,
// CHECK-NEXT:  "used_in_forward": true
// CHECK-NOT:   "registered"
// CHECK:       "is_tensor": true,
// CHECK-NEXT:  "kind": "unknown",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 17,
// CHECK-NEXT:    "file": "{{.*}}init-tensor-methods.cpp",
// CHECK-NEXT:    "line": [[@LINE-111]],
// CHECK:       "name": "scale",
// CHECK-NEXT:  "registered": true,
// CHECK-NEXT:  "used_in_forward": true
// CHECK-NOT:   "registered"
// CHECK:       "name": "Net"
// CHECK-NOT:   "chain_known"
// CHECK:       "optimizers": [
