// RUN: %check_gradlint %s --checks='-*,gradlint-optimizer-in-loop' | FileCheck %s --implicit-check-not='{{warning|error}}:'

#include <torch/torch.h>

void AdamPerBatchFlagged(torch::nn::Sequential model, torch::Tensor x, torch::Tensor y) {
  for (int i = 0; i < 100; ++i) {
    // CHECK: :[[@LINE+2]]:5: warning: optimizer 'optimizer' is constructed inside the loop that steps it; its moment estimates are reset on every iteration [gradlint-optimizer-in-loop]
    // CHECK: :[[@LINE-2]]:3: note: the loop starts here
    torch::optim::Adam optimizer(model->parameters(), 1e-3);
    optimizer.zero_grad();
    torch::mse_loss(model->forward(x), y).backward();
    optimizer.step();
  }
}

// One optimizer per fold, around the training loop: not reported by default.
void OptimizerPerFoldSilent(torch::Tensor x, torch::Tensor y) {
  for (int fold = 0; fold < 5; ++fold) {
    auto model = torch::nn::Sequential(torch::nn::Linear(10, 1));
    torch::optim::Adam optimizer(model->parameters(), 1e-3);
    for (int i = 0; i < 100; ++i) {
      optimizer.zero_grad();
      torch::mse_loss(model->forward(x), y).backward();
      optimizer.step();
    }
  }
}

// Plain SGD keeps no state.
void PlainSgdPerBatchSilent(torch::nn::Sequential model, torch::Tensor x, torch::Tensor y) {
  for (int i = 0; i < 100; ++i) {
    torch::optim::SGD optimizer(model->parameters(), 0.01);
    optimizer.zero_grad();
    torch::mse_loss(model->forward(x), y).backward();
    optimizer.step();
  }
}
