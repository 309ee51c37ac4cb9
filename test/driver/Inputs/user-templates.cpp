// User templates instantiated only at the end of the translation unit, some
// only through LibTorch's own templates (ModuleHolder's constructor makes
// the module with std::make_shared).
#include <torch/torch.h>

template <int Width>
struct BlockImpl : torch::nn::Module {
  BlockImpl() : Fc(register_module("fc", torch::nn::Linear(Width, Width))) {
    torch::nn::init::constant_(Fc->weight, 0.0);
  }
  torch::Tensor forward(torch::Tensor X) {
    return torch::sigmoid(torch::sigmoid(torch::sigmoid(Fc->forward(X))));
  }
  torch::nn::Linear Fc;
};

struct Block8 : torch::nn::ModuleHolder<BlockImpl<8>> {
  using ModuleHolder::ModuleHolder;
};

template <typename Net>
void train(Net &N, torch::Tensor X, torch::Tensor Y) {
  torch::optim::SGD Opt(N->parameters(), torch::optim::SGDOptions(1e-9));
  for (int I = 0; I < 10; ++I) {
    Opt.zero_grad();
    auto Loss = torch::mse_loss(N->forward(X), Y);
    Loss.backward();
    Opt.step();
  }
}

int main() {
  Block8 B;
  train(B, torch::ones({8}), torch::zeros({8}));
}
