// RUN: %check_gradlint %s --checks='-*,gradlint-saturating-stack' \
// RUN:   --config="{CheckOptions: {gradlint-saturating-stack.MinDepth: 2}}" \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'

#include <torch/torch.h>

// With MinDepth 2, two tanh layers are enough.
torch::nn::Sequential TwoTanhFlagged() {
  return torch::nn::Sequential(
      torch::nn::Linear(10, 16),
      // CHECK: :[[@LINE+1]]:7: warning: 2 tanh activations in a row with nothing between to keep gradients alive; each multiplies the gradient by at most 1, and by less than 0.1 once saturated [gradlint-saturating-stack]
      torch::nn::Tanh(),
      torch::nn::Linear(16, 1),
      // CHECK: :[[@LINE+1]]:7: note: tanh 2 of 2 here
      torch::nn::Tanh());
}

// One sigmoid stays below any depth above 1.
torch::nn::Sequential SigmoidOutputOnlySilent() {
  return torch::nn::Sequential(torch::nn::Linear(10, 64), torch::nn::ReLU(),
                               torch::nn::Linear(64, 1), torch::nn::Sigmoid());
}
