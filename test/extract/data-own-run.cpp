// RUN: %gradlint --dump-model %s -- -std=c++17 -I%api | FileCheck %s
// What the probe needs to train the program as written: the full shape of
// an image batch, how values are drawn (randn is normal, rand uniform,
// randint integers), targets as a formula of the input, and the loop's
// trip count.
#include <torch/torch.h>

void images(torch::nn::Sequential &net, torch::optim::SGD &opt) {
  auto x = torch::randn({64, 1, 28, 28});
  auto labels = torch::randint(0, 10, {64});
  for (int step = 0; step < 30; ++step) {
    opt.zero_grad();
    torch::nn::functional::cross_entropy(net->forward(x), labels).backward();
    opt.step();
  }
}
// CHECK-LABEL: "trainings": [
// CHECK:       "input": {
// CHECK-NEXT:    "blocks": [
// CHECK:         "dims": [
// CHECK-NEXT:      64,
// CHECK-NEXT:      1,
// CHECK-NEXT:      28,
// CHECK-NEXT:      28
// CHECK-NEXT:    ],
// CHECK-NEXT:    "dist": "normal",
// CHECK-NEXT:    "features": 1,
// CHECK-NEXT:    "formula": [],
// CHECK:         "target": {
// CHECK-NEXT:    "blocks": [
// CHECK-NEXT:      {
// CHECK-NEXT:        "count": 1,
// CHECK-NEXT:        "hi": 9,
// CHECK-NEXT:        "lo": 0
// CHECK:         "dist": "integers",
// CHECK:       "trips": 30

void regression(torch::nn::Sequential &net, torch::optim::Adam &opt) {
  auto x = torch::randn({128, 8});
  auto y = x * x + 1;
  for (int epoch = 1; epoch <= 5; ++epoch)
    for (int i = 0; i != 20; i += 1) {
      opt.zero_grad();
      torch::mse_loss(net->forward(x), y.mean(1, true)).backward();
      opt.step();
    }
  // A loop whose count is not a constant has no trip count.
  for (int i = 0; i < x.size(0); ++i) {
    opt.zero_grad();
    torch::mse_loss(net->forward(x), x.sin().sum(1, true) * 2).backward();
    opt.step();
  }
}
// CHECK:       "target": {
// CHECK:         "formula": [
// CHECK-NEXT:      "@x",
// CHECK-NEXT:      "@x",
// CHECK-NEXT:      "*",
// CHECK-NEXT:      "1",
// CHECK-NEXT:      "+",
// CHECK-NEXT:      "mean1"
// CHECK-NEXT:    ],
// CHECK:       "trips": 20
// CHECK:       "trips": 5
// CHECK:       "target": {
// CHECK:         "formula": [
// CHECK-NEXT:      "@x",
// CHECK-NEXT:      "sin",
// CHECK-NEXT:      "sum1",
// CHECK-NEXT:      "2",
// CHECK-NEXT:      "*"
// CHECK-NEXT:    ],
// CHECK:       "trips": null
