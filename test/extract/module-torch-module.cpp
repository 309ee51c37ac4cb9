// RUN: %gradlint --dump-model %s -- -std=c++17 -I%api | FileCheck %s
// XImpl + TORCH_MODULE(X): the model is 'X', and a holder member of a user
// module is a layer of that model's class.
#include <torch/torch.h>

struct BlockImpl : torch::nn::Module {
  BlockImpl(int64_t in, int64_t out) {
    fc = register_module("fc", torch::nn::Linear(in, out));
  }
  torch::Tensor forward(torch::Tensor x) { return torch::tanh(fc(x)); }
  torch::nn::Linear fc{nullptr};
};
TORCH_MODULE(Block);

struct NetImpl : torch::nn::Module {
  NetImpl() { block = register_module("block", Block(8, 8)); }
  torch::Tensor forward(torch::Tensor x) { return block(x); }
  Block block{nullptr};
};
TORCH_MODULE(Net);

// --- generated checks ---
// CHECK:       "chain": [
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": null,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 32,
// CHECK-NEXT:    "file": "{{.*}}module-torch-module.cpp",
// CHECK-NEXT:    "line": [[@LINE-23]],
// CHECK:       "name": "fc",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       "act": "tanh",
// CHECK:       "form": "function",
// CHECK:       "in": null,
// CHECK:       "kind": "activation",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 51,
// CHECK-NEXT:    "file": "{{.*}}module-torch-module.cpp",
// CHECK-NEXT:    "line": [[@LINE-32]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       "chain_known": true,
// CHECK:       "inits": [],
// CHECK:       "is_sequential": false,
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 8,
// CHECK-NEXT:    "file": "{{.*}}module-torch-module.cpp",
// CHECK-NEXT:    "line": [[@LINE-46]],
// CHECK:       "members": [
// CHECK-NOT:   "registered"
// CHECK:       "is_tensor": false,
// CHECK-NEXT:  "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 21,
// CHECK-NEXT:    "file": "{{.*}}module-torch-module.cpp",
// CHECK-NEXT:    "line": [[@LINE-49]],
// CHECK:       "name": "fc",
// CHECK-NEXT:  "registered": true,
// CHECK-NEXT:  "used_in_forward": true
// CHECK-NOT:   "registered"
// CHECK:       "name": "Block"
// CHECK-NOT:   "chain_known"
// CHECK:       "chain": [
// CHECK-NOT:   "kind"
// CHECK:       "children": [
// CHECK-NOT:   "kind"
// CHECK:       "bias": true,
// CHECK:       "in": null,
// CHECK:       "kind": "linear",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 32,
// CHECK-NEXT:    "file": "{{.*}}module-torch-module.cpp",
// CHECK-NEXT:    "line": [[@LINE-69]],
// CHECK:       "name": "fc",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       "act": "tanh",
// CHECK:       "form": "function",
// CHECK:       "in": null,
// CHECK:       "kind": "activation",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 51,
// CHECK-NEXT:    "file": "{{.*}}module-torch-module.cpp",
// CHECK-NEXT:    "line": [[@LINE-78]],
// CHECK:       "name": "",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       ],
// CHECK:       "in": null,
// CHECK:       "kind": "sequential",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 48,
// CHECK-NEXT:    "file": "{{.*}}module-torch-module.cpp",
// CHECK-NEXT:    "line": [[@LINE-82]],
// CHECK:       "name": "block",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "kind"
// CHECK:       "chain_known": true,
// CHECK:       "inits": [],
// CHECK:       "is_sequential": false,
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 8,
// CHECK-NEXT:    "file": "{{.*}}module-torch-module.cpp",
// CHECK-NEXT:    "line": [[@LINE-93]],
// CHECK:       "members": [
// CHECK-NOT:   "registered"
// CHECK:       "is_tensor": false,
// CHECK-NEXT:  "kind": "unknown",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 9,
// CHECK-NEXT:    "file": "{{.*}}module-torch-module.cpp",
// CHECK-NEXT:    "line": [[@LINE-98]],
// CHECK:       "name": "block",
// CHECK-NEXT:  "registered": true,
// CHECK-NEXT:  "used_in_forward": true
// CHECK-NOT:   "registered"
// CHECK:       "name": "Net"
// CHECK-NOT:   "chain_known"
// CHECK:       "optimizers": [
