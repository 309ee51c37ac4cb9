// XImpl + TORCH_MODULE CNN, options builders, functional API through aliases.
#include <torch/torch.h>

namespace nn = torch::nn;
namespace F = torch::nn::functional;

struct ConvNetImpl : nn::Module {
  ConvNetImpl(int64_t Channels)
      : conv1(nn::Conv2dOptions(Channels, 16, 3).stride(1).padding(1).bias(false)),
        conv2(nn::Conv2d(16, 32, 5)), bn1(16), bn2(nn::BatchNorm2dOptions(32).momentum(0.01)),
        drop(nn::Dropout2d(0.25)), pool(nn::MaxPool2dOptions(2).stride(2)),
        fc(nn::LinearOptions(32 * 5 * 5, 10)) {
    register_module("conv1", conv1);
    register_module("conv2", conv2);
    register_module("bn1", bn1);
    register_module("bn2", bn2);
    register_module("drop", drop);
    register_module("pool", pool);
    register_module("fc", fc);
    register_module("ln", ln);
    register_module("gap", gap);
  }
  torch::Tensor forward(torch::Tensor X) {
    X = F::relu(bn1(conv1(X)));
    X = pool(X);
    X = F::leaky_relu(bn2->forward(conv2->forward(X)), F::LeakyReLUFuncOptions().negative_slope(0.2));
    X = drop(X);
    X = F::max_pool2d(X, F::MaxPool2dFuncOptions(2));
    X = F::avg_pool2d(X, F::AvgPool2dFuncOptions({1, 1}));
    X = gap(X);
    X = X.view({X.size(0), -1});
    X = torch::flatten(X, 1);
    X = F::dropout(X, F::DropoutFuncOptions().p(0.5).training(is_training()));
    X = fc(X);
    X = F::gelu(X);
    X = F::elu(X, F::ELUFuncOptions().alpha(1.0));
    X = F::silu(X);
    X = F::softplus(X, F::SoftplusFuncOptions().beta(1));
    X = F::hardtanh(X);
    X = F::normalize(X, F::NormalizeFuncOptions().p(2).dim(1));
    X = F::linear(X, fc->weight, fc->bias);
    return F::log_softmax(X, F::LogSoftmaxFuncOptions(1));
  }
  nn::Conv2d conv1, conv2;
  nn::BatchNorm2d bn1, bn2;
  nn::Dropout2d drop;
  nn::MaxPool2d pool;
  nn::Linear fc;
  nn::LayerNorm ln{nn::LayerNormOptions({10}).eps(1e-5)};
  nn::AdaptiveAvgPool2d gap{nn::AdaptiveAvgPool2dOptions({5, 5})};
};
TORCH_MODULE(ConvNet);

struct SeqRnnImpl : torch::nn::Module {
  SeqRnnImpl()
      : emb(nn::EmbeddingOptions(100, 16).padding_idx(0)),
        lstm(nn::LSTMOptions(16, 32).num_layers(2).batch_first(true).dropout(0.1)),
        gru(nn::GRU(32, 32)), rnn(nn::RNNOptions(32, 8).nonlinearity(torch::kReLU)),
        gn(nn::GroupNormOptions(2, 8)), c1(nn::Conv1dOptions(8, 8, 3).padding(1)),
        ct(nn::ConvTranspose2dOptions(8, 4, 2).stride(2)), bn(nn::BatchNorm1d(8)) {
    register_module("emb", emb);
    register_module("lstm", lstm);
    register_module("gru", gru);
    register_module("rnn", rnn);
  }
  torch::Tensor forward(torch::Tensor Tokens) {
    auto E = emb(Tokens);
    auto Out = std::get<0>(lstm(E));
    auto G = std::get<0>(gru->forward(Out));
    torch::Tensor H;
    std::tie(H, std::ignore) = rnn(G);
    return H.softmax(-1);
  }
  nn::Embedding emb;
  nn::LSTM lstm;
  nn::GRU gru;
  nn::RNN rnn;
  nn::GroupNorm gn;
  nn::Conv1d c1;
  nn::ConvTranspose2d ct;
  nn::BatchNorm1d bn;
};
TORCH_MODULE(SeqRnn);

int main() {
  ConvNet Net(1);
  auto Out = Net(torch::rand({2, 1, 28, 28}));
  auto Out2 = Net->forward(torch::rand({2, 1, 28, 28}));
  SeqRnn R;
  auto Y = R(torch::randint(0, 100, {4, 7}));
  ConvNet Empty{nullptr};
  if (Empty.is_empty())
    Empty = ConvNet(3);
  std::shared_ptr<ConvNetImpl> P = Net.ptr();
  ConvNetImpl &Ref = *Net;
  ConvNetImpl *Raw = Net.get();
  (void)Ref;
  (void)Raw;
  (void)P;
  std::cout << Out.sizes() << Out2.dim() << Y.size(0) << std::endl;
}
