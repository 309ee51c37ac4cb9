// RUN: %gradlint --dump-model %s -- -std=c++17 -I%api 2>/dev/null | FileCheck %s
// A Sequential with one element whose class is in a header that is not on
// the include path (a project's SE block): the construction does not resolve,
// but Clang keeps its elements in order. The known layers keep their places
// and the unknown one is an unknown step, in each way a Sequential is built:
// a variable's parentheses, its braces, and a temporary returned. (An
// unknown qualified name, `project::Mish()`, makes Clang drop the whole
// statement: nothing is left to read there.)
#include "blocks/se_block.h"
#include <torch/torch.h>

torch::nn::Sequential make_paren() {
  torch::nn::Sequential seq(torch::nn::Linear(4, 8), torch::nn::ReLU(), SEBlock(8), torch::nn::Linear(8, 2));
  return seq;
}

torch::nn::Sequential make_braces() {
  torch::nn::Sequential seq{torch::nn::Linear(6, 8), SEBlock(8), torch::nn::Linear(8, 3)};
  return seq;
}

torch::nn::Sequential make_temporary() {
  return torch::nn::Sequential(torch::nn::Linear(5, 8), Mish(0.5)   , torch::nn::Linear(8, 1));
}

// CHECK-LABEL: "models": [
// CHECK:       "chain": [
// CHECK:       "in": 4,
// CHECK:       "kind": "linear",
// CHECK:       "act": "relu",
// CHECK:       "kind": "unknown",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 73,
// CHECK:       "in": 8,
// CHECK:       "kind": "linear",
// CHECK:       "out": 2,
// CHECK:       "name": "make_paren"
// CHECK:       "chain": [
// CHECK:       "in": 6,
// CHECK:       "kind": "linear",
// CHECK:       "kind": "unknown",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 54,
// CHECK:       "in": 8,
// CHECK:       "kind": "linear",
// CHECK:       "out": 3,
// CHECK:       "name": "make_braces"
// CHECK:       "chain": [
// CHECK:       "in": 5,
// CHECK:       "kind": "linear",
// CHECK:       "kind": "unknown",
// CHECK-NEXT:  "loc": {
// CHECK-NEXT:    "column": 57,
// CHECK:       "in": 8,
// CHECK:       "kind": "linear",
// CHECK:       "out": 1,
// CHECK:       "name": "make_temporary"
