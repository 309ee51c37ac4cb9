// RUN: %gradlint --no-probe --header-mode=bundled %s -- -std=c++17 -I%S > %t.out 2>&1; echo "exit: $?" >> %t.out
// RUN: FileCheck %s --input-file=%t.out --implicit-check-not='{{warning|error}}:'
// CHECK: {{.*}}small_init_sigmoid.cpp:9:10: note: partial analysis: 'plot.h' not found{{.*}}
// Style: a port of the classic NumPy "np.random.rand(...) * 0.01" network to
// LibTorch, initialising through named_parameters(); its plotting header is
// absent here.
#include <torch/torch.h>
#include <iostream>
#include "plot.h"

struct ShallowNet : torch::nn::Module {
    ShallowNet(int64_t n_in, int64_t n_hidden) {
        hidden = register_module("hidden", torch::nn::Linear(n_in, n_hidden));
        output = register_module("output", torch::nn::Linear(n_hidden, 1));
        for (auto& p : named_parameters()) {
            if (p.key().find("weight") != std::string::npos) {
                // planted, not found now: gradlint-small-init: U(0, 0.01) before a sigmoid
                torch::nn::init::uniform_(p.value(), 0.0, 0.01);
            }
        }
    }
    torch::Tensor forward(torch::Tensor x) {
        return torch::sigmoid(output->forward(torch::sigmoid(hidden->forward(x))));
    }
    torch::nn::Linear hidden{nullptr}, output{nullptr};
};

int main() {
    auto x = torch::rand({400, 64});
    auto y = (x.sum(1, true) > 32).to(torch::kFloat);
    auto net = std::make_shared<ShallowNet>(64, 64);
    torch::optim::SGD optimizer(net->parameters(), 1.0);
    for (int i = 0; i < 10000; ++i) {
        optimizer.zero_grad();
        auto loss = torch::binary_cross_entropy(net->forward(x), y);
        loss.backward();
        optimizer.step();
    }
    plot::decision_boundary(*net, x, y);
}
// CHECK: exit: 0
