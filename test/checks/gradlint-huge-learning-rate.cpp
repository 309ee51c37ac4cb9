// RUN: %check_gradlint %s --checks='-*,gradlint-huge-learning-rate' | FileCheck %s --implicit-check-not='{{warning|error}}:'

#include <torch/torch.h>

torch::nn::Sequential makeModel() {
  return torch::nn::Sequential(torch::nn::Linear(10, 10), torch::nn::ReLU(),
                               torch::nn::Linear(10, 1));
}

void SgdAtFiveFlagged(torch::Tensor x, torch::Tensor y) {
  auto model = makeModel();
  // CHECK: :[[@LINE+1]]:77: warning: SGD learning rate 5 is above 1; steps overshoot and the loss oscillates or diverges unless gradients are clipped [gradlint-huge-learning-rate]
  torch::optim::SGD optimizer(model->parameters(), torch::optim::SGDOptions(5.0));
  for (int i = 0; i < 100; ++i) {
    optimizer.zero_grad();
    torch::mse_loss(model->forward(x), y).backward();
    optimizer.step();
  }
}

void AdamAtHalfFlagged() {
  auto model = makeModel();
  // CHECK: :[[@LINE+1]]:74: warning: Adam learning rate 0.5 is above 0.1; steps overshoot and the loss oscillates or diverges unless gradients are clipped [gradlint-huge-learning-rate]
  torch::optim::Adam adam(model->parameters(), torch::optim::AdamOptions(0.5));
}

// The recurrent language-model recipe: SGD at 20 with gradient clipping.
void ClippedSgdSilent(torch::Tensor x, torch::Tensor y) {
  auto model = makeModel();
  torch::optim::SGD optimizer(model->parameters(), 20.0);
  for (int i = 0; i < 100; ++i) {
    optimizer.zero_grad();
    torch::mse_loss(model->forward(x), y).backward();
    torch::nn::utils::clip_grad_norm_(model->parameters(), 0.25);
    optimizer.step();
  }
}

void AdamDefaultRateSilent() {
  auto model = makeModel();
  torch::optim::Adam adam(model->parameters(), torch::optim::AdamOptions(1e-3));
}
