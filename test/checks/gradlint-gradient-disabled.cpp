// RUN: %check_gradlint %s --checks='-*,gradlint-gradient-disabled' | FileCheck %s --implicit-check-not='{{warning|error}}:'

#include <torch/torch.h>

void GuardOverTrainingFlagged(torch::nn::Sequential model, torch::Tensor x, torch::Tensor y) {
  torch::optim::Adam optimizer(model->parameters(), 1e-3);
  for (int i = 0; i < 100; ++i) {
    // CHECK: :[[@LINE+4]]:24: warning: NoGradGuard turns gradients off for a training step; the forward pass records no graph, so backward() fails and no weight changes [gradlint-gradient-disabled]
    // CHECK: :[[@LINE+4]]:33: note: 'model' is run here without gradients
    // CHECK: :[[@LINE+4]]:5: note: backward() is called here
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
    // CHECK: :[[@LINE+2]]:51: warning: the model output is detached before mse_loss; backward() stops there and no gradient reaches 'DetachedOutputFlagged::model' [gradlint-gradient-disabled]
    // CHECK: :[[@LINE+2]]:5: note: backward() is called here
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
