// RUN: %gradlint --dump-model %s -- -std=c++17 -I%api | FileCheck %s
// Rates set after construction, in source order: by hand through
// param_groups() (a cast options object, set_lr over every group) and by a
// StepLR scheduler (the rate after its first decay, lr * gamma).
#include <torch/torch.h>

void train(torch::nn::Sequential &net) {
  torch::optim::Adam opt(net->parameters(), torch::optim::AdamOptions(1e-3));
  torch::optim::StepLR sched(opt, /*step_size=*/30, /*gamma=*/0.5);
  for (int epoch = 0; epoch < 100; ++epoch) {
    if (epoch == 50)
      static_cast<torch::optim::AdamOptions &>(opt.param_groups()[0].options()).lr(1e-4);
    for (auto &group : opt.param_groups())
      group.options().set_lr(1e-12);
    sched.step();
  }
  // A rate that cannot be folded is left out.
  double decayed = 1e-3;
  for (int i = 0; i < 3; ++i) {
    decayed *= 0.1;
    opt.param_groups()[0].options().set_lr(decayed);
  }
}
// CHECK-LABEL: "optimizers": [
// CHECK:       "kind": "adam",
// CHECK:       "later_rates": [
// CHECK-NEXT:    0.0005{{0*[0-9]*}},
// CHECK-NEXT:    0.0001{{0*[0-9]*}},
// CHECK-NEXT:    9.99{{[0-9]*}}e-13
// CHECK-NEXT:  ],
// CHECK:       "lr": 0.001,
// CHECK-LABEL: "trainings": [
