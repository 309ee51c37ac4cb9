// RUN: %gradlint --no-probe --header-mode=bundled %s -- -std=c++17 -I%S > %t.out 2>&1; echo "exit: $?" >> %t.out
// RUN: FileCheck %s --input-file=%t.out --implicit-check-not='{{warning|error}}:'
// CHECK: {{.*}}tut_resnet.cpp:9:10: note: partial analysis: 'cifar10.h' not found (and 1 more header){{.*}}
// Style: tutorial collection (intermediate/deep_residual_network): residual
// blocks with an optional downsample Sequential, and a learning rate decayed
// by rebuilding the optimizer every epoch.
#include <torch/torch.h>
#include <iostream>
#include "cifar10.h"
#include "transform.h"

class ResidualBlockImpl : public torch::nn::Module {
 public:
    ResidualBlockImpl(int64_t in_channels, int64_t out_channels, int64_t stride = 1,
                      torch::nn::Sequential downsample = nullptr)
        : conv1(torch::nn::Conv2dOptions(in_channels, out_channels, 3).stride(stride).padding(1).bias(false)),
          bn1(out_channels),
          conv2(torch::nn::Conv2dOptions(out_channels, out_channels, 3).stride(1).padding(1).bias(false)),
          bn2(out_channels) {
        register_module("conv1", conv1);
        register_module("bn1", bn1);
        register_module("relu", relu);
        register_module("conv2", conv2);
        register_module("bn2", bn2);
        // SILENT: a local Sequential assigned to the member, then registered.
        if (downsample) {
            this->downsampler = downsample;
            register_module("downsample", downsampler);
        }
    }

    torch::Tensor forward(torch::Tensor x) {
        auto out = conv1->forward(x);
        out = bn1->forward(out);
        out = relu->forward(out);
        out = conv2->forward(out);
        out = bn2->forward(out);
        auto residual = downsampler ? downsampler->forward(x) : x;
        out += residual;
        return relu->forward(out);
    }

 private:
    torch::nn::Conv2d conv1;
    torch::nn::BatchNorm2d bn1;
    torch::nn::ReLU relu;
    torch::nn::Conv2d conv2;
    torch::nn::BatchNorm2d bn2;
    torch::nn::Sequential downsampler{nullptr};
};

TORCH_MODULE(ResidualBlock);

class ResNetImpl : public torch::nn::Module {
 public:
    explicit ResNetImpl(int64_t num_classes = 10) {
        conv = register_module("conv", torch::nn::Conv2d(torch::nn::Conv2dOptions(3, 16, 3).padding(1).bias(false)));
        bn = register_module("bn", torch::nn::BatchNorm2d(16));
        auto shortcut = torch::nn::Sequential(
            torch::nn::Conv2d(torch::nn::Conv2dOptions(16, 32, 3).stride(2).padding(1).bias(false)),
            torch::nn::BatchNorm2d(32));
        layer1 = register_module("layer1", ResidualBlock(16, 16));
        layer2 = register_module("layer2", ResidualBlock(16, 32, 2, shortcut));
        fc = register_module("fc", torch::nn::Linear(32, num_classes));
    }

    torch::Tensor forward(torch::Tensor x) {
        auto out = torch::relu(bn->forward(conv->forward(x)));
        out = layer1->forward(out);
        out = layer2->forward(out);
        out = torch::adaptive_avg_pool2d(out, {1, 1});
        out = out.view({out.size(0), -1});
        return fc->forward(out);
    }

 private:
    torch::nn::Conv2d conv{nullptr};
    torch::nn::BatchNorm2d bn{nullptr};
    ResidualBlock layer1{nullptr}, layer2{nullptr};
    torch::nn::Linear fc{nullptr};
};

TORCH_MODULE(ResNet);

int main() {
    const int64_t batch_size = 100;
    const size_t num_epochs = 20;
    const double learning_rate = 0.001;
    const size_t learning_rate_decay_frequency = 8;
    const double learning_rate_decay_factor = 1.0 / 3.0;

    auto train_dataset = CIFAR10("../data/cifar10/")
        .map(transform::RandomHorizontalFlip())
        .map(torch::data::transforms::Stack<>());
    auto train_loader = torch::data::make_data_loader<torch::data::samplers::RandomSampler>(
        std::move(train_dataset), batch_size);

    ResNet model(10);
    auto current_learning_rate = learning_rate;

    for (size_t epoch = 0; epoch != num_epochs; ++epoch) {
        // Rebuilt each epoch to decay the rate: Adam's moments start over.
        // CHECK: :[[@LINE+1]]:9: warning: optimizer 'optimizer' is constructed inside a loop around its training loop{{.*}}[gradlint-optimizer-in-loop]
        torch::optim::Adam optimizer(model->parameters(), torch::optim::AdamOptions(current_learning_rate));
        for (auto& batch : *train_loader) {
            auto output = model->forward(batch.data);
            auto loss = torch::nn::functional::cross_entropy(output, batch.target);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        }
        if ((epoch + 1) % learning_rate_decay_frequency == 0) {
            current_learning_rate *= learning_rate_decay_factor;
        }
    }
}
// CHECK: exit: 1
