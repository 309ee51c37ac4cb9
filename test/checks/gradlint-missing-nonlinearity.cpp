// RUN: %check_gradlint %s --checks='-*,gradlint-missing-nonlinearity' | FileCheck %s --implicit-check-not='{{warning|error}}:'

#include <torch/torch.h>

// Off by default; enabled explicitly above.
struct ForgotReluFlaggedImpl : torch::nn::Module {
  ForgotReluFlaggedImpl()
      : fc1(register_module("fc1", torch::nn::Linear(784, 256))),
        fc2(register_module("fc2", torch::nn::Linear(256, 10))) {}
  torch::Tensor forward(torch::Tensor x) {
    x = fc1(x);
    return fc2(x);
  }
  torch::nn::Linear fc1, fc2;
};
// CHECK: :[[@LINE-7]]:36: warning: 'fc2' is applied right after 'fc1' with nothing non-linear between; together they are one affine map and the extra layer adds no capacity [gradlint-missing-nonlinearity]
// CHECK: :[[@LINE-9]]:36: note: 'fc1' is here
TORCH_MODULE(ForgotReluFlagged);

torch::nn::Sequential ReluBetweenSilent() {
  return torch::nn::Sequential(torch::nn::Linear(784, 256), torch::nn::ReLU(),
                               torch::nn::Linear(256, 10));
}
