// API coverage: idioms of public LibTorch projects — a DCGAN generator and
// discriminator (pytorch/examples cpp/dcgan), an actor-critic agent with
// its trainer, an LSTM sequence model, a residual block with a shortcut
// Sequential, and a checkpointing loop.
#include <torch/torch.h>

#include <cmath>
#include <iostream>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

struct DCGANGeneratorImpl : torch::nn::Module {
  explicit DCGANGeneratorImpl(int kNoiseSize)
      : conv1(torch::nn::ConvTranspose2dOptions(kNoiseSize, 256, 4).bias(false)),
        batch_norm1(256),
        conv2(torch::nn::ConvTranspose2dOptions(256, 128, 3).stride(2).padding(1).bias(false)),
        batch_norm2(128),
        conv3(torch::nn::ConvTranspose2dOptions(128, 1, 4).stride(2).padding(1).bias(false)) {
    register_module("conv1", conv1);
    register_module("conv2", conv2);
    register_module("conv3", conv3);
    register_module("batch_norm1", batch_norm1);
    register_module("batch_norm2", batch_norm2);
  }
  torch::Tensor forward(torch::Tensor x) {
    x = torch::relu(batch_norm1(conv1(x)));
    x = torch::relu(batch_norm2(conv2(x)));
    return torch::tanh(conv3(x));
  }
  torch::nn::ConvTranspose2d conv1, conv2, conv3;
  torch::nn::BatchNorm2d batch_norm1, batch_norm2;
};
TORCH_MODULE(DCGANGenerator);

struct ResidualBlockImpl : torch::nn::Module {
  ResidualBlockImpl(int64_t in, int64_t out, int64_t stride = 1) {
    conv1 = register_module("conv1", torch::nn::Conv2d(torch::nn::Conv2dOptions(in, out, 3).stride(stride).padding(1).bias(false)));
    bn1 = register_module("bn1", torch::nn::BatchNorm2d(out));
    torch::nn::Sequential shortcut;
    if (stride != 1 || in != out) {
      shortcut->push_back(torch::nn::Conv2d(torch::nn::Conv2dOptions(in, out, 1).stride(stride).bias(false)));
      shortcut->push_back(torch::nn::BatchNorm2d(out));
    }
    this->shortcut = register_module("shortcut", shortcut);
  }
  torch::Tensor forward(torch::Tensor x) {
    auto out = torch::relu(bn1->forward(conv1->forward(x)));
    return torch::relu(out + (shortcut->is_empty() ? x : shortcut->forward(x)));
  }
  torch::nn::Conv2d conv1{nullptr};
  torch::nn::BatchNorm2d bn1{nullptr};
  torch::nn::Sequential shortcut{nullptr};
};
TORCH_MODULE(ResidualBlock);

struct ActorCriticImpl : torch::nn::Module {
  ActorCriticImpl(int64_t n_in, int64_t n_out)
      : a_lin1_(torch::nn::Linear(n_in, 16)), a_lin2_(torch::nn::Linear(16, n_out)),
        c_lin1_(torch::nn::Linear(n_in, 16)), c_val_(torch::nn::Linear(16, 1)),
        log_std_(torch::full(n_out, -0.5)) {
    register_module("a_lin1", a_lin1_);
    register_module("a_lin2", a_lin2_);
    register_module("c_lin1", c_lin1_);
    register_module("c_val", c_val_);
    register_parameter("log_std", log_std_);
  }
  std::tuple<torch::Tensor, torch::Tensor> forward(torch::Tensor x) {
    auto mu = torch::tanh(a_lin2_->forward(torch::relu(a_lin1_->forward(x))));
    auto val = c_val_->forward(torch::relu(c_lin1_->forward(x)));
    if (this->is_training()) {
      torch::NoGradGuard no_grad;
      auto action = at::normal(mu, log_std_.exp().expand_as(mu));
      return std::make_tuple(action, val);
    }
    return std::make_tuple(mu, val);
  }
  torch::Tensor entropy() { return 0.5 + 0.5 * std::log(2 * M_PI) + log_std_; }
  torch::nn::Linear a_lin1_, a_lin2_, c_lin1_, c_val_;
  torch::Tensor log_std_;
};
TORCH_MODULE(ActorCritic);

struct SeqModel : torch::nn::Module {
  SeqModel(int64_t vocab, int64_t hidden)
      : embedding(register_module("embedding", torch::nn::Embedding(vocab, hidden))),
        lstm(register_module("lstm", torch::nn::LSTM(torch::nn::LSTMOptions(hidden, hidden).num_layers(2).batch_first(true)))),
        head(register_module("head", torch::nn::Linear(hidden, vocab))) {}
  torch::Tensor forward(torch::Tensor tokens) {
    auto emb = embedding->forward(tokens);
    auto out = std::get<0>(lstm->forward(emb));
    return head->forward(out.index({torch::indexing::Slice(), -1}));
  }
  torch::nn::Embedding embedding;
  torch::nn::LSTM lstm;
  torch::nn::Linear head;
};

template <typename Model, typename Optimizer>
class Trainer {
public:
  Trainer(Model &model, Optimizer &optimizer) : model_(model), optimizer_(optimizer) {}
  double step(const torch::Tensor &x, const torch::Tensor &y) {
    optimizer_.zero_grad();
    auto loss = torch::nn::functional::cross_entropy(model_->forward(x), y);
    loss.backward();
    torch::nn::utils::clip_grad_norm_(model_->parameters(), 0.5);
    optimizer_.step();
    return loss.template item<double>();
  }

private:
  Model &model_;
  Optimizer &optimizer_;
};

int main() {
  torch::Device device(torch::cuda::is_available() ? torch::kCUDA : torch::kCPU);
  DCGANGenerator generator(100);
  generator->to(device);
  torch::nn::Sequential discriminator(
      torch::nn::Conv2d(torch::nn::Conv2dOptions(1, 64, 4).stride(2).padding(1).bias(false)),
      torch::nn::LeakyReLU(torch::nn::LeakyReLUOptions().negative_slope(0.2)),
      torch::nn::Conv2d(torch::nn::Conv2dOptions(64, 1, 3).stride(1).padding(0).bias(false)),
      torch::nn::Sigmoid());
  torch::optim::Adam g_opt(generator->parameters(), torch::optim::AdamOptions(2e-4).betas(std::make_tuple(0.5, 0.5)));
  torch::optim::Adam d_opt(discriminator->parameters(), torch::optim::AdamOptions(5e-4).betas(std::make_tuple(0.5, 0.5)));
  auto noise = torch::randn({8, 100, 1, 1}, device);
  auto fake = generator->forward(noise);
  auto d_out = discriminator->forward(fake.detach()).view({-1});
  auto d_loss = torch::binary_cross_entropy(d_out, torch::empty(d_out.size(0), device).uniform_(0.8, 1.0));
  d_loss.backward();
  d_opt.step();
  g_opt.zero_grad();

  ResidualBlock block(3, 8, 2);
  auto r = block->forward(torch::randn({1, 3, 8, 8}));

  ActorCritic ac(4, 2);
  torch::optim::Adam ac_opt(ac->parameters(), 1e-3);
  auto [action, value] = ac->forward(torch::randn({1, 4}));
  auto advantage = torch::randn({1, 1}) - value;
  auto ac_loss = advantage.pow(2).mean() - 1e-3 * ac->entropy().mean();
  ac_opt.zero_grad();
  ac_loss.backward();
  ac_opt.step();

  auto seq_model = std::make_shared<SeqModel>(50, 16);
  torch::optim::SGD sgd(seq_model->parameters(), torch::optim::SGDOptions(0.1));
  Trainer<std::shared_ptr<SeqModel>, torch::optim::SGD> trainer(seq_model, sgd);
  double l = trainer.step(torch::randint(0, 50, {4, 7}), torch::randint(0, 50, {4}));

  torch::save(generator, "generator-checkpoint.pt");
  torch::save(g_opt, "generator-optimizer-checkpoint.pt");
  torch::load(generator, "generator-checkpoint.pt");
  std::cout << r.sizes() << action << l << d_loss.item<float>() << std::endl;
  return 0;
}
