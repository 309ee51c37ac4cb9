#include "net.h"

namespace hparams {
constexpr double LearningRate = 1e-9;
}

int main() {
  Net Model;
  torch::optim::SGD Optimizer(Model->parameters(),
                              torch::optim::SGDOptions(hparams::LearningRate).momentum(0.9));
  auto X = torch::randn({128, 8});
  auto Y = torch::randn({128, 1});
  for (int Epoch = 0; Epoch < 50; ++Epoch) {
    Optimizer.zero_grad();
    auto Loss = torch::mse_loss(Model->forward(X), Y);
    Loss.backward();
    Optimizer.step();
  }
}
