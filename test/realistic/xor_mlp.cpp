// RUN: %gradlint --no-probe --header-mode=bundled %s -- -std=c++17 -I%S > %t.out 2>&1; echo "exit: $?" >> %t.out
// RUN: FileCheck %s --input-file=%t.out --implicit-check-not='{{warning|error}}:'
// CHECK: {{.*}}xor_mlp.cpp:9:10: note: partial analysis: '../common/timer.h' not found{{.*}}
// Style: the XOR "hello world" every LibTorch beginner writes. Sound: tanh
// hidden layer, sigmoid output into binary_cross_entropy, inputs in [0, 1];
// gradlint must say nothing. The timer header is absent here.
#include <torch/torch.h>
#include <iostream>
#include "../common/timer.h"

struct XorNet : torch::nn::Module {
    XorNet() : hidden(register_module("hidden", torch::nn::Linear(2, 8))),
               out(register_module("out", torch::nn::Linear(8, 1))) {}
    torch::Tensor forward(torch::Tensor x) {
        return torch::sigmoid(out(torch::tanh(hidden(x))));
    }
    torch::nn::Linear hidden, out;
};

int main() {
    common::Timer timer;
    auto x = torch::tensor({{0.f, 0.f}, {0.f, 1.f}, {1.f, 0.f}, {1.f, 1.f}});
    auto y = torch::tensor({{0.f}, {1.f}, {1.f}, {0.f}});
    XorNet net;
    torch::optim::SGD opt(net.parameters(), torch::optim::SGDOptions(0.5));
    for (int i = 0; i < 5000; ++i) {
        opt.zero_grad();
        auto loss = torch::binary_cross_entropy(net.forward(x), y);
        loss.backward();
        opt.step();
    }
    std::cout << net.forward(x) << "\n" << timer.elapsed() << " ms\n";
}
// CHECK: exit: 0
