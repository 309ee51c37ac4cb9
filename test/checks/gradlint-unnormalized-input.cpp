// RUN: %check_gradlint %s --checks='-*,gradlint-unnormalized-input' | FileCheck %s --implicit-check-not='{{warning|error}}:'

#include <torch/torch.h>

torch::nn::Sequential makeModel() {
  return torch::nn::Sequential(torch::nn::Linear(10, 10), torch::nn::ReLU(),
                               torch::nn::Linear(10, 1));
}

// Seed example 3 without its scaler.
void SeedUnscaledFeaturesFlagged() {
  auto model = makeModel();
  torch::optim::Adam optimizer(model->parameters(), 1e-3);
  // CHECK: :[[@LINE+1]]:12: warning: input 'x' reaches 1000 and is not normalised before 'makeModel'; first-layer pre-activations start about 1000x too large, saturating units and swamping the gradients [gradlint-unnormalized-input]
  auto x = torch::cat({torch::rand({100, 1}) * 1000, torch::rand({100, 9})}, 1);
  auto y = torch::rand({100, 1});
  for (int i = 0; i < 100; ++i) {
    optimizer.zero_grad();
    // CHECK: :[[@LINE+1]]:21: note: it is fed to 'makeModel' here
    torch::mse_loss(model->forward(x), y).backward();
    optimizer.step();
  }
}

// The same data standardised first.
void SeedStandardizedSilent() {
  auto model = makeModel();
  torch::optim::Adam optimizer(model->parameters(), 1e-3);
  auto raw = torch::cat({torch::rand({100, 1}) * 1000, torch::rand({100, 9})}, 1);
  auto x = (raw - raw.mean(0)) / raw.std(0);
  auto y = torch::rand({100, 1});
  for (int i = 0; i < 100; ++i) {
    optimizer.zero_grad();
    torch::mse_loss(model->forward(x), y).backward();
    optimizer.step();
  }
}
