// RUN: %gradlint --dump-model %s -- -std=c++17 -I%api | FileCheck %s
// Sizes from run time stay unknown: argv, a function parameter, a variable
// changed after its declaration, a non-const global. Known neighbours keep
// their values.
#include <torch/torch.h>
#include <cstdlib>

int g_hidden = 16;

struct Net : torch::nn::Module {
  explicit Net(int64_t hidden) {
    fc1 = register_module("fc1", torch::nn::Linear(4, hidden));
    fc2 = register_module("fc2", torch::nn::Linear(hidden, 1));
  }
  torch::Tensor forward(torch::Tensor x) { return fc2(fc1(x)); }
  torch::nn::Linear fc1{nullptr}, fc2{nullptr};
};

int main(int argc, char **argv) {
  int width = std::atoi(argv[1]);
  int depth = 4;
  if (argc > 2)
    depth = 8;
  torch::nn::Sequential net(torch::nn::Linear(4, width),
                            torch::nn::Linear(width, depth),
                            torch::nn::Linear(depth, g_hidden),
                            torch::nn::Dropout(argc > 3 ? 0.5 : 0.1));
  auto model = std::make_shared<Net>(width);
}

// --- generated checks ---
// CHECK:       "chain": [
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": 4,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 34,
// CHECK-NEXT:    "file": "{{.*}}values-runtime-unknown.cpp",
// CHECK-NEXT:    "line": [[@LINE-28]],
// CHECK:       "name": "fc1",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": null,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 34,
// CHECK-NEXT:    "file": "{{.*}}values-runtime-unknown.cpp",
// CHECK-NEXT:    "line": [[@LINE-37]],
// CHECK:       "name": "fc2",
// CHECK-NEXT:  "out": 1,
// CHECK-NOT:   "kind"
// CHECK:       "chain_known": true,
// CHECK:       "inits": [],
// CHECK:       "is_sequential": false,
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 8,
// CHECK-NEXT:    "file": "{{.*}}values-runtime-unknown.cpp",
// CHECK-NEXT:    "line": [[@LINE-50]],
// CHECK:       "members": [
// CHECK-NOT:   "registered"
// CHECK:       "is_tensor": false,
// CHECK-NEXT:  "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 21,
// CHECK-NEXT:    "file": "{{.*}}values-runtime-unknown.cpp",
// CHECK-NEXT:    "line": [[@LINE-52]],
// CHECK:       "name": "fc1",
// CHECK-NEXT:  "registered": true,
// CHECK-NEXT:  "used_in_forward": true
// CHECK-NOT:   "registered"
// CHECK:       "is_tensor": false,
// CHECK-NEXT:  "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 35,
// CHECK-NEXT:    "file": "{{.*}}values-runtime-unknown.cpp",
// CHECK-NEXT:    "line": [[@LINE-62]],
// CHECK:       "name": "fc2",
// CHECK-NEXT:  "registered": true,
// CHECK-NEXT:  "used_in_forward": true
// CHECK-NOT:   "registered"
// CHECK:       "name": "Net"
// CHECK-NOT:   "chain_known"
// CHECK:       "chain": [
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": 4,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 29,
// CHECK-NEXT:    "file": "{{.*}}values-runtime-unknown.cpp",
// CHECK-NEXT:    "line": [[@LINE-69]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": null,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 29,
// CHECK-NEXT:    "file": "{{.*}}values-runtime-unknown.cpp",
// CHECK-NEXT:    "line": [[@LINE-78]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": null,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 29,
// CHECK-NEXT:    "file": "{{.*}}values-runtime-unknown.cpp",
// CHECK-NEXT:    "line": [[@LINE-87]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       "in": null,
// CHECK:       "kind": "dropout",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 29,
// CHECK-NEXT:    "file": "{{.*}}values-runtime-unknown.cpp",
// CHECK-NEXT:    "line": [[@LINE-95]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       "chain_known": true,
// CHECK:       "inits": [],
// CHECK:       "is_sequential": true,
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 25,
// CHECK-NEXT:    "file": "{{.*}}values-runtime-unknown.cpp",
// CHECK-NEXT:    "line": [[@LINE-108]],
// CHECK:       "members": [],
// CHECK:       "name": "main::net"
// CHECK-NOT:   "chain_known"
// CHECK:       "optimizers": [
