// RUN: not %gradlint --checks='-*,gradlint-clamped-output,gradlint-huge-learning-rate,gradlint-tiny-learning-rate' %s -- -std=c++17 -I%api > %t.txt
// RUN: FileCheck %s --input-file=%t.txt --implicit-check-not='{{warning|note}}:'
// RUN: not %gradlint --format=json --checks='-*,gradlint-clamped-output,gradlint-huge-learning-rate,gradlint-tiny-learning-rate' %s -- -std=c++17 -I%api > %t.json
// RUN: FileCheck %s --check-prefix=JSON --input-file=%t.json
//
// The probe trains each program as written: its data, its targets, its
// loop count, over 10 seeds.
#include <torch/torch.h>

// All targets are >= 1: the ReLU head never needs to be zero, and removing
// it does not help. Not confirmed: the finding becomes a note.
void ReluHeadPositiveTargets() {
  auto model = torch::nn::Sequential(
      torch::nn::Linear(8, 32), torch::nn::ReLU(), torch::nn::Linear(32, 1),
      torch::nn::ReLU());
  torch::optim::Adam optimizer(model->parameters(), 1e-3);
  auto x = torch::randn({128, 8});
  auto y = (x * x + 1).mean(1, true);
  for (int i = 0; i < 100; ++i) {
    optimizer.zero_grad();
    torch::mse_loss(model->forward(x), y).backward();
    optimizer.step();
  }
}

// SGD at 10 for the program's 30 steps: the loss explodes.
void HugeRateThirtySteps() {
  auto model = torch::nn::Sequential(torch::nn::Linear(10, 32), torch::nn::ReLU(),
                                     torch::nn::Linear(32, 1));
  torch::optim::SGD optimizer(model->parameters(), 10.0);
  auto x = torch::randn({64, 10});
  auto y = x.sum(1, true);
  for (int i = 0; i < 30; ++i) {
    optimizer.zero_grad();
    torch::mse_loss(model->forward(x), y).backward();
    optimizer.step();
  }
}

// An image model on [N, 1, 28, 28]: probed, not declined.
void ImageModelTinyRate() {
  auto model = torch::nn::Sequential(
      torch::nn::Conv2d(torch::nn::Conv2dOptions(1, 4, 3)), torch::nn::ReLU(),
      torch::nn::MaxPool2d(2), torch::nn::Flatten(), torch::nn::Linear(4 * 13 * 13, 10));
  torch::optim::Adam optimizer(model->parameters(), 1e-10);
  auto x = torch::rand({32, 1, 28, 28});
  auto labels = torch::randint(0, 10, {32});
  for (int i = 0; i < 20; ++i) {
    optimizer.zero_grad();
    torch::nn::functional::cross_entropy(model->forward(x), labels).backward();
    optimizer.step();
  }
}

// CHECK: own-run.cpp:15:7: note: relu on the output of 'ReluHeadPositiveTargets::model' clamps predictions to [0, inf){{.*}} [gradlint-clamped-output]
// CHECK: own-run.cpp:21:5: note: mse_loss is computed here
// CHECK: own-run.cpp:15:7: note: probe: not confirmed (confirmed in 0 of 10 seeds): over 100 Adam steps, 0% of the outputs are exactly zero after training, in every one of 10 seeds; with no activation on the output it is 0%; the loss after training is {{.*}} (the claim, > 0.2, holds in 0 of 10 seeds; the fix removes it in 0 of 10 and lowers the loss by 10% in 0 of 10)
// CHECK: own-run.cpp:30:52: warning: SGD learning rate 10 is above 1{{.*}} [gradlint-huge-learning-rate]
// CHECK: own-run.cpp:30:52: note: probe: confirmed in 10 of 10 seeds: over 30 SGD steps, the loss diverges to NaN/inf, in every one of 10 seeds; with learning rate 1e-3 it is a fall of {{.*}}; the loss after training is inf as written and {{.*}} with the fix
// CHECK: own-run.cpp:45:53: warning: learning rate 1e-10 is below 1e-6{{.*}} [gradlint-tiny-learning-rate]
// CHECK: own-run.cpp:45:53: note: probe: confirmed in 10 of 10 seeds: over 20 Adam steps, the median relative weight update per step is {{.*}}; with learning rate 1e-3 it is {{.*}}

// JSON:      "check": "gradlint-clamped-output",
// JSON-NEXT: "severity": "note",
// JSON:      "probe": {
// JSON-NEXT:   "assumptions": [],
// JSON:        "seeds": 10,
// JSON-NEXT:   "seeds_confirming": 0,
// JSON:        "verdict": "not-confirmed"
// JSON:      "check": "gradlint-huge-learning-rate",
// JSON-NEXT: "severity": "warning",
// JSON:        "verdict": "confirmed"
// JSON:      "check": "gradlint-tiny-learning-rate",
// JSON:        "verdict": "confirmed"
