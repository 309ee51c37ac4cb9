// RUN: %gradlint --dump-model %s -- -std=c++17 -I%api | FileCheck %s
// Names reached through using-directives, namespace aliases and type
// aliases of options read as the fully qualified ones.
#include <torch/torch.h>

using namespace torch;
namespace nn = torch::nn;
namespace F = torch::nn::functional;
using LinOpts = nn::LinearOptions;

struct Net : nn::Module {
  Net() {
    fc1 = register_module("fc1", nn::Linear(LinOpts(3, 9).bias(false)));
    fc2 = register_module("fc2", nn::Linear(9, 2));
  }
  Tensor forward(Tensor x) { return F::softmax(fc2(relu(fc1(x))), 1); }
  nn::Linear fc1{nullptr}, fc2{nullptr};
};

namespace app {
using namespace torch::nn;
void build() { Sequential seq(Linear(2, 2), Sigmoid()); }
} // namespace app

// --- generated checks ---
// CHECK:       "chain": [
// CHECK-NOT:   "kind"
// CHECK:       "bias": false,
// CHECK:       "in": 3,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 34,
// CHECK-NEXT:    "file": "{{.*}}forward-namespaces.cpp",
// CHECK-NEXT:    "line": [[@LINE-21]],
// CHECK:       "name": "fc1",
// CHECK-NEXT:  "out": 9,
// CHECK-NOT:   "kind"
// CHECK:       "act": "relu",
// CHECK:       "form": "function",
// CHECK:       "in": null,
// CHECK:       "kind": "activation",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 52,
// CHECK-NEXT:    "file": "{{.*}}forward-namespaces.cpp",
// CHECK-NEXT:    "line": [[@LINE-29]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": 9,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 34,
// CHECK-NEXT:    "file": "{{.*}}forward-namespaces.cpp",
// CHECK-NEXT:    "line": [[@LINE-41]],
// CHECK:       "name": "fc2",
// CHECK-NEXT:  "out": 2,
// CHECK-NOT:   "kind"
// CHECK:       "act": "softmax",
// CHECK:       "form": "function",
// CHECK:       "in": null,
// CHECK:       "kind": "activation",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 37,
// CHECK-NEXT:    "file": "{{.*}}forward-namespaces.cpp",
// CHECK-NEXT:    "line": [[@LINE-50]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       "chain_known": true,
// CHECK:       "inits": [],
// CHECK:       "is_sequential": false,
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 8,
// CHECK-NEXT:    "file": "{{.*}}forward-namespaces.cpp",
// CHECK-NEXT:    "line": [[@LINE-65]],
// CHECK:       "members": [
// CHECK-NOT:   "registered"
// CHECK:       "is_tensor": false,
// CHECK-NEXT:  "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 14,
// CHECK-NEXT:    "file": "{{.*}}forward-namespaces.cpp",
// CHECK-NEXT:    "line": [[@LINE-67]],
// CHECK:       "name": "fc1",
// CHECK-NEXT:  "registered": true,
// CHECK-NEXT:  "used_in_forward": true
// CHECK-NOT:   "registered"
// CHECK:       "is_tensor": false,
// CHECK-NEXT:  "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 28,
// CHECK-NEXT:    "file": "{{.*}}forward-namespaces.cpp",
// CHECK-NEXT:    "line": [[@LINE-77]],
// CHECK:       "name": "fc2",
// CHECK-NEXT:  "registered": true,
// CHECK-NEXT:  "used_in_forward": true
// CHECK-NOT:   "registered"
// CHECK:       "name": "Net"
// CHECK-NOT:   "chain_known"
// CHECK:       "chain": [
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": 2,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 31,
// CHECK-NEXT:    "file": "{{.*}}forward-namespaces.cpp",
// CHECK-NEXT:    "line": [[@LINE-87]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": 2,
// CHECK-NOT:   "kind"
// CHECK:       "act": "sigmoid",
// CHECK:       "form": "module",
// CHECK:       "in": null,
// CHECK:       "kind": "activation",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 45,
// CHECK-NEXT:    "file": "{{.*}}forward-namespaces.cpp",
// CHECK-NEXT:    "line": [[@LINE-98]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       "chain_known": true,
// CHECK:       "inits": [],
// CHECK:       "is_sequential": true,
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 27,
// CHECK-NEXT:    "file": "{{.*}}forward-namespaces.cpp",
// CHECK-NEXT:    "line": [[@LINE-108]],
// CHECK:       "members": [],
// CHECK:       "name": "app::build::seq"
// CHECK-NOT:   "chain_known"
// CHECK:       "optimizers": [
