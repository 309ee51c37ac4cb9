#pragma once

#include <torch/torch.h>

#include "config.h"

// A small image classifier defined in a header, as header-only model zoos do.
struct ClassifierImpl : torch::nn::Module {
    explicit ClassifierImpl(int64_t num_classes) {
        features = register_module("features", torch::nn::Sequential(
            torch::nn::Conv2d(torch::nn::Conv2dOptions(3, 32, 3).padding(1)),
            torch::nn::ReLU(),
            torch::nn::MaxPool2d(2),
            torch::nn::Conv2d(torch::nn::Conv2dOptions(32, 64, 3).padding(1)),
            torch::nn::ReLU(),
            torch::nn::AdaptiveAvgPool2d(1),
            torch::nn::Flatten()));
        head = register_module("head", torch::nn::Sequential(
            torch::nn::Dropout(0.5),
            torch::nn::Linear(64, num_classes)));
    }

    torch::Tensor forward(torch::Tensor x) { return head->forward(features->forward(x)); }

    torch::nn::Sequential features{nullptr}, head{nullptr};
};
TORCH_MODULE(Classifier);
