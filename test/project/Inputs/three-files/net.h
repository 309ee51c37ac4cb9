#pragma once
#include <torch/torch.h>

// The model is declared here, built and given its forward() in net.cpp,
// and trained in main.cpp.
struct NetImpl : torch::nn::Module {
  NetImpl();
  torch::Tensor forward(torch::Tensor X);
  torch::nn::Linear fc1{nullptr}, fc2{nullptr}, fc3{nullptr}, out{nullptr};
};
TORCH_MODULE(Net);
