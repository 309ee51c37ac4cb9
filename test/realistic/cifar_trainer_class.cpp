// RUN: %gradlint --no-probe --header-mode=bundled %s -- -std=c++17 -I%S > %t.out 2>&1; echo "exit: $?" >> %t.out
// RUN: FileCheck %s --input-file=%t.out --implicit-check-not='{{warning|error}}:'
// CHECK: {{.*}}cifar_trainer_class.cpp:9:10: note: partial analysis: 'cifar10.h' not found (and 1 more header){{.*}}
// Style: an object-oriented trainer (model, optimizer and criterion held as
// members, an epoch per member call); the CIFAR10 reader and the logger are
// project headers absent here.
#include <torch/torch.h>
#include <memory>
#include "cifar10.h"
#include "logger.h"

struct SmallCNNImpl : torch::nn::Module {
    SmallCNNImpl() {
        features = register_module("features", torch::nn::Sequential(
            torch::nn::Conv2d(torch::nn::Conv2dOptions(3, 32, 3).padding(1)), torch::nn::BatchNorm2d(32), torch::nn::ReLU(),
            torch::nn::MaxPool2d(2),
            torch::nn::Conv2d(torch::nn::Conv2dOptions(32, 64, 3).padding(1)), torch::nn::BatchNorm2d(64), torch::nn::ReLU(),
            torch::nn::AdaptiveAvgPool2d(1), torch::nn::Flatten()));
        classifier = register_module("classifier", torch::nn::Linear(64, 10));
    }
    torch::Tensor forward(torch::Tensor x) {
        // planted, not found now: gradlint-loss-mismatch: softmax output, CrossEntropyLoss criterion
        return torch::softmax(classifier->forward(features->forward(x)), 1);
    }
    torch::nn::Sequential features{nullptr};
    torch::nn::Linear classifier{nullptr};
};
TORCH_MODULE(SmallCNN);

class Trainer {
 public:
    explicit Trainer(SmallCNN model)
        : model_(model),
          optimizer_(std::make_unique<torch::optim::Adam>(model_->parameters(), torch::optim::AdamOptions(1e-3))) {}

    template <typename Loader>
    double train_epoch(Loader& loader) {
        model_->train();
        double total = 0;
        for (auto& batch : loader) {
            optimizer_->zero_grad();
            auto loss = criterion_(model_->forward(batch.data), batch.target);
            loss.backward();
            optimizer_->step();
            total += loss.template item<double>();
        }
        return total;
    }

 private:
    SmallCNN model_;
    std::unique_ptr<torch::optim::Adam> optimizer_;
    torch::nn::CrossEntropyLoss criterion_;
};

int main() {
    Logger log("train.log");
    auto loader = torch::data::make_data_loader(
        CIFAR10("data/cifar-10-batches-bin").map(torch::data::transforms::Stack<>()), 128);
    Trainer trainer{SmallCNN()};
    for (int epoch = 0; epoch < 30; ++epoch) log << trainer.train_epoch(*loader);
}
// CHECK: exit: 0
