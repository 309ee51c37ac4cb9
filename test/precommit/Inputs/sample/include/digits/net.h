// The classifier: two hidden layers over 28x28 images.
#pragma once

#include <torch/torch.h>

struct NetImpl : torch::nn::Module {
  NetImpl(int64_t Hidden);

  torch::Tensor forward(torch::Tensor X) {
    X = torch::relu(Fc1->forward(X.view({X.size(0), 784})));
    X = torch::relu(Fc2->forward(X));
    return Fc3->forward(X);
  }

  torch::nn::Linear Fc1{nullptr}, Fc2{nullptr}, Fc3{nullptr};
};
TORCH_MODULE(Net);
