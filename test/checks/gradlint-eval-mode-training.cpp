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
    // CHECK: :[[@LINE+3]]:5: warning: 'model' is switched to eval mode here and is still in it when the optimizer steps in the next loop iteration; dropout is off while it trains [gradlint-eval-mode-training]
    // CHECK: :[[@LINE-3]]:7: note: 'optimizer' steps here with no train() since the eval()
    // CHECK: :[[@LINE+1]]:5: note: proof: eval() sets every dropout layer of 'Net' to pass its input through unchanged, and no train() runs before the step
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

// A port of PyTorch code keeps its own `training` flag: eval() sets the
// module's mode (is_training()), never this member, so dropout stays on
// when the model is evaluated.
struct OwnFlagNetImpl : torch::nn::Module {
  OwnFlagNetImpl() {
    fc1 = register_module("fc1", torch::nn::Linear(784, 128));
    fc2 = register_module("fc2", torch::nn::Linear(128, 10));
  }
  torch::Tensor forward(torch::Tensor x) {
    x = torch::relu(fc1->forward(x));
    // CHECK: :[[@LINE+1]]:9: warning: dropout is switched by member 'training' of 'OwnFlagNet', not by the module's mode; eval() and train() never change it, so evaluation runs with dropout as in training (use is_training()) [gradlint-eval-mode-training]
    x = torch::dropout(x, /*p=*/0.5, /*train=*/training);
    return torch::log_softmax(fc2->forward(x), 1);
  }
  torch::nn::Linear fc1{nullptr}, fc2{nullptr};
  bool training = true;
};
TORCH_MODULE(OwnFlagNet);

// The same through the functional options.
namespace F = torch::nn::functional;
struct OwnFlagOptionsImpl : torch::nn::Module {
  explicit OwnFlagOptionsImpl(bool is_train) : is_train(is_train) {
    fc = register_module("fc", torch::nn::Linear(64, 64));
  }
  torch::Tensor forward(torch::Tensor x) {
    // CHECK: :[[@LINE+1]]:15: warning: dropout is switched by member 'is_train' of 'OwnFlagOptions', not by the module's mode; eval() and train() never change it, so evaluation runs with dropout as in training (use is_training()) [gradlint-eval-mode-training]
    return fc(F::dropout(x, F::DropoutFuncOptions().p(0.2).training(is_train)));
  }
  torch::nn::Linear fc{nullptr};
  bool is_train;
};
TORCH_MODULE(OwnFlagOptions);

// Gated on the module's own mode: eval() reaches it. Silent.
struct IsTrainingSilentImpl : torch::nn::Module {
  IsTrainingSilentImpl() { fc = register_module("fc", torch::nn::Linear(64, 64)); }
  torch::Tensor forward(torch::Tensor x) { return fc(torch::dropout(x, 0.5, is_training())); }
  torch::nn::Linear fc{nullptr};
};
TORCH_MODULE(IsTrainingSilent);

// The flag is managed by hand (set before evaluation): silent.
struct ManagedFlagSilentImpl : torch::nn::Module {
  ManagedFlagSilentImpl() { fc = register_module("fc", torch::nn::Linear(64, 64)); }
  torch::Tensor forward(torch::Tensor x) { return fc(torch::dropout(x, 0.5, training)); }
  torch::nn::Linear fc{nullptr};
  bool training = true;
};
TORCH_MODULE(ManagedFlagSilent);

torch::Tensor EvaluateManagedSilent(ManagedFlagSilent &model, torch::Tensor x) {
  model->training = false;
  torch::NoGradGuard no_grad;
  return model->forward(x);
}
