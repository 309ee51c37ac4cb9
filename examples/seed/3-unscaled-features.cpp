// Seed example 3: one feature a thousand times larger than the other nine.
//
// Without a scaler the first feature dominates every pre-activation and the
// network struggles to learn from the rest. Standardising the columns
// ((X - mean) / std) is the fix; see 3-scaled-features.cpp.
#include <torch/torch.h>

int main() {
  auto X = torch::cat({torch::rand({100, 1}) * 1000, torch::rand({100, 9})}, 1);
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
