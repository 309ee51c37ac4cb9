// RUN: %gradlint --dump-model %s -- -std=c++17 -I%api | FileCheck %s
// Dropout gated by a bool member the module declares itself (a port of
// PyTorch's `self.training`) records that member: eval() never reaches it.
// Gated by is_training(), or by a member the code sets by hand outside the
// constructors, it records nothing.
#include <torch/torch.h>

struct PolicyImpl : torch::nn::Module {
  PolicyImpl() {
    fc1 = register_module("fc1", torch::nn::Linear(4, 128));
    fc2 = register_module("fc2", torch::nn::Linear(128, 2));
  }
  torch::Tensor forward(torch::Tensor x) {
    x = torch::dropout(torch::relu(fc1(x)), 0.6, training);
    return torch::softmax(fc2(x), 1);
  }
  torch::nn::Linear fc1{nullptr}, fc2{nullptr};
  bool training = true;
};
TORCH_MODULE(Policy);

struct CriticImpl : torch::nn::Module {
  CriticImpl() {
    fc1 = register_module("fc1", torch::nn::Linear(4, 128));
    fc2 = register_module("fc2", torch::nn::Linear(128, 1));
  }
  torch::Tensor forward(torch::Tensor x) {
    x = torch::dropout(torch::relu(fc1(x)), 0.6, is_training());
    x = torch::dropout(x, 0.1, training);
    return fc2(x);
  }
  void set_eval() { training = false; }
  torch::nn::Linear fc1{nullptr}, fc2{nullptr};
  bool training = true;
};
TORCH_MODULE(Critic);

// CHECK:       "kind": "dropout",
// CHECK:       "p": 0.59{{[0-9]*}},
// CHECK:       "training_flag": "training"
// CHECK:       "name": "Policy"
// CHECK:       "kind": "dropout",
// CHECK:       "p": 0.59{{[0-9]*}},
// CHECK:       "training_flag": ""
// CHECK:       "kind": "dropout",
// CHECK:       "p": 0.1{{[0-9]*}},
// CHECK:       "training_flag": ""
// CHECK:       "name": "Critic"
