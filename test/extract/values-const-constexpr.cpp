// RUN: %gradlint --dump-model %s -- -std=c++17 -I%api -I%S/Inputs | FileCheck %s
// Sizes from const and constexpr variables: local, at namespace scope,
// nested namespaces, static class members, and a header.
#include <torch/torch.h>
#include "model-sizes.h"

namespace cfg {
constexpr int kIn = 12;
namespace drop {
const double kP = 0.1;
}
} // namespace cfg

struct Net : torch::nn::Module {
  static constexpr int kOut = 7;
  Net() {
    const int hidden = sizes::kHidden;
    fc1 = register_module("fc1", torch::nn::Linear(cfg::kIn, hidden));
    drop = register_module("drop", torch::nn::Dropout(cfg::drop::kP));
    fc2 = register_module("fc2", torch::nn::Linear(hidden, kOut));
    fc3 = register_module("fc3", torch::nn::Linear(kOut, sizes::kOut));
  }
  torch::Tensor forward(torch::Tensor x) { return fc3(fc2(drop(fc1(x)))); }
  torch::nn::Linear fc1{nullptr}, fc2{nullptr}, fc3{nullptr};
  torch::nn::Dropout drop{nullptr};
};

// --- generated checks ---
// CHECK:       "chain": [
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": 12,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 34,
// CHECK-NEXT:    "file": "{{.*}}values-const-constexpr.cpp",
// CHECK-NEXT:    "line": [[@LINE-19]],
// CHECK:       "name": "fc1",
// CHECK-NEXT:  "out": 48,
// CHECK-NOT:   "kind"
// CHECK:       "in": null,
// CHECK:       "kind": "dropout",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 36,
// CHECK-NEXT:    "file": "{{.*}}values-const-constexpr.cpp",
// CHECK-NEXT:    "line": [[@LINE-27]],
// CHECK:       "name": "drop",
// CHECK-NEXT:  "out": null,
// CHECK-NEXT:  "p": 0.10000{{[0-9]*}},
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": 48,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 34,
// CHECK-NEXT:    "file": "{{.*}}values-const-constexpr.cpp",
// CHECK-NEXT:    "line": [[@LINE-37]],
// CHECK:       "name": "fc2",
// CHECK-NEXT:  "out": 7,
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": 7,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 34,
// CHECK-NEXT:    "file": "{{.*}}values-const-constexpr.cpp",
// CHECK-NEXT:    "line": [[@LINE-46]],
// CHECK:       "name": "fc3",
// CHECK-NEXT:  "out": 3,
// CHECK-NOT:   "kind"
// CHECK:       "chain_known": true,
// CHECK:       "inits": [],
// CHECK:       "is_sequential": false,
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 8,
// CHECK-NEXT:    "file": "{{.*}}values-const-constexpr.cpp",
// CHECK-NEXT:    "line": [[@LINE-63]],
// CHECK:       "members": [
// CHECK-NOT:   "registered"
// CHECK:       "is_tensor": false,
// CHECK-NEXT:  "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 21,
// CHECK-NEXT:    "file": "{{.*}}values-const-constexpr.cpp",
// CHECK-NEXT:    "line": [[@LINE-61]],
// CHECK:       "name": "fc1",
// CHECK-NEXT:  "registered": true,
// CHECK-NEXT:  "used_in_forward": true
// CHECK-NOT:   "registered"
// CHECK:       "is_tensor": false,
// CHECK-NEXT:  "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 35,
// CHECK-NEXT:    "file": "{{.*}}values-const-constexpr.cpp",
// CHECK-NEXT:    "line": [[@LINE-71]],
// CHECK:       "name": "fc2",
// CHECK-NEXT:  "registered": true,
// CHECK-NEXT:  "used_in_forward": true
// CHECK-NOT:   "registered"
// CHECK:       "is_tensor": false,
// CHECK-NEXT:  "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 49,
// CHECK-NEXT:    "file": "{{.*}}values-const-constexpr.cpp",
// CHECK-NEXT:    "line": [[@LINE-81]],
// CHECK:       "name": "fc3",
// CHECK-NEXT:  "registered": true,
// CHECK-NEXT:  "used_in_forward": true
// CHECK-NOT:   "registered"
// CHECK:       "is_tensor": false,
// CHECK-NEXT:  "kind": "dropout",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 22,
// CHECK-NEXT:    "file": "{{.*}}values-const-constexpr.cpp",
// CHECK-NEXT:    "line": [[@LINE-90]],
// CHECK:       "name": "drop",
// CHECK-NEXT:  "registered": true,
// CHECK-NEXT:  "used_in_forward": true
// CHECK-NOT:   "registered"
// CHECK:       "name": "Net"
// CHECK-NOT:   "chain_known"
// CHECK:       "optimizers": [
