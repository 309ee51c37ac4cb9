// RUN: %gradlint --dump-model %s -- -std=c++17 -I%api | FileCheck %s
// Gradients switched off, by scope (NoGradGuard, InferenceMode,
// AutoGradMode(false)) and by state (GradMode::set_enabled).
#include <torch/torch.h>

void train(torch::nn::Sequential &net, torch::optim::SGD &opt, torch::Tensor x) {
  {
    torch::NoGradGuard no_grad;
    auto loss = net->forward(x).sum();
    loss.backward();
  }
  // CHECK-LABEL: "trainings": [
  // CHECK:       "grad_disabled_by": "NoGradGuard",
  // CHECK-NEXT:  "grad_disabled_loc": {
  // CHECK-NEXT:    "column": 24,
  // CHECK-NEXT:    "file": "{{.*}}step-no-grad.cpp",
  // CHECK-NEXT:    "line": 8,
  // CHECK:       "op": "forward",
  // CHECK:       "grad_disabled_by": "NoGradGuard",
  // CHECK:       "op": "backward",
  opt.step();
  // CHECK:       "grad_disabled_by": "",
  // CHECK:       "op": "step",
  {
    c10::InferenceMode guard;
    opt.step();
  }
  // CHECK:       "grad_disabled_by": "InferenceMode",
  // CHECK:       "op": "step",
  {
    torch::AutoGradMode enable(false);
    opt.step();
  }
  // CHECK:       "grad_disabled_by": "AutoGradMode",
  // CHECK:       "op": "step",
  {
    torch::AutoGradMode enable(true);
    opt.step();
  }
  // CHECK:       "grad_disabled_by": "",
  // CHECK:       "op": "step",
  torch::GradMode::set_enabled(false);
  opt.step();
  torch::GradMode::set_enabled(true);
  opt.step();
  // CHECK:       "grad_disabled_by": "GradMode::set_enabled",
  // CHECK:       "op": "step",
  // CHECK:       "grad_disabled_by": "",
  // CHECK:       "op": "step",
}
