// A finding's related places come out as notes of its warning, in the
// command's order, and the whole diagnostic matches the command's.
// REQUIRES: tidy-plugin
// RUN: %clang_tidy --load=%tidy_plugin --checks='-*,gradlint-constant-init' --quiet %s -- -std=c++17 -I%api > %t.tidy
// RUN: FileCheck %s --input-file=%t.tidy --implicit-check-not='{{warning|error|note}}:'
// RUN: not %gradlint --no-probe --checks='-*,gradlint-constant-init' %s -- -std=c++17 -I%api > %t.command
// RUN: grep -E ': (warning|error|note): ' %t.tidy > %t.tidy.diags
// RUN: grep -E ': (warning|error|note): ' %t.command > %t.command.diags
// RUN: diff %t.command.diags %t.tidy.diags
#include <torch/torch.h>

struct FillAllLinearsFlaggedImpl : torch::nn::Module {
  FillAllLinearsFlaggedImpl() {
    fc1 = register_module("fc1", torch::nn::Linear(4, 16));
    fc2 = register_module("fc2", torch::nn::Linear(16, 16));
    fc3 = register_module("fc3", torch::nn::Linear(16, 1));
    apply([](torch::nn::Module &m) {
      if (auto *linear = m.as<torch::nn::Linear>()) {
        torch::NoGradGuard no_grad;
        // CHECK: notes.cpp:[[@LINE+2]]:{{[0-9]+}}: warning: every weight of 'fc1' and 1 more layer is set to 0.5; {{.*}} [gradlint-constant-init]
        // CHECK: notes.cpp:[[@LINE-7]]:34: note: 'fc1' is declared here
        linear->weight.fill_(0.5);
        // CHECK: notes.cpp:[[@LINE-8]]:34: note: 'fc2' is declared here
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
