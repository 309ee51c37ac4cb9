#include "net.h"
int main() {
  Net Model;
  torch::optim::Adam Optimizer(Model->parameters(), torch::optim::AdamOptions(1e-3));
  auto X = torch::rand({100, 10});
  auto Y = torch::rand({100, 1});
  for (int Epoch = 0; Epoch < 100; ++Epoch) {
    Optimizer.zero_grad();
    auto Loss = torch::mse_loss(Model->forward(X), Y);
    Loss.backward();
    Optimizer.step();
  }
}
