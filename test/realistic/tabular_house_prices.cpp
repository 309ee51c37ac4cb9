// RUN: %gradlint --no-probe --header-mode=bundled %s -- -std=c++17 -I%S > %t.out 2>&1; echo "exit: $?" >> %t.out
// RUN: FileCheck %s --input-file=%t.out --implicit-check-not='{{warning|error}}:'
// CHECK: {{.*}}tabular_house_prices.cpp:9:10: note: partial analysis: 'plot_utils.h' not found{{.*}}
// Style: a beginner's regression on a handful of houses typed in by hand
// (square metres, rooms), with a ReLU "to keep prices positive"; the
// plotting helper header is absent here.
#include <torch/torch.h>
#include <iostream>
#include "plot_utils.h"

struct PriceNet : torch::nn::Module {
    PriceNet() {
        fc1 = register_module("fc1", torch::nn::Linear(2, 16));
        fc2 = register_module("fc2", torch::nn::Linear(16, 1));
    }
    torch::Tensor forward(torch::Tensor x) {
        x = torch::relu(fc1->forward(x));
        // planted, not found now: gradlint-clamped-output: ReLU on a regression output
        return torch::relu(fc2->forward(x));
    }
    torch::nn::Linear fc1{nullptr}, fc2{nullptr};
};

int main() {
    // CHECK: :[[@LINE+1]]:14: warning: input 'x' reaches 2450 and is not normalised before 'PriceNet'{{.*}}[gradlint-unnormalized-input]
    auto x = torch::tensor({{1400.0, 3.0}, {1600.0, 3.0}, {1700.0, 4.0}, {1875.0, 4.0},
                            {1100.0, 2.0}, {1550.0, 3.0}, {2350.0, 5.0}, {2450.0, 4.0}});
    auto y = torch::tensor({{245.0}, {312.0}, {279.0}, {308.0}, {199.0}, {219.0}, {405.0}, {324.0}});

    auto model = std::make_shared<PriceNet>();
    torch::optim::Adam optimizer(model->parameters(), torch::optim::AdamOptions(1e-3));

    for (int epoch = 0; epoch < 2000; ++epoch) {
        auto pred = model->forward(x);
        auto loss = torch::mse_loss(pred, y);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
        if (epoch % 200 == 0) std::cout << epoch << " " << loss.item<float>() << std::endl;
    }
    plot_utils::scatter(x.select(1, 0), y.squeeze());
}
// CHECK: exit: 1
