// RUN: %check_gradlint %s --checks='-*,gradlint-tiny-learning-rate' \
// RUN:   --config="{CheckOptions: {gradlint-tiny-learning-rate.Threshold: 1e-4}}" \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'

#include <torch/torch.h>

// With Threshold 1e-4, Adam at 1e-5 is tiny.
void AdamBelowRaisedThresholdFlagged() {
  auto model = torch::nn::Sequential(torch::nn::Linear(10, 1));
  // CHECK: :[[@LINE+1]]:74: warning: learning rate 1e-5 is below 0.0001; each Adam step moves a weight by at most about 1e-5, so the loss cannot visibly change [gradlint-tiny-learning-rate]
  torch::optim::Adam adam(model->parameters(), torch::optim::AdamOptions(1e-5));
}

// Adam at 1e-3 is above it.
void AdamDefaultRateSilent() {
  auto model = torch::nn::Sequential(torch::nn::Linear(10, 1));
  torch::optim::Adam adam(model->parameters(), torch::optim::AdamOptions(1e-3));
}
