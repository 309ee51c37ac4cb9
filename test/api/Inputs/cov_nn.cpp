// API coverage: torch::nn — modules with their options, holders, containers,
// functional, init and utils, written from the LibTorch C++ frontend docs
// and the pytorch/examples C++ programs (mnist, dcgan, regression).
#include <torch/torch.h>

#include <iostream>
#include <memory>

namespace nn = torch::nn;
namespace F = torch::nn::functional;

struct NetImpl : nn::Module {
  NetImpl(int64_t in, int64_t hidden, int64_t out)
      : fc1(register_module("fc1", nn::Linear(in, hidden))),
        fc2(register_module("fc2", nn::Linear(nn::LinearOptions(hidden, out).bias(false)))),
        conv(register_module("conv", nn::Conv2d(nn::Conv2dOptions(1, 8, 3).stride(1).padding(1).bias(false)))),
        bn(register_module("bn", nn::BatchNorm2d(8))),
        drop(register_module("drop", nn::Dropout(0.5))) {
    weight = register_parameter("weight", torch::randn({out}));
    register_buffer("running", torch::zeros({out}));
  }
  torch::Tensor forward(torch::Tensor x) {
    x = torch::relu(fc1->forward(x));
    x = drop(x);
    return torch::log_softmax(fc2(x), /*dim=*/1);
  }
  nn::Linear fc1{nullptr}, fc2{nullptr};
  nn::Conv2d conv{nullptr};
  nn::BatchNorm2d bn{nullptr};
  nn::Dropout drop{nullptr};
  torch::Tensor weight;
};
TORCH_MODULE(Net);

struct Plain : torch::nn::Module {
  Plain() {
    lin = register_module("lin", torch::nn::Linear(4, 4));
    seq = register_module("seq", torch::nn::Sequential(torch::nn::Linear(4, 4), torch::nn::ReLU()));
  }
  torch::Tensor forward(const torch::Tensor &x) { return seq->forward(lin->forward(x)); }
  std::shared_ptr<torch::nn::LinearImpl> lin;
  torch::nn::Sequential seq{nullptr};
};

int main() {
  Net net(4, 8, 2);
  auto plain = std::make_shared<Plain>();
  net->train();
  net->eval();
  bool training = net->is_training();
  net->to(torch::kCPU);
  net->to(torch::Device(torch::kCPU), torch::kFloat);
  net->zero_grad();
  auto params = net->parameters();
  for (auto &p : net->named_parameters())
    std::cout << p.key() << p.value().sizes() << std::endl;
  for (auto &b : net->named_buffers())
    std::cout << b.key() << std::endl;
  for (auto &m : net->named_children())
    std::cout << m.key() << std::endl;
  for (auto &m : net->modules())
    std::cout << m->name() << std::endl;
  net->apply([](nn::Module &m) {
    if (auto *lin = m.as<nn::Linear>()) {
      nn::init::xavier_uniform_(lin->weight);
      nn::init::zeros_(lin->bias);
    }
  });
  std::cout << *net << training << params.size() << plain->forward(torch::ones({1, 4})) << std::endl;

  // Every module family with its options.
  nn::Linear lin(nn::LinearOptions(3, 4));
  nn::Bilinear bil(2, 3, 4);
  nn::Identity id;
  nn::Flatten flat(nn::FlattenOptions().start_dim(1));
  nn::Unflatten unflat(nn::UnflattenOptions(1, {2, 2}));
  nn::Conv1d c1(nn::Conv1dOptions(1, 2, 3).padding(1));
  nn::Conv2d c2(1, 2, 3);
  nn::Conv3d c3(nn::Conv3dOptions(1, 2, {3, 3, 3}).dilation(1).groups(1).padding_mode(torch::kZeros));
  nn::ConvTranspose2d ct(nn::ConvTranspose2dOptions(2, 1, 4).stride(2).padding(1).output_padding(0));
  nn::MaxPool2d mp(nn::MaxPool2dOptions(2).stride(2));
  nn::AvgPool2d ap(nn::AvgPool2dOptions({2, 2}));
  nn::AdaptiveAvgPool2d aap(nn::AdaptiveAvgPool2dOptions({1, 1}));
  nn::AdaptiveMaxPool1d amp(2);
  nn::MaxPool1d mp1(3);
  nn::BatchNorm1d bn1(nn::BatchNorm1dOptions(4).momentum(0.1).eps(1e-5).affine(true));
  nn::BatchNorm3d bn3(4);
  nn::InstanceNorm2d in2(nn::InstanceNorm2dOptions(4).affine(true));
  nn::LayerNorm ln(nn::LayerNormOptions({4}).elementwise_affine(true));
  nn::GroupNorm gn(nn::GroupNormOptions(2, 4));
  nn::LocalResponseNorm lrn(2);
  nn::Dropout dr(nn::DropoutOptions().p(0.2).inplace(false));
  nn::Dropout2d dr2(0.1);
  nn::AlphaDropout adr(0.1);
  nn::Embedding emb(nn::EmbeddingOptions(10, 3).padding_idx(0));
  nn::EmbeddingBag embb(nn::EmbeddingBagOptions(10, 3).mode(torch::kSum));
  nn::RNN rnn(nn::RNNOptions(4, 8).num_layers(2).nonlinearity(torch::kTanh));
  nn::LSTM lstm(nn::LSTMOptions(4, 8).num_layers(1).batch_first(true).bidirectional(false).dropout(0.0));
  nn::GRU gru(nn::GRUOptions(4, 8));
  nn::LSTMCell lstm_cell(nn::LSTMCellOptions(4, 8));
  nn::GRUCell gru_cell(4, 8);
  nn::RNNCell rnn_cell(nn::RNNCellOptions(4, 8).nonlinearity(torch::kReLU));
  nn::ReLU relu(nn::ReLUOptions().inplace(true));
  nn::ReLU6 relu6;
  nn::LeakyReLU lrelu(nn::LeakyReLUOptions().negative_slope(0.2));
  nn::PReLU prelu(nn::PReLUOptions().num_parameters(1));
  nn::ELU elu(nn::ELUOptions().alpha(1.0));
  nn::SELU selu;
  nn::CELU celu;
  nn::GELU gelu;
  nn::SiLU silu;
  nn::Mish mish;
  nn::Sigmoid sig;
  nn::Tanh tanh;
  nn::Softplus softplus(nn::SoftplusOptions().beta(1).threshold(20));
  nn::Softmax softmax(nn::SoftmaxOptions(1));
  nn::LogSoftmax logsoftmax(1);
  nn::Softmin softmin(1);
  nn::Hardtanh hardtanh(nn::HardtanhOptions().min_val(-1).max_val(1));
  nn::Threshold thr(0.1, 20);
  nn::Upsample up(nn::UpsampleOptions().scale_factor(std::vector<double>{2, 2}).mode(torch::kNearest));
  nn::ZeroPad2d zp(1);
  nn::ReflectionPad2d rp(1);
  nn::PixelShuffle ps(2);
  nn::CosineSimilarity cs(nn::CosineSimilarityOptions().dim(1));
  nn::PairwiseDistance pd;
  nn::MultiheadAttention mha(nn::MultiheadAttentionOptions(8, 2));
  nn::TransformerEncoderLayer tel(nn::TransformerEncoderLayerOptions(8, 2));

  // Losses.
  nn::MSELoss mse(nn::MSELossOptions().reduction(torch::kMean));
  nn::L1Loss l1;
  nn::SmoothL1Loss sl1;
  nn::HuberLoss huber(nn::HuberLossOptions().delta(1.0));
  nn::NLLLoss nll(nn::NLLLossOptions().ignore_index(-100).reduction(torch::kSum));
  nn::CrossEntropyLoss ce(nn::CrossEntropyLossOptions().label_smoothing(0.1));
  nn::BCELoss bce;
  nn::BCEWithLogitsLoss bcel(nn::BCEWithLogitsLossOptions().pos_weight(torch::ones({1})));
  nn::KLDivLoss kl(nn::KLDivLossOptions().reduction(torch::kBatchMean));
  nn::MarginRankingLoss mrl;
  nn::TripletMarginLoss tml;
  nn::CosineEmbeddingLoss cel;

  auto x = torch::randn({2, 3});
  auto y1 = lin(x) + lin->forward(x);
  auto w = lin->weight;
  auto b = lin->bias;
  auto opts = lin->options;
  int64_t in_features = lin->options.in_features();
  auto [out, state] = lstm->forward(torch::randn({2, 5, 4}));
  auto [h, c] = state;
  auto hx = lstm_cell(torch::randn({2, 4}));
  auto hc = lstm_cell->forward(torch::randn({2, 4}), std::make_tuple(torch::zeros({2, 8}), torch::zeros({2, 8})));
  auto gh = gru_cell(torch::randn({2, 4}), torch::zeros({2, 8}));
  auto rh = rnn_cell(torch::randn({2, 4}));
  auto [gout, gh2] = gru(torch::randn({5, 2, 4}));
  auto attn = std::get<0>(mha(torch::randn({3, 1, 8}), torch::randn({3, 1, 8}), torch::randn({3, 1, 8})));
  auto l = mse(x, x) + ce(x, torch::zeros({2}, torch::kLong)) + nll(torch::log_softmax(x, 1), torch::zeros({2}, torch::kLong)) +
           bce(torch::sigmoid(x), torch::rand({2, 3})) + bcel(x, torch::rand({2, 3})) + huber(x, x) + l1(x, x);

  // Containers.
  nn::Sequential seq(nn::Linear(3, 4), nn::ReLU(), nn::Dropout(0.5), nn::Linear(4, 2),
                     nn::Functional(torch::relu),
                     nn::Functional(static_cast<torch::Tensor (*)(const torch::Tensor &, int64_t, c10::optional<torch::ScalarType>)>(torch::log_softmax), 1, torch::nullopt));
  seq->push_back(nn::Sigmoid());
  seq->push_back("last", nn::Linear(2, 2));
  auto first = seq[0]->as<nn::Linear>();
  auto first_ptr = seq->ptr<nn::LinearImpl>(0);
  auto ys = seq->forward(x);
  size_t n = seq->size();
  nn::Sequential named({{"fc", nn::Linear(3, 3)}, {"act", nn::Tanh()}});
  nn::ModuleList list(nn::Linear(3, 3), nn::Linear(3, 3));
  list->push_back(nn::Linear(3, 3));
  for (const auto &m : *list)
    std::cout << m->name() << std::endl;
  auto item = list[0]->as<nn::Linear>();
  auto lin_at = list->at<nn::LinearImpl>(0);
  nn::ModuleDict dict(torch::OrderedDict<std::string, std::shared_ptr<nn::Module>>{});
  dict->update({{"a", std::make_shared<nn::LinearImpl>(3, 3)}});
  bool has = dict->contains("a");
  nn::AnyModule any(nn::Linear(3, 3));
  auto ya = any.forward(x);
  nn::Functional fn([](torch::Tensor t) { return t * 2; });
  auto yf = fn(x);

  // Functional.
  auto f1 = F::relu(x, F::ReLUFuncOptions().inplace(false));
  auto f2 = F::leaky_relu(x, F::LeakyReLUFuncOptions().negative_slope(0.1));
  auto f3 = F::softmax(x, F::SoftmaxFuncOptions(1));
  auto f4 = F::log_softmax(x, 1);
  auto f5 = F::dropout(x, F::DropoutFuncOptions().p(0.5).training(true));
  auto f6 = F::mse_loss(x, x, F::MSELossFuncOptions(torch::kSum));
  auto f7 = F::cross_entropy(x, torch::zeros({2}, torch::kLong), F::CrossEntropyFuncOptions().reduction(torch::kMean));
  auto f8 = F::nll_loss(torch::log_softmax(x, 1), torch::zeros({2}, torch::kLong));
  auto f9 = F::binary_cross_entropy(torch::sigmoid(x), torch::rand({2, 3}));
  auto f10 = F::max_pool2d(torch::randn({1, 1, 4, 4}), F::MaxPool2dFuncOptions(2));
  auto f11 = F::avg_pool2d(torch::randn({1, 1, 4, 4}), F::AvgPool2dFuncOptions(2));
  auto f12 = F::adaptive_avg_pool2d(torch::randn({1, 1, 4, 4}), F::AdaptiveAvgPool2dFuncOptions(1));
  auto f13 = F::interpolate(torch::randn({1, 1, 4, 4}), F::InterpolateFuncOptions().scale_factor(std::vector<double>{2, 2}).mode(torch::kBilinear).align_corners(false));
  auto f14 = F::normalize(x, F::NormalizeFuncOptions().p(2).dim(1));
  auto f15 = F::pad(x, F::PadFuncOptions({1, 1}).mode(torch::kConstant));
  auto f16 = F::gelu(x) + F::silu(x) + F::elu(x) + F::selu(x) + F::softplus(x) + F::hardtanh(x);
  auto f17 = F::one_hot(torch::zeros({2}, torch::kLong), 3);
  auto f18 = F::linear(x, torch::randn({4, 3}));
  auto f19 = F::conv2d(torch::randn({1, 1, 4, 4}), torch::randn({2, 1, 3, 3}), F::Conv2dFuncOptions().padding(1));
  auto f20 = F::batch_norm(x, torch::zeros({3}), torch::ones({3}), F::BatchNormFuncOptions().training(true));
  auto f21 = F::smooth_l1_loss(x, x) + F::l1_loss(x, x) + F::kl_div(x, x) + F::binary_cross_entropy_with_logits(x, x);
  auto f22 = F::embedding(torch::zeros({2}, torch::kLong), torch::randn({10, 3}));
  auto f23 = F::cosine_similarity(x, x, F::CosineSimilarityFuncOptions().dim(1));

  // Initialisation and utilities.
  torch::NoGradGuard guard;
  nn::init::normal_(lin->weight, 0.0, 0.02);
  nn::init::uniform_(lin->weight, -0.1, 0.1);
  nn::init::constant_(lin->bias, 0.0);
  nn::init::ones_(lin->bias);
  nn::init::xavier_normal_(lin->weight);
  nn::init::kaiming_uniform_(lin->weight, 0, torch::kFanIn, torch::kReLU);
  nn::init::kaiming_normal_(lin->weight, 0.0, torch::kFanOut, torch::kLeakyReLU);
  nn::init::orthogonal_(lin->weight);
  double gain = nn::init::calculate_gain(torch::kTanh);
  nn::utils::clip_grad_norm_(net->parameters(), 1.0);
  nn::utils::clip_grad_value_(net->parameters(), 0.5);
  auto flat_params = nn::utils::parameters_to_vector(net->parameters());
  nn::utils::vector_to_parameters(flat_params, net->parameters());
  auto cloned = std::dynamic_pointer_cast<NetImpl>(net->clone());

  std::cout << y1 << w << b << opts.out_features() << in_features << out << h << c << std::get<0>(hx) << std::get<1>(hc) << gh << rh << gout << gh2 << attn << l << first << first_ptr << ys << n << item << lin_at << has << ya << yf << f1 << f2 << f3 << f4 << f5 << f6 << f7 << f8 << f9 << f10 << f11 << f12 << f13 << f14 << f15 << f16 << f17 << f18 << f19 << f20 << f21 << f22 << f23 << gain << cloned << std::endl;
  (void)bil; (void)id; (void)flat; (void)unflat; (void)c1; (void)c2; (void)c3; (void)ct; (void)mp; (void)ap; (void)aap; (void)amp; (void)mp1; (void)bn1; (void)bn3; (void)in2; (void)ln; (void)gn; (void)lrn; (void)dr; (void)dr2; (void)adr; (void)emb; (void)embb; (void)rnn; (void)relu; (void)relu6; (void)lrelu; (void)prelu; (void)elu; (void)selu; (void)celu; (void)gelu; (void)silu; (void)mish; (void)sig; (void)tanh; (void)softplus; (void)softmax; (void)logsoftmax; (void)softmin; (void)hardtanh; (void)thr; (void)up; (void)zp; (void)rp; (void)ps; (void)cs; (void)pd; (void)tel; (void)sl1; (void)kl; (void)mrl; (void)tml; (void)cel; (void)named;
  return 0;
}
