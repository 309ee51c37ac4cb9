#pragma once
#include <torch/torch.h>

// Declared here, built and given its forward() in model.cpp, trained in
// train.cpp.
struct NetImpl : torch::nn::Module {
  NetImpl();
  torch::Tensor forward(torch::Tensor X);
  torch::nn::Linear fc1{nullptr}, out{nullptr};
};
TORCH_MODULE(Net);
