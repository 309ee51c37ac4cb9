// Seed example 3, fixed: the same data standardised before training.
#include <torch/torch.h>

int main() {
  auto Raw = torch::cat({torch::rand({100, 1}) * 1000, torch::rand({100, 9})}, 1);
  auto X = (Raw - Raw.mean(0)) / Raw.std(0);
  auto Y = torch::rand({100, 1});
  torch::nn::Sequential Model(torch::nn::Linear(10, 10), torch::nn::ReLU(),
                              torch::nn::Linear(10, 1));
  torch::optim::Adam Optimizer(Model->parameters());
  for (int Epoch = 0; Epoch < 100; ++Epoch) {
    Optimizer.zero_grad();
    auto Loss = torch::mse_loss(Model->forward(X), Y);
    Loss.backward();
    Optimizer.step();
  }
  std::cout << Model->forward(X) << std::endl;
}
