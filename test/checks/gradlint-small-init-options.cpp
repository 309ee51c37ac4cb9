// RUN: %check_gradlint %s --checks='-*,gradlint-small-init' \
// RUN:   --config="{CheckOptions: {gradlint-small-init.Factor: 4}}" \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'

#include <torch/torch.h>

// With Factor 4, 0.01 * randn for 784 inputs into ReLU (5.1x below) fires.
struct ModestlySmallFlaggedImpl : torch::nn::Module {
  ModestlySmallFlaggedImpl() {
    fc1 = register_module("fc1", torch::nn::Linear(784, 128));
    fc2 = register_module("fc2", torch::nn::Linear(128, 10));
    // CHECK: :[[@LINE+2]]:5: warning: normal(0, 0.01) gives 'fc1' a weight scale of 0.01, 5.1x below the 0.051 that 784 inputs into a relu need; the signal shrinks at every layer and the output barely varies [gradlint-small-init]
    // CHECK: :[[@LINE-3]]:34: note: 'fc1' has 784 inputs into a relu; it needs a weight scale near 0.051
    torch::nn::init::normal_(fc1->weight, 0.0, 0.01);
  }
  torch::Tensor forward(torch::Tensor x) { return fc2(torch::relu(fc1(x))); }
  torch::nn::Linear fc1{nullptr}, fc2{nullptr};
};
TORCH_MODULE(ModestlySmallFlagged);

// Xavier stays silent at any factor above 1.
struct XavierSilentImpl : torch::nn::Module {
  XavierSilentImpl() {
    fc1 = register_module("fc1", torch::nn::Linear(784, 128));
    fc2 = register_module("fc2", torch::nn::Linear(128, 10));
    torch::nn::init::xavier_normal_(fc1->weight);
  }
  torch::Tensor forward(torch::Tensor x) { return fc2(torch::tanh(fc1(x))); }
  torch::nn::Linear fc1{nullptr}, fc2{nullptr};
};
TORCH_MODULE(XavierSilent);
