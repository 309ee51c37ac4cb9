// RUN: %check_gradlint %s --checks='-*,gradlint-gradient-disabled' | FileCheck %s --implicit-check-not='{{warning|error}}:'

#include <torch/torch.h>

void GuardOverTrainingFlagged(torch::nn::Sequential model, torch::Tensor x, torch::Tensor y) {
  torch::optim::Adam optimizer(model->parameters(), 1e-3);
  for (int i = 0; i < 100; ++i) {
    // CHECK: :[[@LINE+5]]:24: warning: NoGradGuard turns gradients off for a training step; the forward pass records no graph, so backward() fails and no weight changes [gradlint-gradient-disabled]
    // CHECK: :[[@LINE+5]]:33: note: 'model' is run here without gradients
    // CHECK: :[[@LINE+5]]:5: note: backward() is called here
    // CHECK: :[[@LINE+2]]:24: note: proof: under NoGradGuard no autograd graph is recorded, so backward() has no path to a parameter and no gradient reaches the weights (LibTorch throws at backward())
    optimizer.zero_grad();
    torch::NoGradGuard no_grad;
    auto loss = torch::mse_loss(model->forward(x), y);
    loss.backward();
    optimizer.step();
  }
}

void DetachedOutputFlagged(torch::nn::Sequential model, torch::Tensor x, torch::Tensor y) {
  torch::optim::Adam optimizer(model->parameters(), 1e-3);
  for (int i = 0; i < 100; ++i) {
    optimizer.zero_grad();
    // CHECK: :[[@LINE+3]]:51: warning: the model output is detached before mse_loss; backward() stops there and no gradient reaches 'DetachedOutputFlagged::model' [gradlint-gradient-disabled]
    // CHECK: :[[@LINE+3]]:5: note: backward() is called here
    // CHECK: :[[@LINE+1]]:51: note: proof: detach() returns a tensor outside the autograd graph, so the loss has no path back to a parameter and no gradient reaches the weights
    auto loss = torch::mse_loss(model->forward(x).detach(), y);
    loss.backward();
    optimizer.step();
  }
}

// NoGradGuard in an evaluation loop and in an init block: sound.
void EvalLoopAndInitGuardSilent(torch::nn::Sequential model, torch::Tensor x, torch::Tensor y) {
  {
    torch::NoGradGuard no_grad;
    for (auto &p : model->parameters())
      p.normal_(0.0, 0.05);
  }
  torch::optim::Adam optimizer(model->parameters(), 1e-3);
  for (int epoch = 0; epoch < 10; ++epoch) {
    optimizer.zero_grad();
    torch::mse_loss(model->forward(x), y).backward();
    optimizer.step();
    torch::NoGradGuard no_grad;
    auto val = torch::mse_loss(model->forward(x), y);
  }
}
