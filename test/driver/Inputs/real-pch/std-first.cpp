// Standard library headers before LibTorch go into its PCH.
#include <vector>

#include <torch/torch.h>

void train(torch::Tensor X, torch::Tensor Y) {
  torch::nn::Sequential Model(torch::nn::Linear(10, 10), torch::nn::ReLU(),
                              torch::nn::Linear(10, 1));
  torch::optim::Adam Optimizer(Model->parameters(), torch::optim::AdamOptions(1e-10));
  for (int Epoch = 0; Epoch < 100; ++Epoch) {
    Optimizer.zero_grad();
    auto Loss = torch::mse_loss(Model->forward(X), Y);
    Loss.backward();
    Optimizer.step();
  }
}
