// Seed example 2: a sound ReLU network trained with Adam at 1e-10.
//
// Every update is ten orders of magnitude smaller than the weights: after a
// hundred epochs the model predicts what it predicted at initialisation.
#include <torch/torch.h>

int main() {
  torch::nn::Sequential Model(torch::nn::Linear(10, 10), torch::nn::ReLU(),
                              torch::nn::Linear(10, 1));
  torch::optim::Adam Optimizer(Model->parameters(),
                               torch::optim::AdamOptions(1e-10));
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
