// RUN: %check_gradlint %s --checks='-*,gradlint-clamped-output' | FileCheck %s --implicit-check-not='{{warning|error}}:'

#include <torch/torch.h>

void ReluRegressionHeadFlagged(torch::Tensor x, torch::Tensor y) {
  auto model = torch::nn::Sequential(
      torch::nn::Linear(8, 32), torch::nn::ReLU(), torch::nn::Linear(32, 1),
      // CHECK: :[[@LINE+1]]:7: warning: relu on the output of 'ReluRegressionHeadFlagged::model' clamps predictions to [0, inf) under the mse_loss regression loss; an output pushed outside it gets no gradient and stays stuck [gradlint-clamped-output]
      torch::nn::ReLU());
  torch::optim::Adam optimizer(model->parameters(), 1e-3);
  for (int i = 0; i < 100; ++i) {
    optimizer.zero_grad();
    // CHECK: :[[@LINE+1]]:17: note: mse_loss is computed here
    auto loss = torch::mse_loss(model->forward(x), y);
    loss.backward();
    optimizer.step();
  }
}

// Sigmoid output with targets from torch::rand: inside (0, 1).
void SigmoidHeadUnitTargetsSilent() {
  auto model = torch::nn::Sequential(torch::nn::Linear(8, 32), torch::nn::ReLU(),
                                     torch::nn::Linear(32, 1), torch::nn::Sigmoid());
  torch::optim::Adam optimizer(model->parameters(), 1e-3);
  auto x = torch::rand({64, 8});
  auto y = torch::rand({64, 1});
  for (int i = 0; i < 100; ++i) {
    optimizer.zero_grad();
    torch::mse_loss(model->forward(x), y).backward();
    optimizer.step();
  }
}

// A linear regression head.
void LinearHeadSilent(torch::Tensor x, torch::Tensor y) {
  auto model = torch::nn::Sequential(torch::nn::Linear(8, 32), torch::nn::ReLU(),
                                     torch::nn::Linear(32, 1));
  torch::optim::Adam optimizer(model->parameters(), 1e-3);
  optimizer.zero_grad();
  torch::mse_loss(model->forward(x), y).backward();
  optimizer.step();
}
