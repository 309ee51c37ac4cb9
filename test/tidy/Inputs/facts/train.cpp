#include "model.h"

int main() {
  Net Model;
  torch::optim::SGD Optimizer(Model->parameters(), torch::optim::SGDOptions(0.01));
  auto X = torch::randn({64, 8});
  auto Y = torch::randint(0, 4, {64});
  for (int Epoch = 0; Epoch < 10; ++Epoch) {
    Optimizer.zero_grad();
    auto Loss = torch::nn::functional::cross_entropy(Model->forward(X), Y);
    Loss.backward();
    Optimizer.step();
  }
}
