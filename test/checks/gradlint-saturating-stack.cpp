// RUN: %check_gradlint %s --checks='-*,gradlint-saturating-stack' | FileCheck %s --implicit-check-not='{{warning|error}}:'

#include <torch/torch.h>

namespace F = torch::nn::functional;

// Seed example 1: three sigmoid layers, the activations as free functions.
struct SigmoidStackFlaggedImpl : torch::nn::Module {
  SigmoidStackFlaggedImpl()
      : fc1(register_module("fc1", torch::nn::Linear(10, 10))),
        fc2(register_module("fc2", torch::nn::Linear(10, 10))),
        fc3(register_module("fc3", torch::nn::Linear(10, 1))) {}
  torch::Tensor forward(torch::Tensor x) {
    // CHECK: :[[@LINE+1]]:9: warning: 3 sigmoid activations in a row with nothing between to keep gradients alive; each multiplies the gradient by at most 0.25 [gradlint-saturating-stack]
    x = torch::sigmoid(fc1->forward(x));
    // CHECK: :[[@LINE+1]]:9: note: sigmoid 2 of 3 here
    x = torch::sigmoid(fc2(x));
    // CHECK: :[[@LINE+1]]:12: note: sigmoid 3 of 3 here
    return fc3(x).sigmoid();
  }
  torch::nn::Linear fc1, fc2, fc3;
};
TORCH_MODULE(SigmoidStackFlagged);

// The same as a Sequential of modules, with tanh; dropout does not help.
torch::nn::Sequential TanhStackFlagged() {
  return torch::nn::Sequential(
      torch::nn::Linear(32, 64),
      // CHECK: :[[@LINE+1]]:7: warning: 4 tanh activations in a row with nothing between to keep gradients alive; each multiplies the gradient by at most 1, and by less than 0.1 once saturated [gradlint-saturating-stack]
      torch::nn::Tanh(),
      torch::nn::Linear(64, 64),
      // CHECK: :[[@LINE+1]]:7: note: tanh 2 of 4 here
      torch::nn::Tanh(),
      torch::nn::Dropout(0.5),
      torch::nn::Linear(64, 64),
      // CHECK: :[[@LINE+1]]:7: note: tanh 3 of 4 here
      torch::nn::Functional(torch::tanh),
      torch::nn::Linear(64, 1),
      // CHECK: :[[@LINE+1]]:7: note: tanh 4 of 4 here
      torch::nn::Tanh());
}

// Mixed sigmoid and tanh still count as one run.
torch::nn::Sequential MixedStackFlagged() {
  torch::nn::Sequential seq;
  seq->push_back(torch::nn::Linear(8, 8));
  // CHECK: :[[@LINE+1]]:18: warning: 3 sigmoid/tanh activations in a row with nothing between to keep gradients alive; each multiplies the gradient by at most 0.25 (sigmoid) or 1 (tanh) [gradlint-saturating-stack]
  seq->push_back(torch::nn::Sigmoid());
  seq->push_back(torch::nn::Linear(8, 8));
  // CHECK: :[[@LINE+1]]:18: note: tanh 2 of 3 here
  seq->push_back(torch::nn::Tanh());
  seq->push_back(torch::nn::Linear(8, 1));
  // CHECK: :[[@LINE+1]]:18: note: sigmoid 3 of 3 here
  seq->push_back(torch::nn::Sigmoid());
  return seq;
}

// One sigmoid at a BCE output behind ReLU hidden layers: the usual binary
// classifier.
torch::nn::Sequential SigmoidOutputOnlySilent() {
  return torch::nn::Sequential(
      torch::nn::Linear(10, 64), torch::nn::ReLU(),
      torch::nn::Linear(64, 64), torch::nn::ReLU(),
      torch::nn::Linear(64, 1), torch::nn::Sigmoid());
}

// Two tanh layers are below MinDepth.
torch::nn::Sequential TwoTanhSilent() {
  return torch::nn::Sequential(
      torch::nn::Linear(10, 16), torch::nn::Tanh(),
      torch::nn::Linear(16, 1), torch::nn::Tanh());
}

// Normalisation between the sigmoids keeps each run at one.
torch::nn::Sequential BatchNormBetweenSilent() {
  return torch::nn::Sequential(
      torch::nn::Linear(10, 16), torch::nn::BatchNorm1d(16), torch::nn::Sigmoid(),
      torch::nn::Linear(16, 16), torch::nn::BatchNorm1d(16), torch::nn::Sigmoid(),
      torch::nn::Linear(16, 16), torch::nn::LayerNorm(torch::nn::LayerNormOptions({16})),
      torch::nn::Sigmoid());
}

// A module gradlint cannot see into breaks the run: it stays quiet.
struct Opaque : torch::nn::Module {
  torch::Tensor forward(torch::Tensor x);
};

struct UnknownBetweenSilentImpl : torch::nn::Module {
  UnknownBetweenSilentImpl()
      : fc1(register_module("fc1", torch::nn::Linear(10, 10))),
        fc2(register_module("fc2", torch::nn::Linear(10, 10))),
        fc3(register_module("fc3", torch::nn::Linear(10, 1))),
        opaque(register_module("opaque", std::make_shared<Opaque>())) {}
  torch::Tensor forward(torch::Tensor x) {
    x = torch::sigmoid(fc1(x));
    x = opaque->forward(x);
    x = torch::sigmoid(fc2(x));
    return torch::sigmoid(fc3(x));
  }
  torch::nn::Linear fc1, fc2, fc3;
  std::shared_ptr<Opaque> opaque;
};
TORCH_MODULE(UnknownBetweenSilent);

// ReLU MLP with the default initialisation: the healthy baseline.
torch::nn::Sequential ReluMlpSilent() {
  return torch::nn::Sequential(torch::nn::Linear(784, 128), torch::nn::ReLU(),
                               torch::nn::Linear(128, 64), torch::nn::ReLU(),
                               torch::nn::Linear(64, 10));
}
