// RUN: %gradlint --dump-model %s -- -std=c++17 -I%api | FileCheck %s
// Input ranges from the creating call and scalar arithmetic on it:
// rand is [0, 1], scaled by * and /, shifted by + and -; randn is recorded
// as [-1, 1] ("unit scale"); a tensor literal is the range of its numbers.
#include <torch/torch.h>

void train(torch::nn::Sequential &net, torch::optim::SGD &opt) {
  auto x = torch::rand({64, 3}) * 1000 + 5;
  net->forward(x);
  // CHECK-LABEL: "trainings": [
  // CHECK:       "input": {
  // CHECK-NEXT:    "blocks": [
  // CHECK-NEXT:      {
  // CHECK-NEXT:        "count": 3,
  // CHECK-NEXT:        "hi": 1005,
  // CHECK-NEXT:        "lo": 5
  // CHECK-NEXT:      }
  // CHECK-NEXT:    ],
  // CHECK:         "features": 3,
  // CHECK-NEXT:    "formula": [],
  // CHECK-NEXT:    "loc": {
  // CHECK-NEXT:      "column": 12,
  // CHECK-NEXT:      "file": "{{.*}}data-rand-scaled.cpp",
  // CHECK-NEXT:      "line": [[@LINE-16]],
  // CHECK:         "normalized": false,
  // CHECK-NEXT:    "rows": 64,
  // CHECK-NEXT:    "var": "x"
  auto z = torch::randn({32, 2}) / 2;
  net->forward(z);
  // CHECK:       "input": {
  // CHECK-NEXT:    "blocks": [
  // CHECK-NEXT:      {
  // CHECK-NEXT:        "count": 2,
  // CHECK-NEXT:        "hi": 0.5,
  // CHECK-NEXT:        "lo": -0.5
  auto t = torch::tensor({{1.0, 250.0}, {-3.0, 40.0}});
  net->forward(t.to(torch::kFloat));
  // CHECK:       "input": {
  // CHECK-NEXT:    "blocks": [
  // CHECK-NEXT:      {
  // CHECK-NEXT:        "count": 2,
  // CHECK-NEXT:        "hi": 250,
  // CHECK-NEXT:        "lo": -3
  // CHECK:         "features": 2,
  // CHECK:         "rows": 2,
  torch::Tensor unknown = torch::rand({4, 4});
  unknown.mul_(3);
  auto y = unknown;
  net->forward(y);
  // Changed in place: unknown.
  // CHECK:       "input": {
  // CHECK-NEXT:    "blocks": [],
  // CHECK:         "var": "y"
  net->forward(torch::ones({8, 4}) * 2 - 1);
  // CHECK:       "input": {
  // CHECK-NEXT:    "blocks": [
  // CHECK-NEXT:      {
  // CHECK-NEXT:        "count": 4,
  // CHECK-NEXT:        "hi": 1,
  // CHECK-NEXT:        "lo": 1
  opt.step();
}
