// RUN: %check_gradlint %s --checks='-*,gradlint-constant-init' | FileCheck %s --implicit-check-not='{{warning|error}}:'

#include <torch/torch.h>

// A hidden layer's weight zeroed: its units start identical.
struct ZeroHiddenWeightFlaggedImpl : torch::nn::Module {
  ZeroHiddenWeightFlaggedImpl() {
    fc1 = register_module("fc1", torch::nn::Linear(4, 8));
    fc2 = register_module("fc2", torch::nn::Linear(8, 1));
    // CHECK: :[[@LINE+2]]:5: warning: every weight of 'fc1' is set to 0; its units start identical and learn as one until something else breaks the symmetry [gradlint-constant-init]
    // CHECK: :[[@LINE-3]]:34: note: 'fc1' is declared here
    torch::nn::init::zeros_(fc1->weight);
  }
  torch::Tensor forward(torch::Tensor x) { return fc2(torch::relu(fc1(x))); }
  torch::nn::Linear fc1{nullptr}, fc2{nullptr};
};
TORCH_MODULE(ZeroHiddenWeightFlagged);

// Every Linear filled with one value through apply(): all layers but the
// output layer are reported, at the fill.
struct FillAllLinearsFlaggedImpl : torch::nn::Module {
  FillAllLinearsFlaggedImpl() {
    fc1 = register_module("fc1", torch::nn::Linear(4, 16));
    fc2 = register_module("fc2", torch::nn::Linear(16, 16));
    fc3 = register_module("fc3", torch::nn::Linear(16, 1));
    apply([](torch::nn::Module &m) {
      if (auto *linear = m.as<torch::nn::Linear>()) {
        torch::NoGradGuard no_grad;
        // CHECK: :[[@LINE+3]]:24: warning: every weight of 'fc1' and 1 more layer is set to 0.5; its units start identical and learn as one until something else breaks the symmetry [gradlint-constant-init]
        // CHECK: :[[@LINE-7]]:34: note: 'fc1' is declared here
        // CHECK: :[[@LINE-7]]:34: note: 'fc2' is declared here
        linear->weight.fill_(0.5);
      }
    });
  }
  torch::Tensor forward(torch::Tensor x) {
    x = torch::tanh(fc1(x));
    x = torch::tanh(fc2(x));
    return fc3(x);
  }
  torch::nn::Linear fc1{nullptr}, fc2{nullptr}, fc3{nullptr};
};
TORCH_MODULE(FillAllLinearsFlagged);

// constant_ on a convolution's weight through .data().
struct ConstantConvFlaggedImpl : torch::nn::Module {
  ConstantConvFlaggedImpl() {
    conv1 = register_module("conv1", torch::nn::Conv2d(torch::nn::Conv2dOptions(3, 16, 3).padding(1)));
    conv2 = register_module("conv2", torch::nn::Conv2d(torch::nn::Conv2dOptions(16, 10, 1)));
    // CHECK: :[[@LINE+2]]:5: warning: every weight of 'conv1' is set to 0.1; its units start identical and learn as one until something else breaks the symmetry [gradlint-constant-init]
    // CHECK: :[[@LINE-3]]:38: note: 'conv1' is declared here
    torch::nn::init::constant_(conv1->weight, 0.1);
  }
  torch::Tensor forward(torch::Tensor x) { return conv2(torch::relu(conv1(x))); }
  torch::nn::Conv2d conv1{nullptr}, conv2{nullptr};
};
TORCH_MODULE(ConstantConvFlagged);

// Biases zeroed, weights left to the default: the usual recipe.
struct BiasZeroedSilentImpl : torch::nn::Module {
  BiasZeroedSilentImpl() {
    fc1 = register_module("fc1", torch::nn::Linear(4, 8));
    fc2 = register_module("fc2", torch::nn::Linear(8, 1));
    torch::nn::init::zeros_(fc1->bias);
    torch::nn::init::constant_(fc2->bias, 0.01);
    for (auto &p : named_parameters())
      if (p.key().find("bias") != std::string::npos)
        torch::nn::init::zeros_(p.value());
  }
  torch::Tensor forward(torch::Tensor x) { return fc2(torch::relu(fc1(x))); }
  torch::nn::Linear fc1{nullptr}, fc2{nullptr};
};
TORCH_MODULE(BiasZeroedSilent);

// A zero-initialised output layer (a common head recipe) and LayerNorm's
// weight set to one are both sound.
struct ZeroOutputAndNormOnesSilentImpl : torch::nn::Module {
  ZeroOutputAndNormOnesSilentImpl() {
    fc1 = register_module("fc1", torch::nn::Linear(4, 8));
    norm = register_module("norm", torch::nn::LayerNorm(torch::nn::LayerNormOptions({8})));
    head = register_module("head", torch::nn::Linear(8, 2));
    torch::nn::init::zeros_(head->weight);
    torch::nn::init::ones_(norm->weight);
  }
  torch::Tensor forward(torch::Tensor x) { return head(torch::relu(norm(fc1(x)))); }
  torch::nn::Linear fc1{nullptr}, head{nullptr};
  torch::nn::LayerNorm norm{nullptr};
};
TORCH_MODULE(ZeroOutputAndNormOnesSilent);

// An init that can never run: the cast to Conv2d never succeeds on a Linear.
struct DeadInitSilentImpl : torch::nn::Module {
  DeadInitSilentImpl() {
    fc1 = register_module("fc1", torch::nn::Linear(4, 8));
    fc2 = register_module("fc2", torch::nn::Linear(8, 1));
    if (auto *conv = fc1->as<torch::nn::Conv2d>())
      torch::nn::init::zeros_(conv->weight);
  }
  torch::Tensor forward(torch::Tensor x) { return fc2(torch::relu(fc1(x))); }
  torch::nn::Linear fc1{nullptr}, fc2{nullptr};
};
TORCH_MODULE(DeadInitSilent);
