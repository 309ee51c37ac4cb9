// RUN: %gradlint --no-probe --header-mode=bundled %s -- -std=c++17 -I%S > %t.out 2>&1; echo "exit: $?" >> %t.out
// RUN: FileCheck %s --input-file=%t.out --implicit-check-not='{{warning|error}}:'
// CHECK-NOT: partial analysis
// Style: tutorial collection (basics/pytorch_basics): autograd, grad_fn,
// indexing, a single optimizer step, a TorchScript model. Sound throughout:
// gradlint must say nothing.
#include <torch/torch.h>
#include <torch/script.h>
#include <iostream>
#include <iomanip>

using torch::indexing::Slice;
using torch::indexing::None;

void print_tensor_size(const torch::Tensor& x) {
    std::cout << "[";
    for (size_t i = 0; i != x.dim() - 1; ++i) {
        std::cout << x.size(i) << " ";
    }
    std::cout << x.size(-1) << "]";
}

int main() {
    // Basic autograd example 1
    torch::Tensor x = torch::tensor(1.0, torch::requires_grad());
    torch::Tensor w = torch::tensor(2.0, torch::requires_grad());
    torch::Tensor b = torch::tensor(3.0, torch::requires_grad());
    auto y = w * x + b;
    y.backward();
    std::cout << x.grad() << '\n' << w.grad() << '\n' << b.grad() << '\n';
    std::cout << "grad_fn: " << y.grad_fn()->name() << '\n';

    // Basic autograd example 2: one step of SGD on a linear layer
    x = torch::randn({10, 3});
    y = torch::randn({10, 2});
    torch::nn::Linear linear(3, 2);
    std::cout << "w:\n" << linear->weight << '\n';

    torch::nn::MSELoss criterion;
    torch::optim::SGD optimizer(linear->parameters(), torch::optim::SGDOptions(0.01));

    auto pred = linear->forward(x);
    auto loss = criterion(pred, y);
    std::cout << "Loss: " << loss.item<double>() << '\n';
    loss.backward();
    std::cout << "dL/dw:\n" << linear->weight.grad() << '\n';
    optimizer.step();

    pred = linear->forward(x);
    loss = criterion(pred, y);
    std::cout << "Loss after 1 optimization step: " << loss.item<double>() << "\n\n";

    // Indexing
    auto s = torch::arange(0, 10).view({2, 5});
    std::cout << s.index({Slice(), Slice(None, 2)}) << '\n';
    print_tensor_size(s.index({0}));

    // Pretrained model
    auto resnet = torch::jit::load("resnet18_scriptmodule.pt");
    std::vector<torch::jit::IValue> inputs{torch::randn({64, 3, 224, 224})};
    auto output = resnet.forward(inputs).toTensor();
    print_tensor_size(output);

    // Save and load
    torch::save(linear, "linear.pt");
    torch::load(linear, "linear.pt");
}
// CHECK: exit: 0
