#include <torch/torch.h>

torch::nn::Sequential sigmoids() {
  return torch::nn::Sequential(torch::nn::Linear(8, 8),
    torch::nn::Sigmoid(),
    torch::nn::Linear(8, 8),
    torch::nn::Sigmoid(),
    torch::nn::Linear(8, 8),
    torch::nn::Sigmoid());
}
