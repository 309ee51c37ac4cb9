// RUN: not %gradlint --checks='-*,gradlint-tiny-learning-rate' %s -- -std=c++17 -I%api > %t.txt
// RUN: FileCheck %s --input-file=%t.txt --implicit-check-not='{{warning|note}}:'
//
// The layers issue 9 left "not probed" are probed: a plain RNN (relu) read
// through its final hidden state, a bidirectional LSTM with dropout between
// its layers, an LSTM's h_n[-1], an embedding straight into a linear layer,
// a bag of embeddings (`emb(x).mean(1)`) and a transposed convolution with
// output_padding and dilation.
#include <torch/torch.h>

struct RnnNet : torch::nn::Module {
  RnnNet() {
    rnn = register_module("rnn", torch::nn::RNN(torch::nn::RNNOptions(3, 12)
                                                    .nonlinearity(torch::kReLU)
                                                    .batch_first(true)));
    fc = register_module("fc", torch::nn::Linear(12, 1));
  }
  torch::Tensor forward(torch::Tensor x) {
    auto h = std::get<1>(rnn->forward(x));
    return fc->forward(h.squeeze(0));
  }
  torch::nn::RNN rnn{nullptr};
  torch::nn::Linear fc{nullptr};
};

struct BiNet : torch::nn::Module {
  BiNet() {
    lstm = register_module("lstm", torch::nn::LSTM(torch::nn::LSTMOptions(3, 8)
                                                       .num_layers(2)
                                                       .dropout(0.2)
                                                       .bidirectional(true)
                                                       .batch_first(true)));
    fc = register_module("fc", torch::nn::Linear(16, 1));
  }
  torch::Tensor forward(torch::Tensor x) {
    auto out = std::get<0>(lstm->forward(x));
    return fc->forward(out.select(1, -1));
  }
  torch::nn::LSTM lstm{nullptr};
  torch::nn::Linear fc{nullptr};
};

struct HiddenNet : torch::nn::Module {
  HiddenNet() {
    lstm = register_module("lstm", torch::nn::LSTM(torch::nn::LSTMOptions(3, 8)
                                                       .num_layers(2)));
    fc = register_module("fc", torch::nn::Linear(8, 1));
  }
  torch::Tensor forward(torch::Tensor x) {
    auto h = std::get<0>(std::get<1>(lstm->forward(x)));
    return fc->forward(h[-1]);
  }
  torch::nn::LSTM lstm{nullptr};
  torch::nn::Linear fc{nullptr};
};

struct BagNet : torch::nn::Module {
  BagNet() {
    emb = register_module("emb", torch::nn::Embedding(50, 8));
    proj = register_module("proj", torch::nn::Linear(8, 4));
    fc = register_module("fc", torch::nn::Linear(4 * 12, 3));
  }
  torch::Tensor forward(torch::Tensor x) {
    x = torch::relu(proj->forward(emb->forward(x)));
    return fc->forward(x.flatten(1));
  }
  torch::nn::Embedding emb{nullptr};
  torch::nn::Linear proj{nullptr}, fc{nullptr};
};

struct MeanNet : torch::nn::Module {
  MeanNet() {
    emb = register_module("emb", torch::nn::Embedding(50, 8));
    fc = register_module("fc", torch::nn::Linear(8, 3));
  }
  torch::Tensor forward(torch::Tensor x) {
    return fc->forward(emb->forward(x).mean(1));
  }
  torch::nn::Embedding emb{nullptr};
  torch::nn::Linear fc{nullptr};
};

struct UpNet : torch::nn::Module {
  UpNet() {
    up = register_module("up", torch::nn::ConvTranspose2d(
                                   torch::nn::ConvTranspose2dOptions(2, 3, 3)
                                       .stride(2)
                                       .padding(1)
                                       .output_padding(1)
                                       .dilation(2)));
    fc = register_module("fc", torch::nn::Linear(3 * 10 * 10, 1));
  }
  torch::Tensor forward(torch::Tensor x) {
    return fc->forward(torch::relu(up->forward(x)).flatten(1));
  }
  torch::nn::ConvTranspose2d up{nullptr};
  torch::nn::Linear fc{nullptr};
};

void TrainRnn() {
  auto model = std::make_shared<RnnNet>();
  torch::optim::Adam optimizer(model->parameters(), 1e-10);
  auto x = torch::randn({16, 6, 3});
  auto y = torch::randn({16, 1});
  for (int i = 0; i < 20; ++i) {
    optimizer.zero_grad();
    torch::mse_loss(model->forward(x), y).backward();
    optimizer.step();
  }
}

void TrainBi() {
  auto model = std::make_shared<BiNet>();
  torch::optim::Adam optimizer(model->parameters(), 1e-10);
  auto x = torch::randn({16, 6, 3});
  auto y = torch::randn({16, 1});
  for (int i = 0; i < 20; ++i) {
    optimizer.zero_grad();
    torch::mse_loss(model->forward(x), y).backward();
    optimizer.step();
  }
}

void TrainHidden() {
  auto model = std::make_shared<HiddenNet>();
  torch::optim::Adam optimizer(model->parameters(), 1e-10);
  // Sequence first: 6 steps of a batch of 16.
  auto x = torch::randn({6, 16, 3});
  auto y = torch::randn({16, 1});
  for (int i = 0; i < 20; ++i) {
    optimizer.zero_grad();
    torch::mse_loss(model->forward(x), y).backward();
    optimizer.step();
  }
}

void TrainBag() {
  auto model = std::make_shared<BagNet>();
  torch::optim::Adam optimizer(model->parameters(), 1e-10);
  auto tokens = torch::randint(0, 50, {16, 12});
  auto labels = torch::randint(0, 3, {16});
  for (int i = 0; i < 20; ++i) {
    optimizer.zero_grad();
    torch::nn::functional::cross_entropy(model->forward(tokens), labels).backward();
    optimizer.step();
  }
}

void TrainMean() {
  auto model = std::make_shared<MeanNet>();
  torch::optim::Adam optimizer(model->parameters(), 1e-10);
  auto tokens = torch::randint(0, 50, {16, 12});
  auto labels = torch::randint(0, 3, {16});
  for (int i = 0; i < 20; ++i) {
    optimizer.zero_grad();
    torch::nn::functional::cross_entropy(model->forward(tokens), labels).backward();
    optimizer.step();
  }
}

void TrainUp() {
  auto model = std::make_shared<UpNet>();
  torch::optim::Adam optimizer(model->parameters(), 1e-10);
  auto x = torch::randn({16, 2, 4, 4});
  auto y = torch::randn({16, 1});
  for (int i = 0; i < 20; ++i) {
    optimizer.zero_grad();
    torch::mse_loss(model->forward(x), y).backward();
    optimizer.step();
  }
}

// Each is probed (none "not probed"); targets and labels are random tensors
// independent of the input, so whether a sane rate lowers the loss by 10 %
// varies by seed.
// CHECK: recurrent-layers.cpp:102:53: warning: learning rate 1e-10 is below 1e-6{{.*}} [gradlint-tiny-learning-rate]
// CHECK: recurrent-layers.cpp:102:53: note: probe: inconclusive (confirmed in 5 of 10 seeds): over 20 Adam steps, the median relative weight update per step is 0{{.*}}(the claim, < 1e-07, holds in 10 of 10 seeds; the fix removes it in 10 of 10 {{.*}}
// CHECK: recurrent-layers.cpp:114:53: warning: learning rate 1e-10 {{.*}} [gradlint-tiny-learning-rate]
// CHECK: recurrent-layers.cpp:114:53: note: probe: inconclusive (confirmed in 1 of 10 seeds): over 20 Adam steps{{.*}}holds in 10 of 10 seeds; the fix removes it in 10 of 10 {{.*}}
// CHECK: recurrent-layers.cpp:126:53: warning: learning rate 1e-10 {{.*}} [gradlint-tiny-learning-rate]
// CHECK: recurrent-layers.cpp:126:53: note: probe: inconclusive (confirmed in 1 of 10 seeds): over 20 Adam steps{{.*}}holds in 10 of 10 seeds; the fix removes it in 10 of 10 {{.*}}
// CHECK: recurrent-layers.cpp:139:53: warning: learning rate 1e-10 {{.*}} [gradlint-tiny-learning-rate]
// CHECK: recurrent-layers.cpp:139:53: note: probe: confirmed in 8 of 10 seeds: over 20 Adam steps, the median relative weight update per step is 6e-11{{.*}}
// CHECK: recurrent-layers.cpp:151:53: warning: learning rate 1e-10 {{.*}} [gradlint-tiny-learning-rate]
// CHECK: recurrent-layers.cpp:151:53: note: probe: inconclusive (confirmed in 0 of 10 seeds): over 20 Adam steps{{.*}}holds in 10 of 10 seeds; the fix removes it in 10 of 10 {{.*}}
// CHECK: recurrent-layers.cpp:163:53: warning: learning rate 1e-10 {{.*}} [gradlint-tiny-learning-rate]
// CHECK: recurrent-layers.cpp:163:53: note: probe: confirmed in 10 of 10 seeds: over 20 Adam steps, the median relative weight update per step is 2.8e-10{{.*}}
