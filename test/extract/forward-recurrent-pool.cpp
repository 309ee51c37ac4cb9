// RUN: %gradlint --dump-model %s -- -std=c++17 -I%api | FileCheck %s
// Sequence and pooling steps: an embedding, a 2-layer batch-first LSTM
// read through std::get<0> and its last step (select(1, -1)), a GRU with
// default options (sequence first: select(0, -1)), functional pooling with
// literal kernels, a residual join over one step and adaptive pooling to a
// stated size.
#include <torch/torch.h>

struct SeqNet : torch::nn::Module {
  SeqNet() {
    emb = register_module("emb", torch::nn::Embedding(100, 16));
    lstm = register_module("lstm", torch::nn::LSTM(torch::nn::LSTMOptions(16, 32)
                                                       .num_layers(2)
                                                       .batch_first(true)));
    fc = register_module("fc", torch::nn::Linear(32, 2));
  }
  torch::Tensor forward(torch::Tensor x) {
    x = emb->forward(x);
    auto out = std::get<0>(lstm->forward(x));
    return fc->forward(out.select(1, -1));
  }
  torch::nn::Embedding emb{nullptr};
  torch::nn::LSTM lstm{nullptr};
  torch::nn::Linear fc{nullptr};
};

struct GruNet : torch::nn::Module {
  GruNet() {
    gru = register_module("gru", torch::nn::GRU(8, 12));
    fc = register_module("fc", torch::nn::Linear(12, 1));
  }
  torch::Tensor forward(torch::Tensor x) {
    x = std::get<0>(gru->forward(x));
    return fc->forward(x.select(0, -1));
  }
  torch::nn::GRU gru{nullptr};
  torch::nn::Linear fc{nullptr};
};

struct PoolNet : torch::nn::Module {
  PoolNet() {
    conv = register_module("conv", torch::nn::Conv2d(1, 4, 3));
    pool = register_module("pool", torch::nn::AdaptiveMaxPool2d(2));
    fc = register_module("fc", torch::nn::Linear(16, 10));
  }
  torch::Tensor forward(torch::Tensor x) {
    x = torch::max_pool2d(conv->forward(x), 2);
    x = torch::avg_pool2d(x, {3, 3}, {1, 1}, 1);
    x = x + torch::relu(x);
    x = pool->forward(x);
    x = torch::adaptive_avg_pool2d(x, {2, 2});
    return fc->forward(x.flatten(1));
  }
  torch::nn::Conv2d conv{nullptr};
  torch::nn::AdaptiveMaxPool2d pool{nullptr};
  torch::nn::Linear fc{nullptr};
};

// The LSTM's options, and its last step taken without an unknown step.
// Recurrent, adaptive and residual fields are written only when set.
// CHECK:       "chain": [
// CHECK:       "in": 100,
// CHECK:       "kind": "embedding",
// CHECK:       "name": "emb",
// CHECK-NEXT:  "out": 16,
// CHECK:       "batch_first": true,
// CHECK-NEXT:  "bias": true,
// CHECK-NEXT:  "bidirectional": false,
// CHECK:       "in": 16,
// CHECK:       "kind": "lstm",
// CHECK-NEXT:  "last_step": true,
// CHECK:       "name": "lstm",
// CHECK-NEXT:  "num_layers": 2,
// CHECK-NEXT:  "out": 32,
// CHECK-NEXT:  "p": 0,
// CHECK-NOT:   "kind"
// CHECK:       "kind": "linear",
// CHECK:       "name": "SeqNet"
// A GRU with LibTorch's defaults, sequence first.
// CHECK:       "batch_first": false,
// CHECK:       "kind": "gru",
// CHECK-NEXT:  "last_step": true,
// CHECK:       "num_layers": 1,
// CHECK-NEXT:  "out": 12,
// CHECK-NOT:   "kind"
// CHECK:       "kind": "linear",
// CHECK:       "name": "GruNet"
// Functional pools with their literal kernel, stride and padding.
// CHECK:       "kind": "conv2d",
// CHECK-NOT:   "kind"
// CHECK:       "kernel": 2,
// CHECK-NEXT:  "kind": "max_pool",
// CHECK:       "padding": 0,
// CHECK-NEXT:  "stride": 2,
// CHECK-NOT:   "kind"
// CHECK:       "kernel": 3,
// CHECK-NEXT:  "kind": "avg_pool",
// CHECK:       "padding": 1,
// CHECK-NEXT:  "stride": 1,
// CHECK-NOT:   "kind"
// CHECK:       "kind": "activation",
// CHECK-NOT:   "kind"
// CHECK:       "kind": "residual",
// CHECK:       "span": 1,
// CHECK-NOT:   "kind"
// CHECK:       "adaptive_max": true,
// CHECK:       "kind": "adaptive_pool",
// CHECK:       "name": "pool",
// CHECK:       "output_size": 2,
// CHECK-NOT:   "kind"
// CHECK:       "kind": "adaptive_pool",
// CHECK-NOT:   "adaptive_max"
// CHECK:       "output_size": 2,
// CHECK-NOT:   "kind"
// CHECK:       "kind": "flatten",
// CHECK-NOT:   "kind"
// CHECK:       "kind": "linear",
// CHECK:       "name": "PoolNet"
