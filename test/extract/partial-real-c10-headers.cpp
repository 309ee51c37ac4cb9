// REQUIRES: libtorch
// RUN: %gradlint --no-probe --header-mode=bundled %s -- -std=c++17 > %t.out 2>&1; echo "exit: $?" >> %t.out
// RUN: FileCheck %s --input-file=%t.out --implicit-check-not='{{warning|error}}:'
// A file that includes real <c10/...> headers directly beside <torch/torch.h>,
// linted against the bundled API model (the real headers are installed
// here, so the includes resolve to them): the two definitions of c10's
// vocabulary clash, and the file is marked partial, but the analysis is not
// lost: the model, the optimizer and the loop are read and their defects
// found, and the exit status is 1, not 3.
// CHECK: c10/util/string_view.h:{{[0-9]+}}:{{[0-9]+}}: note: partial analysis: error: typedef redefinition{{.*}}
#include <c10/util/Optional.h>
#include <c10/core/Device.h>
#include <torch/torch.h>

struct NetImpl : torch::nn::Module {
  NetImpl() { fc = register_module("fc", torch::nn::Linear(4, 2)); }
  // CHECK: :[[@LINE+1]]:51: warning: softmax before cross_entropy{{.*}}[gradlint-loss-mismatch]
  torch::Tensor forward(torch::Tensor x) { return torch::softmax(fc->forward(x), 1); }
  torch::nn::Linear fc{nullptr};
};
TORCH_MODULE(Net);

int main() {
  Net net;
  c10::optional<int64_t> steps = 10;
  c10::Device dev(c10::kCPU);
  net->to(dev);
  // CHECK: :[[@LINE+1]]:44: warning: learning rate 1e-9 is below 1e-6{{.*}}[gradlint-tiny-learning-rate]
  torch::optim::SGD opt(net->parameters(), 1e-9);
  auto x = torch::rand({8, 4});
  auto y = torch::randint(0, 2, {8});
  for (int i = 0; i < *steps; ++i) {
    opt.zero_grad();
    auto loss = torch::nn::functional::cross_entropy(net->forward(x), y);
    loss.backward();
    opt.step();
  }
}
// CHECK: exit: 1
