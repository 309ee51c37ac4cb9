// RUN: %check_gradlint %s --checks='-*,gradlint-exploding-init' | FileCheck %s --implicit-check-not='{{warning|error}}:'

#include <torch/torch.h>

// N(0, 1) for 784 inputs into ReLU: 20x above He.
struct StandardNormalInitFlaggedImpl : torch::nn::Module {
  StandardNormalInitFlaggedImpl() {
    fc1 = register_module("fc1", torch::nn::Linear(784, 128));
    fc2 = register_module("fc2", torch::nn::Linear(128, 10));
    // CHECK: :[[@LINE+2]]:5: warning: normal(0, 1) gives 'fc1' a weight scale of 1, 20x above the 0.051 that 784 inputs into a relu need; activations and gradients grow at every layer and can overflow to inf or NaN [gradlint-exploding-init]
    // CHECK: :[[@LINE-3]]:34: note: 'fc1' has 784 inputs into a relu; it needs a weight scale near 0.051
    torch::nn::init::normal_(fc1->weight, 0.0, 1.0);
  }
  torch::Tensor forward(torch::Tensor x) { return fc2(torch::relu(fc1(x))); }
  torch::nn::Linear fc1{nullptr}, fc2{nullptr};
};
TORCH_MODULE(StandardNormalInitFlagged);

// Kaiming for ReLU, default elsewhere.
struct KaimingReluSilentImpl : torch::nn::Module {
  KaimingReluSilentImpl() {
    fc1 = register_module("fc1", torch::nn::Linear(784, 128));
    fc2 = register_module("fc2", torch::nn::Linear(128, 10));
    torch::nn::init::kaiming_normal_(fc1->weight);
  }
  torch::Tensor forward(torch::Tensor x) { return fc2(torch::relu(fc1(x))); }
  torch::nn::Linear fc1{nullptr}, fc2{nullptr};
};
TORCH_MODULE(KaimingReluSilent);
