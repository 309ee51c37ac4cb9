// RUN: %gradlint --dump-model %s -- -std=c++17 -I%api | FileCheck %s
// What forward() reads of a recurrent layer, and the options the probe
// needs: a relu RNN's h_n (std::get<1>), a bidirectional LSTM with dropout
// between its layers read at h_n[-1] (std::get<0> of std::get<1>), a
// sequence-first GRU's last step out[-1], an LSTM's cell state (unknown),
// and the mean over a batch-first sequence's steps.
#include <torch/torch.h>

struct RnnNet : torch::nn::Module {
  RnnNet() {
    rnn = register_module("rnn", torch::nn::RNN(torch::nn::RNNOptions(3, 12)
                                                    .nonlinearity(torch::kReLU)
                                                    .batch_first(true)));
    fc = register_module("fc", torch::nn::Linear(12, 1));
  }
  torch::Tensor forward(torch::Tensor x) {
    return fc->forward(std::get<1>(rnn->forward(x)).squeeze(0));
  }
  torch::nn::RNN rnn{nullptr};
  torch::nn::Linear fc{nullptr};
};

struct BiNet : torch::nn::Module {
  BiNet() {
    lstm = register_module("lstm", torch::nn::LSTM(torch::nn::LSTMOptions(3, 8)
                                                       .num_layers(2)
                                                       .dropout(0.2)
                                                       .bidirectional(true)));
    fc = register_module("fc", torch::nn::Linear(8, 1));
  }
  torch::Tensor forward(torch::Tensor x) {
    auto h = std::get<0>(std::get<1>(lstm->forward(x)));
    return fc->forward(h[-1]);
  }
  torch::nn::LSTM lstm{nullptr};
  torch::nn::Linear fc{nullptr};
};

struct GruNet : torch::nn::Module {
  GruNet() {
    gru = register_module("gru", torch::nn::GRU(3, 6));
    fc = register_module("fc", torch::nn::Linear(6, 1));
  }
  torch::Tensor forward(torch::Tensor x) {
    auto out = std::get<0>(gru->forward(x));
    return fc->forward(out[-1]);
  }
  torch::nn::GRU gru{nullptr};
  torch::nn::Linear fc{nullptr};
};

struct CellNet : torch::nn::Module {
  CellNet() {
    lstm = register_module("lstm", torch::nn::LSTM(3, 8));
    fc = register_module("fc", torch::nn::Linear(8, 1));
  }
  torch::Tensor forward(torch::Tensor x) {
    auto c = std::get<1>(std::get<1>(lstm->forward(x)));
    return fc->forward(c.squeeze(0));
  }
  torch::nn::LSTM lstm{nullptr};
  torch::nn::Linear fc{nullptr};
};

struct BagNet : torch::nn::Module {
  BagNet() {
    emb = register_module("emb", torch::nn::Embedding(50, 8));
    fc = register_module("fc", torch::nn::Linear(8, 3));
  }
  torch::Tensor forward(torch::Tensor x) {
    return fc->forward(emb->forward(x).mean(1));
  }
  torch::nn::Embedding emb{nullptr};
  torch::nn::Linear fc{nullptr};
};

// CHECK:       "batch_first": true,
// CHECK:       "final_hidden": true,
// CHECK:       "kind": "rnn",
// CHECK-NOT:   "last_step"
// CHECK:       "name": "rnn",
// CHECK-NEXT:  "nonlinearity": "relu",
// CHECK-NEXT:  "num_layers": 1,
// CHECK-NOT:   "kind"
// CHECK:       "kind": "linear",
// CHECK:       "name": "RnnNet"
// h_n[-1] of a bidirectional stack with dropout 0.2 between its layers.
// CHECK:       "bidirectional": true,
// CHECK:       "final_hidden": true,
// CHECK:       "kind": "lstm",
// CHECK-NEXT:  "last_step": true,
// CHECK:       "num_layers": 2,
// CHECK-NEXT:  "out": 8,
// CHECK-NEXT:  "p": 0.2{{0*1?}},
// CHECK-NOT:   "kind"
// CHECK:       "kind": "linear",
// CHECK:       "name": "BiNet"
// out[-1] of a sequence-first GRU: its last step.
// CHECK:       "batch_first": false,
// CHECK-NOT:   "final_hidden"
// CHECK:       "kind": "gru",
// CHECK-NEXT:  "last_step": true,
// CHECK-NOT:   "kind"
// CHECK:       "kind": "linear",
// CHECK:       "name": "GruNet"
// An LSTM's cell state c_n: an unknown step after the layer.
// CHECK:       "final_hidden": true,
// CHECK:       "kind": "lstm",
// CHECK-NOT:   "kind"
// CHECK:       "kind": "unknown",
// CHECK-NOT:   "kind"
// CHECK:       "kind": "linear",
// CHECK:       "name": "CellNet"
// A bag of embeddings: the mean over the steps.
// CHECK:       "kind": "embedding",
// CHECK-NOT:   "kind"
// CHECK:       "kind": "avg_pool",
// CHECK:       "mean_over_steps": true,
// CHECK-NOT:   "kind"
// CHECK:       "kind": "linear",
// CHECK:       "name": "BagNet"
