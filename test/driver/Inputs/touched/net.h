#pragma once
#include <torch/torch.h>

// Declared here, built and given its forward() in net.cpp.
struct NetImpl : torch::nn::Module {
  NetImpl();
  torch::Tensor forward(torch::Tensor X);
  torch::nn::Linear fc1{nullptr};
  torch::nn::Dropout drop{nullptr};
  torch::nn::Linear fc2{nullptr};
};
TORCH_MODULE(Net);
