#include <torch/torch.h>
struct NetImpl : torch::nn::Module {
  NetImpl() {
    fc1 = register_module("fc1", torch::nn::Linear(10, 10));
    fc2 = register_module("fc2", torch::nn::Linear(10, 10));
    fc3 = register_module("fc3", torch::nn::Linear(10, 1));
  }
  torch::Tensor forward(torch::Tensor X) {
    X = torch::sigmoid(fc1->forward(X));
    X = torch::sigmoid(fc2->forward(X));
    return torch::sigmoid(fc3->forward(X));
  }
  torch::nn::Linear fc1{nullptr}, fc2{nullptr}, fc3{nullptr};
};
TORCH_MODULE(Net);
