// RUN: %check_gradlint %s --checks='-*,gradlint-eval-mode-training' | FileCheck %s --implicit-check-not='{{warning|error}}:'

#include <torch/torch.h>

struct NetImpl : torch::nn::Module {
  NetImpl()
      : fc1(register_module("fc1", torch::nn::Linear(10, 64))),
        drop(register_module("drop", torch::nn::Dropout(0.5))),
        fc2(register_module("fc2", torch::nn::Linear(64, 1))) {}
  torch::Tensor forward(torch::Tensor x) { return fc2(drop(torch::relu(fc1(x)))); }
  torch::nn::Linear fc1;
  torch::nn::Dropout drop;
  torch::nn::Linear fc2;
};
TORCH_MODULE(Net);

void EvalNeverUndoneFlagged(torch::Tensor x, torch::Tensor y) {
  Net model;
  torch::optim::Adam optimizer(model->parameters(), 1e-3);
  for (int epoch = 0; epoch < 10; ++epoch) {
    for (int i = 0; i < 100; ++i) {
      optimizer.zero_grad();
      torch::mse_loss(model->forward(x), y).backward();
      optimizer.step();
    }
    // CHECK: :[[@LINE+2]]:5: warning: 'model' is switched to eval mode here and is still in it when the optimizer steps in the next loop iteration; dropout is off while it trains [gradlint-eval-mode-training]
    // CHECK: :[[@LINE-3]]:7: note: 'optimizer' steps here with no train() since the eval()
    model->eval();
    torch::NoGradGuard no_grad;
    auto val = torch::mse_loss(model->forward(x), y);
  }
}

void TrainAtEpochStartSilent(torch::Tensor x, torch::Tensor y) {
  Net model;
  torch::optim::Adam optimizer(model->parameters(), 1e-3);
  for (int epoch = 0; epoch < 10; ++epoch) {
    model->train();
    for (int i = 0; i < 100; ++i) {
      optimizer.zero_grad();
      torch::mse_loss(model->forward(x), y).backward();
      optimizer.step();
    }
    model->eval();
    torch::NoGradGuard no_grad;
    auto val = torch::mse_loss(model->forward(x), y);
  }
}
