// Seed example 1: a stack of sigmoids with tiny uniform weights.
//
// Three sigmoid layers, weights drawn from U(0, 0.01) and biases zeroed:
// the activations collapse to 0.5 and the gradient reaching the first layer
// shrinks by at least 4x per sigmoid, so every prediction ends up the same.
#include <torch/torch.h>

struct SeedNetImpl : torch::nn::Module {
  SeedNetImpl() {
    fc1 = register_module("fc1", torch::nn::Linear(10, 10));
    fc2 = register_module("fc2", torch::nn::Linear(10, 10));
    fc3 = register_module("fc3", torch::nn::Linear(10, 1));
    torch::NoGradGuard NoGrad;
    for (auto &P : named_parameters()) {
      if (P.key().find("weight") != std::string::npos)
        P.value().uniform_(0.0, 0.01); // very small weights
      else
        P.value().zero_();
    }
  }

  torch::Tensor forward(torch::Tensor X) {
    X = torch::sigmoid(fc1->forward(X));
    X = torch::sigmoid(fc2->forward(X));
    return torch::sigmoid(fc3->forward(X));
  }

  torch::nn::Linear fc1{nullptr}, fc2{nullptr}, fc3{nullptr};
};
TORCH_MODULE(SeedNet);

int main() {
  SeedNet Model;
  torch::optim::Adam Optimizer(Model->parameters(), torch::optim::AdamOptions());
  auto X = torch::rand({100, 10});
  auto Y = torch::rand({100, 1});
  for (int Epoch = 0; Epoch < 100; ++Epoch) {
    Optimizer.zero_grad();
    auto Loss = torch::mse_loss(Model->forward(X), Y);
    Loss.backward();
    Optimizer.step();
  }
  std::cout << Model->forward(X) << std::endl;
}
