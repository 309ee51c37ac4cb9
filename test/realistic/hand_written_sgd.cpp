// RUN: %gradlint --no-probe --header-mode=bundled %s -- -std=c++17 -I%S > %t.out 2>&1; echo "exit: $?" >> %t.out
// RUN: FileCheck %s --input-file=%t.out --implicit-check-not='{{warning|error}}:'
// CHECK: {{.*}}hand_written_sgd.cpp:9:10: note: partial analysis: '../data/synthetic.h' not found{{.*}}
// Style: "autograd from scratch" posts: linear regression with hand-written
// gradient descent on leaf tensors, no optimizer object. Sound: gradlint must
// say nothing. The synthetic data generator is a header absent here.
#include <torch/torch.h>
#include <iostream>
#include "../data/synthetic.h"

int main() {
    auto [x, y] = synthetic::linear_dataset(1000, 3, /*noise=*/0.1);
    auto w = torch::randn({3, 1}, torch::requires_grad());
    auto b = torch::zeros({1}, torch::requires_grad());
    const double lr = 0.05;

    for (int epoch = 0; epoch < 200; ++epoch) {
        auto pred = torch::matmul(x, w) + b;
        auto loss = (pred - y).pow(2).mean();
        loss.backward();
        {
            torch::NoGradGuard no_grad;
            w -= lr * w.grad();
            b -= lr * b.grad();
        }
        w.mutable_grad().zero_();
        b.mutable_grad().zero_();
        if (epoch % 20 == 0) std::cout << epoch << ": " << loss.item<double>() << '\n';
    }

    // The same by .data(), as older posts write it.
    torch::nn::Linear lin(3, 1);
    for (int epoch = 0; epoch < 200; ++epoch) {
        auto loss = torch::mse_loss(lin->forward(x), y);
        lin->zero_grad();
        loss.backward();
        for (auto& p : lin->parameters()) {
            p.data() = p.data() - lr * p.grad().data();
        }
    }
    std::cout << lin->weight << '\n';
}
// CHECK: exit: 0
