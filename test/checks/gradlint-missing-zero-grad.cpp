// RUN: %check_gradlint %s --checks='-*,gradlint-missing-zero-grad' | FileCheck %s --implicit-check-not='{{warning|error}}:'

#include <torch/torch.h>

void NoZeroGradFlagged(torch::nn::Sequential model, torch::Tensor x, torch::Tensor y) {
  torch::optim::SGD optimizer(model->parameters(), 0.01);
  for (int i = 0; i < 100; ++i) {
    auto loss = torch::mse_loss(model->forward(x), y);
    // CHECK: :[[@LINE+2]]:5: warning: backward() runs in a loop that never calls zero_grad(); gradients from every iteration add up and each step uses their running sum [gradlint-missing-zero-grad]
    // CHECK: :[[@LINE+2]]:5: note: 'optimizer' steps on the summed gradients here
    loss.backward();
    optimizer.step();
  }
}

// zero_grad every 4 steps: gradient accumulation.
void AccumulateEveryFourSilent(torch::nn::Sequential model, torch::Tensor x, torch::Tensor y) {
  torch::optim::SGD optimizer(model->parameters(), 0.01);
  for (int i = 0; i < 100; ++i) {
    torch::mse_loss(model->forward(x), y).backward();
    if ((i + 1) % 4 == 0) {
      optimizer.step();
      optimizer.zero_grad();
    }
  }
}

void ModuleZeroGradSilent(torch::nn::Sequential model, torch::Tensor x, torch::Tensor y) {
  torch::optim::Adam optimizer(model->parameters(), 1e-3);
  for (int i = 0; i < 100; ++i) {
    model->zero_grad();
    torch::mse_loss(model->forward(x), y).backward();
    optimizer.step();
  }
}
