// RUN: %check_gradlint %s --checks='-*,gradlint-tiny-learning-rate' | FileCheck %s --implicit-check-not='{{warning|error}}:'

#include <torch/torch.h>

#include "Inputs/rates.h"

#define TINY_LR 1e-8

torch::nn::Sequential makeModel() {
  return torch::nn::Sequential(torch::nn::Linear(10, 10), torch::nn::ReLU(),
                               torch::nn::Linear(10, 1));
}

// Seed example 2: Adam at 1e-10.
void SeedAdamTinyRateFlagged(torch::Tensor x, torch::Tensor y) {
  auto model = makeModel();
  // CHECK: :[[@LINE+1]]:79: warning: learning rate 1e-10 is below 1e-6; each Adam step moves a weight by at most about 1e-10, so the loss cannot visibly change [gradlint-tiny-learning-rate]
  torch::optim::Adam optimizer(model->parameters(), torch::optim::AdamOptions(1e-10));
  for (int epoch = 0; epoch < 100; ++epoch) {
    optimizer.zero_grad();
    auto loss = torch::mse_loss(model->forward(x), y);
    loss.backward();
    optimizer.step();
  }
}

// The rate through a #define, a plain double and a header constant.
void MacroAndHeaderRatesFlagged(torch::Tensor x) {
  auto model = makeModel();
  // CHECK: :[[@LINE+1]]:46: warning: learning rate 1e-8 is below 1e-6; each step moves the weights by 1e-8 times the gradient, so the loss cannot visibly change [gradlint-tiny-learning-rate]
  torch::optim::SGD sgd(model->parameters(), TINY_LR);
  // CHECK: :[[@LINE+1]]:84: warning: learning rate 1e-9 is below 1e-6; each RMSprop step moves a weight by at most about 1e-9, so the loss cannot visibly change [gradlint-tiny-learning-rate]
  torch::optim::RMSprop rms(model->parameters(), torch::optim::RMSpropOptions().lr(config::kTinyRate));
  const double base = 1e-4;
  // CHECK: :[[@LINE+1]]:77: warning: learning rate 1e-8 is below 1e-6; each AdamW step moves a weight by at most about 1e-8, so the loss cannot visibly change [gradlint-tiny-learning-rate]
  torch::optim::AdamW adamw(model->parameters(), torch::optim::AdamWOptions(base * 1e-4));
}

// A sound rate set at first, then driven to 1e-9 by hand.
void LaterRateFlagged(torch::Tensor x, torch::Tensor y) {
  auto model = makeModel();
  torch::optim::SGD optimizer(model->parameters(), torch::optim::SGDOptions(0.1).momentum(0.9));
  for (int epoch = 0; epoch < 10; ++epoch) {
    optimizer.zero_grad();
    torch::mse_loss(model->forward(x), y).backward();
    optimizer.step();
  }
  for (auto &group : optimizer.param_groups())
    // CHECK: :[[@LINE+2]]:65: warning: learning rate of 'optimizer' is later set to 1e-9, below 1e-6; each step moves the weights by 1e-9 times the gradient, so the loss cannot visibly change [gradlint-tiny-learning-rate]
    // CHECK: :[[@LINE-8]]:3: note: optimizer 'optimizer' is constructed here
    static_cast<torch::optim::SGDOptions &>(group.options()).lr(1e-9);
}

// Adam at 1e-3 through a header constant; SGD at its usual 0.01; Adam with
// no rate at all (its default, 1e-3).
void SoundRatesSilent(torch::Tensor x, torch::Tensor y) {
  auto model = makeModel();
  torch::optim::Adam adam(model->parameters(), torch::optim::AdamOptions(config::kLearningRate));
  torch::optim::SGD sgd(model->parameters(), torch::optim::SGDOptions(0.01).momentum(0.9));
  torch::optim::Adam defaulted(model->parameters());
  torch::optim::Adagrad adagrad(model->parameters(), torch::optim::AdagradOptions().lr(1e-2));
}

// A rate from the command line is unknown: quiet.
void RuntimeRateSilent(int argc, char **argv) {
  auto model = makeModel();
  double lr = std::stod(argv[1]);
  torch::optim::Adam adam(model->parameters(), torch::optim::AdamOptions(lr));
}
