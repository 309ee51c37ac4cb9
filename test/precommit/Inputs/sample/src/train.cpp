#include "data.h"
#include "digits/net.h"

#include <iostream>

int main(int Argc, char **Argv) {
  auto [Images, Labels] = loadDigits(Argc > 1 ? Argv[1] : "digits");
  Net Model(128);
  torch::optim::Adam Optimizer(Model->parameters(),
                               torch::optim::AdamOptions(1e-3));
  for (int Epoch = 0; Epoch < 10; ++Epoch) {
    Optimizer.zero_grad();
    auto Loss = torch::nn::functional::cross_entropy(Model->forward(Images), Labels);
    Loss.backward();
    Optimizer.step();
    std::cout << "epoch " << Epoch << " loss " << Loss.item<float>() << "\n";
  }
}
