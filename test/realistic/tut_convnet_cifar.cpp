// RUN: %gradlint --no-probe --header-mode=bundled %s -- -std=c++17 -I%S > %t.out 2>&1; echo "exit: $?" >> %t.out
// RUN: FileCheck %s --input-file=%t.out --implicit-check-not='{{warning|error}}:'
// CHECK: {{.*}}tut_convnet_cifar.cpp:9:10: note: partial analysis: 'cifar10.h' not found{{.*}}
// Style: tutorial collection (intermediate/convolutional_neural_network) with
// a CIFAR10 dataset class from the collection's own header (absent here).
#include <torch/torch.h>
#include <iostream>
#include <iomanip>
#include "cifar10.h"

class ConvNetImpl : public torch::nn::Module {
 public:
    explicit ConvNetImpl(int64_t num_classes = 10)
        : fc(8 * 8 * 32, num_classes) {
        register_module("layer1", layer1);
        register_module("layer2", layer2);
        register_module("fc", fc);
    }

    torch::Tensor forward(torch::Tensor x) {
        x = layer1->forward(x);
        x = layer2->forward(x);
        x = x.view({-1, 8 * 8 * 32});
        return fc->forward(x);
    }

 private:
    torch::nn::Sequential layer1{
        torch::nn::Conv2d(torch::nn::Conv2dOptions(3, 16, 5).stride(1).padding(2)),
        torch::nn::BatchNorm2d(16),
        torch::nn::ReLU(),
        torch::nn::MaxPool2d(torch::nn::MaxPool2dOptions(2).stride(2))
    };

    torch::nn::Sequential layer2{
        torch::nn::Conv2d(torch::nn::Conv2dOptions(16, 32, 5).stride(1).padding(2)),
        torch::nn::BatchNorm2d(32),
        torch::nn::ReLU(),
        torch::nn::MaxPool2d(torch::nn::MaxPool2dOptions(2).stride(2))
    };

    torch::nn::Linear fc;
};

TORCH_MODULE(ConvNet);

int main() {
    const int64_t num_classes = 10;
    const int64_t batch_size = 100;
    const size_t num_epochs = 5;
    const double learning_rate = 0.001;

    auto train_dataset = CIFAR10("../data/cifar10/")
        .map(torch::data::transforms::Normalize<>({0.4914, 0.4822, 0.4465}, {0.247, 0.243, 0.261}))
        .map(torch::data::transforms::Stack<>());
    auto test_dataset = CIFAR10("../data/cifar10/", CIFAR10::Mode::kTest)
        .map(torch::data::transforms::Stack<>());

    auto train_loader = torch::data::make_data_loader<torch::data::samplers::RandomSampler>(
        std::move(train_dataset), batch_size);
    auto test_loader = torch::data::make_data_loader<torch::data::samplers::SequentialSampler>(
        std::move(test_dataset), batch_size);

    ConvNet model(num_classes);

    torch::optim::Adam optimizer(model->parameters(), torch::optim::AdamOptions(learning_rate));

    for (size_t epoch = 0; epoch != num_epochs; ++epoch) {
        for (auto& batch : *train_loader) {
            auto output = model->forward(batch.data);
            auto loss = torch::nn::functional::cross_entropy(output, batch.target);

            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        }

        // Validation after every epoch; the author forgot model->train() at
        // the top of the loop, so epochs 2..5 train with frozen BN stats.
        // CHECK: :[[@LINE+1]]:9: warning: 'model' is switched to eval mode here and is still in it when the optimizer steps in the next loop iteration{{.*}}[gradlint-eval-mode-training]
        model->eval();
        torch::NoGradGuard no_grad;
        size_t num_correct = 0;
        for (const auto& batch : *test_loader) {
            auto output = model->forward(batch.data);
            num_correct += output.argmax(1).eq(batch.target).sum().item<int64_t>();
        }
        std::cout << "Epoch " << epoch << " test accuracy " << num_correct << '\n';
    }
}
// CHECK: exit: 1
