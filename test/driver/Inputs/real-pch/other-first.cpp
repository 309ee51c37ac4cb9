// Its first code is a conditional: no PCH (what comes first is not read
// line by line).
#if 1
#include <torch/torch.h>
#endif

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
