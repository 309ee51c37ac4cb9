// A healthy model: ReLU MLP with LibTorch's default initialisation, a
// single sigmoid at a binary cross-entropy output, biases zeroed, Adam at
// 1e-3 from a constant. gradlint has nothing to say about it.
#include <torch/torch.h>

namespace config {
constexpr double LearningRate = 1e-3;
constexpr int64_t Hidden = 32;
} // namespace config

struct ClassifierImpl : torch::nn::Module {
  ClassifierImpl()
      : fc1(register_module("fc1", torch::nn::Linear(10, config::Hidden))),
        fc2(register_module("fc2", torch::nn::Linear(config::Hidden, config::Hidden))),
        out(register_module("out", torch::nn::Linear(config::Hidden, 1))) {
    torch::nn::init::zeros_(fc1->bias);
    torch::nn::init::zeros_(fc2->bias);
  }

  torch::Tensor forward(torch::Tensor X) {
    X = torch::relu(fc1(X));
    X = torch::relu(fc2(X));
    return torch::sigmoid(out(X));
  }

  torch::nn::Linear fc1, fc2, out;
};
TORCH_MODULE(Classifier);

int main() {
  Classifier Model;
  torch::optim::Adam Optimizer(Model->parameters(),
                               torch::optim::AdamOptions(config::LearningRate));
  auto X = torch::randn({256, 10});
  auto Y = (X.sum(1, true) > 0).to(torch::kFloat);
  for (int Epoch = 0; Epoch < 100; ++Epoch) {
    Optimizer.zero_grad();
    auto Loss = torch::binary_cross_entropy(Model->forward(X), Y);
    Loss.backward();
    Optimizer.step();
  }
}
