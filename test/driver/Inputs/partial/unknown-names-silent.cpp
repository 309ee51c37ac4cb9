// Names from a header that is not there: the block, the layer type and the
// data never resolve. Nothing is guessed from them: the sigmoids on either
// side of the unknown block are not a stack, the unknown member is not an
// unregistered module, the unknown optimizer is not an optimizer.
#include <torch/torch.h>
#include "blocks/residual.h"

struct Encoder : torch::nn::Module {
  Encoder() {
    fc1 = register_module("fc1", torch::nn::Linear(32, 32));
    fc2 = register_module("fc2", torch::nn::Linear(32, 32));
    fc3 = register_module("fc3", torch::nn::Linear(32, 32));
  }
  torch::Tensor forward(torch::Tensor x) {
    x = torch::sigmoid(fc1->forward(x));
    x = block->forward(x);
    x = torch::sigmoid(fc2->forward(x));
    x = attention(x);
    return torch::sigmoid(fc3->forward(x));
  }
  torch::nn::Linear fc1{nullptr}, fc2{nullptr}, fc3{nullptr};
  ResidualBlock block{nullptr};
};

int main() {
  auto enc = std::make_shared<Encoder>();
  project::LookaheadOptimizer opt(enc->parameters(), 1e-12);
  for (int step = 0; step < 100; ++step) {
    auto x = project::next_batch();
    auto loss = enc->forward(x).pow(2).mean();
    loss.backward();
    opt.step();
  }
}
