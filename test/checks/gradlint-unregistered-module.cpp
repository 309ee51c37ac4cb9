// RUN: %check_gradlint %s --checks='-*,gradlint-unregistered-module' | FileCheck %s --implicit-check-not='{{warning|error}}:'

#include <torch/torch.h>

struct UnregisteredLinearFlaggedImpl : torch::nn::Module {
  UnregisteredLinearFlaggedImpl() {
    fc1 = register_module("fc1", torch::nn::Linear(10, 64));
    fc2 = torch::nn::Linear(64, 1);
    relu = torch::nn::ReLU();
  }
  torch::Tensor forward(torch::Tensor x) { return fc2(relu(fc1(x))); }
  torch::nn::Linear fc1{nullptr};
  // CHECK: :[[@LINE+1]]:21: warning: submodule 'fc2' is used in forward() but never registered; its parameters are missing from parameters(), so the optimizer never updates them [gradlint-unregistered-module]
  torch::nn::Linear fc2{nullptr};
  // A parameter-free member is harmless.
  torch::nn::ReLU relu{nullptr};
};
TORCH_MODULE(UnregisteredLinearFlagged);

struct LayerBuiltInForwardFlaggedImpl : torch::nn::Module {
  LayerBuiltInForwardFlaggedImpl() { fc1 = register_module("fc1", torch::nn::Linear(10, 64)); }
  torch::Tensor forward(torch::Tensor x) {
    x = torch::relu(fc1(x));
    // CHECK: :[[@LINE+1]]:12: warning: Linear(64, 1) is constructed inside forward(); it gets new random weights on every call and the optimizer never sees them [gradlint-unregistered-module]
    return torch::nn::Linear(64, 1)(x);
  }
  torch::nn::Linear fc1{nullptr};
};
TORCH_MODULE(LayerBuiltInForwardFlagged);

struct AllRegisteredSilentImpl : torch::nn::Module {
  AllRegisteredSilentImpl()
      : fc1(register_module("fc1", torch::nn::Linear(10, 64))),
        fc2(register_module("fc2", torch::nn::Linear(64, 1))) {
    scale = register_parameter("scale", torch::ones({1}));
  }
  torch::Tensor forward(torch::Tensor x) { return fc2(torch::relu(fc1(x))) * scale; }
  torch::nn::Linear fc1, fc2;
  torch::Tensor scale;
};
TORCH_MODULE(AllRegisteredSilent);
