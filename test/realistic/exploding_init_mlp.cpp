// RUN: %gradlint --no-probe --header-mode=bundled %s -- -std=c++17 -I%S > %t.out 2>&1; echo "exit: $?" >> %t.out
// RUN: FileCheck %s --input-file=%t.out --implicit-check-not='{{warning|error}}:'
// Style: an MNIST MLP with "Gaussian init" done by hand; {fmt} is used for
// logging and is not installed here.
#include <torch/torch.h>
#include <fmt/core.h>

struct MLPImpl : torch::nn::Module {
    MLPImpl() {
        fc1 = register_module("fc1", torch::nn::Linear(784, 512));
        fc2 = register_module("fc2", torch::nn::Linear(512, 256));
        fc3 = register_module("fc3", torch::nn::Linear(256, 10));
        // CHECK: :[[@LINE+1]]:9: warning: normal(0, 1) gives 'fc1' a weight scale of 1, 20x above the 0.051 that 784 inputs into a relu need{{.*}}[gradlint-exploding-init]
        torch::nn::init::normal_(fc1->weight, 0.0, 1.0);
        // SILENT: He init for the next layer.
        torch::nn::init::kaiming_normal_(fc2->weight, 0.0, torch::kFanIn, torch::kReLU);
    }
    torch::Tensor forward(torch::Tensor x) {
        x = torch::relu(fc1->forward(x.view({-1, 784})));
        x = torch::dropout(x, 0.2, is_training());
        x = torch::relu(fc2->forward(x));
        return torch::log_softmax(fc3->forward(x), 1);
    }
    torch::nn::Linear fc1{nullptr}, fc2{nullptr}, fc3{nullptr};
};
TORCH_MODULE(MLP);

int main() {
    MLP model;
    auto loader = torch::data::make_data_loader(
        torch::data::datasets::MNIST("data")
            .map(torch::data::transforms::Normalize<>(0.1307, 0.3081))
            .map(torch::data::transforms::Stack<>()), 64);
    torch::optim::SGD optimizer(model->parameters(), torch::optim::SGDOptions(0.01).momentum(0.5));
    for (int epoch = 1; epoch <= 10; ++epoch) {
        for (auto& batch : *loader) {
            optimizer.zero_grad();
            // SILENT: log_softmax into nll_loss.
            auto loss = torch::nll_loss(model->forward(batch.data), batch.target);
            loss.backward();
            optimizer.step();
        }
        fmt::print("epoch {}\n", epoch);
    }
}
// CHECK: exit: 1
