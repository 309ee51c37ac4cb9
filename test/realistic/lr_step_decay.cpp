// RUN: %gradlint --no-probe --header-mode=bundled %s -- -std=c++17 -I%S > %t.out 2>&1; echo "exit: $?" >> %t.out
// RUN: FileCheck %s --input-file=%t.out --implicit-check-not='{{warning|error}}:'
// CHECK: {{.*}}lr_step_decay.cpp:8:10: note: partial analysis: '../config.h' not found{{.*}}
// Style: a classifier with the learning rate decayed by hand through the
// param groups (the LibTorch idiom before schedulers); the decay factor was
// mistyped. The config reader one level up is absent here.
#include <torch/torch.h>
#include "../config.h"

struct ClassifierImpl : torch::nn::Module {
    ClassifierImpl() {
        net = register_module("net", torch::nn::Sequential(
            torch::nn::Linear(128, 256), torch::nn::ReLU(),
            torch::nn::Linear(256, 10)));
    }
    torch::Tensor forward(torch::Tensor x) { return net->forward(x); }
    torch::nn::Sequential net{nullptr};
};
TORCH_MODULE(Classifier);

int main() {
    auto cfg = config::load("train.yaml");
    Classifier model;
    torch::optim::SGD optimizer(model->parameters(), torch::optim::SGDOptions(0.1).momentum(0.9));
    auto loader = torch::data::make_data_loader(config::make_dataset(cfg), 128);
    for (int epoch = 0; epoch < 90; ++epoch) {
        if (epoch == 30) {
            for (auto& group : optimizer.param_groups()) {
                // CHECK: :[[@LINE+1]]:76: warning: learning rate of 'optimizer' is later set to 1e-8, below 1e-6{{.*}}[gradlint-tiny-learning-rate]
                static_cast<torch::optim::SGDOptions&>(group.options()).lr(1e-8);
            }
        }
        for (auto& batch : *loader) {
            auto loss = torch::nn::functional::cross_entropy(model->forward(batch.data), batch.target);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        }
    }
}
// CHECK: exit: 1
