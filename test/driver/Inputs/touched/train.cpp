#include "net.h"

void fit(Net model, torch::Tensor x, torch::Tensor y) {
  torch::optim::Adam optimizer(model->parameters(), 1e-3);
  for (int epoch = 0; epoch < 10; ++epoch) {
    model->train();
    for (int i = 0; i < 100; ++i) {
      optimizer.zero_grad();
      torch::mse_loss(model->forward(x), y).backward();
      optimizer.step();
    }
    model->eval();
    torch::NoGradGuard no_grad;
    auto val = torch::mse_loss(model->forward(x), y);
  }
}
