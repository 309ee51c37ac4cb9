//===- test/unit/torch/torch_twin.h - LibTorch twins of probe networks -*- C++ -*-===//
//
// Shared by the differential tests and the truth suite: a LibTorch
// Sequential built layer by layer like a lowered probe network, holding its
// initial parameters, and conversions between Eigen and torch tensors.
//
//===----------------------------------------------------------------------===//

#ifndef GRADLINT_TEST_UNIT_TORCH_TORCH_TWIN_H
#define GRADLINT_TEST_UNIT_TORCH_TORCH_TWIN_H

#include "runtime/Network.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <cstring>

namespace gradlint::probe::twin_detail {

using ir::ActivationKind;
using ir::LayerKind;

inline torch::Tensor toTorch(const Mat &M) {
  return torch::from_blob(const_cast<float *>(M.data()), {M.rows(), M.cols()},
                          torch::kFloat)
      .clone();
}

inline Mat fromTorch(const torch::Tensor &T) {
  torch::Tensor C = T.contiguous().to(torch::kFloat);
  int64_t Rows = C.dim() == 0 ? 1 : C.size(0);
  Mat M(Rows, C.numel() / Rows);
  std::memcpy(M.data(), C.data_ptr<float>(), sizeof(float) * size_t(C.numel()));
  return M;
}

inline torch::nn::AnyModule activation(const ir::Layer &X) {
  namespace nn = torch::nn;
  switch (X.Act) {
  case ActivationKind::Sigmoid: return nn::AnyModule(nn::Sigmoid());
  case ActivationKind::Tanh: return nn::AnyModule(nn::Tanh());
  case ActivationKind::ReLU: return nn::AnyModule(nn::ReLU());
  case ActivationKind::LeakyReLU: return nn::AnyModule(nn::LeakyReLU());
  case ActivationKind::ELU: return nn::AnyModule(nn::ELU());
  case ActivationKind::GELU: return nn::AnyModule(nn::GELU());
  case ActivationKind::SiLU: return nn::AnyModule(nn::SiLU());
  case ActivationKind::Softplus: return nn::AnyModule(nn::Softplus());
  case ActivationKind::Softmax: return nn::AnyModule(nn::Softmax(1));
  case ActivationKind::LogSoftmax: return nn::AnyModule(nn::LogSoftmax(1));
  case ActivationKind::Hardtanh: return nn::AnyModule(nn::Hardtanh());
  case ActivationKind::ReLU6: return nn::AnyModule(nn::ReLU6());
  case ActivationKind::Identity:
  case ActivationKind::Unknown: return nn::AnyModule(nn::Identity());
  }
  return nn::AnyModule(nn::Identity());
}

/// torch::nn::LSTM or GRU applied to the probe's flat [N, L * F] layout,
/// batch first, keeping the whole output sequence or its last step.
struct RecurrentTwinImpl : torch::nn::Module {
  RecurrentTwinImpl(bool IsLSTM, int64_t In, int64_t Hidden, int64_t Layers,
                    bool Bias, bool Last)
      : IsLSTM(IsLSTM), In(In), Last(Last) {
    namespace nn = torch::nn;
    if (IsLSTM)
      Lstm = register_module("lstm", nn::LSTM(nn::LSTMOptions(In, Hidden)
                                                  .num_layers(Layers)
                                                  .bias(Bias)
                                                  .batch_first(true)));
    else
      Gru = register_module("gru", nn::GRU(nn::GRUOptions(In, Hidden)
                                               .num_layers(Layers)
                                               .bias(Bias)
                                               .batch_first(true)));
  }
  torch::Tensor forward(torch::Tensor X) {
    X = X.reshape({X.size(0), -1, In});
    torch::Tensor Out = IsLSTM ? std::get<0>(Lstm->forward(X))
                               : std::get<0>(Gru->forward(X));
    return Last ? Out.select(1, -1) : Out;
  }
  bool IsLSTM;
  int64_t In;
  bool Last;
  torch::nn::LSTM Lstm{nullptr};
  torch::nn::GRU Gru{nullptr};
};
TORCH_MODULE(RecurrentTwin);

/// torch::nn::Embedding on the probe's float token ids.
struct EmbeddingTwinImpl : torch::nn::Module {
  EmbeddingTwinImpl(int64_t Vocab, int64_t Dim)
      : Emb(register_module("emb", torch::nn::Embedding(Vocab, Dim))) {}
  torch::Tensor forward(torch::Tensor X) {
    return Emb->forward(X.reshape({X.size(0), -1}).to(torch::kLong));
  }
  torch::nn::Embedding Emb;
};
TORCH_MODULE(EmbeddingTwin);

/// The LibTorch twin of a lowered network; parameters copied from it.
inline torch::nn::Sequential twin(const std::vector<ir::Layer> &Chain, Network &Net) {
  namespace nn = torch::nn;
  nn::Sequential S;
  EXPECT_EQ(Chain.size(), Net.Layers.size());
  for (size_t I = 0; I < Chain.size(); ++I) {
    const ir::Layer &X = Chain[I];
    const Network::Entry &E = Net.Layers[I];
    switch (X.Kind) {
    case LayerKind::Linear:
      S->push_back(nn::Linear(
          nn::LinearOptions(E.In.size(), E.Out.size()).bias(X.Bias.value_or(true))));
      break;
    case LayerKind::Conv1d:
      S->push_back(nn::Conv1d(nn::Conv1dOptions(E.In.C, E.Out.C, *X.Kernel)
                                  .stride(X.Stride.value_or(1))
                                  .padding(X.Padding.value_or(0))
                                  .bias(X.Bias.value_or(true))));
      break;
    case LayerKind::Conv2d:
      S->push_back(nn::Conv2d(nn::Conv2dOptions(E.In.C, E.Out.C, *X.Kernel)
                                  .stride(X.Stride.value_or(1))
                                  .padding(X.Padding.value_or(0))
                                  .bias(X.Bias.value_or(true))));
      break;
    case LayerKind::MaxPool: {
      int64_t K = *X.Kernel, St = X.Stride.value_or(K), P = X.Padding.value_or(0);
      if (E.In.Dims == 1)
        S->push_back(nn::MaxPool1d(nn::MaxPool1dOptions(K).stride(St).padding(P)));
      else
        S->push_back(nn::MaxPool2d(nn::MaxPool2dOptions(K).stride(St).padding(P)));
      break;
    }
    case LayerKind::AvgPool: {
      int64_t K = *X.Kernel, St = X.Stride.value_or(K), P = X.Padding.value_or(0);
      if (E.In.Dims == 1)
        S->push_back(nn::AvgPool1d(nn::AvgPool1dOptions(K).stride(St).padding(P)));
      else
        S->push_back(nn::AvgPool2d(nn::AvgPool2dOptions(K).stride(St).padding(P)));
      break;
    }
    case LayerKind::Flatten:
      S->push_back(nn::Flatten());
      break;
    case LayerKind::BatchNorm1d:
      S->push_back(nn::BatchNorm1d(E.In.C));
      break;
    case LayerKind::BatchNorm2d:
      S->push_back(nn::BatchNorm2d(E.In.C));
      break;
    case LayerKind::LayerNorm:
      S->push_back(nn::LayerNorm(nn::LayerNormOptions({E.In.size()})));
      break;
    case LayerKind::Dropout:
      S->push_back(nn::Dropout(X.P.value_or(0.5)));
      break;
    case LayerKind::Activation:
      S->push_back(activation(X));
      break;
    case LayerKind::LSTM:
    case LayerKind::GRU:
      S->push_back(RecurrentTwin(X.Kind == LayerKind::LSTM, E.In.W, *X.Out,
                                 X.NumLayers.value_or(1), X.Bias.value_or(true),
                                 X.LastStep));
      break;
    case LayerKind::Embedding:
      S->push_back(EmbeddingTwin(*X.In, *X.Out));
      break;
    case LayerKind::ConvTranspose:
      if (E.In.Dims == 1)
        S->push_back(nn::ConvTranspose1d(
            nn::ConvTranspose1dOptions(E.In.C, E.Out.C, *X.Kernel)
                .stride(X.Stride.value_or(1))
                .padding(X.Padding.value_or(0))
                .bias(X.Bias.value_or(true))));
      else
        S->push_back(nn::ConvTranspose2d(
            nn::ConvTranspose2dOptions(E.In.C, E.Out.C, *X.Kernel)
                .stride(X.Stride.value_or(1))
                .padding(X.Padding.value_or(0))
                .bias(X.Bias.value_or(true))));
      break;
    case LayerKind::GroupNorm:
      S->push_back(nn::GroupNorm(*X.Groups, E.In.C));
      break;
    case LayerKind::Residual: // forwardTwin adds the skip
      S->push_back(nn::Identity());
      break;
    case LayerKind::AdaptivePool: {
      int64_t O = *X.OutputSize;
      if (E.In.Dims == 1 && X.AdaptiveMax)
        S->push_back(nn::AdaptiveMaxPool1d(O));
      else if (E.In.Dims == 1)
        S->push_back(nn::AdaptiveAvgPool1d(O));
      else if (X.AdaptiveMax)
        S->push_back(nn::AdaptiveMaxPool2d(nn::AdaptiveMaxPool2dOptions({O, O})));
      else
        S->push_back(nn::AdaptiveAvgPool2d(nn::AdaptiveAvgPool2dOptions({O, O})));
      break;
    }
    default:
      ADD_FAILURE() << "no twin for " << ir::name(X.Kind);
    }
  }
  // Copy the probe's initial parameters: both list weight, then bias, in
  // layer order (recurrent: w_ih, w_hh, b_ih, b_hh per layer), in torch's
  // memory order.
  std::vector<Param *> PP = Net.params();
  std::vector<torch::Tensor> TP = S->parameters();
  EXPECT_EQ(PP.size(), TP.size());
  torch::NoGradGuard G;
  for (size_t I = 0; I < std::min(PP.size(), TP.size()); ++I) {
    EXPECT_EQ(PP[I]->Value.size(), TP[I].numel()) << PP[I]->Name;
    TP[I].copy_(toTorch(PP[I]->Value).reshape(TP[I].sizes()));
  }
  return S;
}

/// The twin's forward pass, with the network's residual joins (a
/// Sequential has no skips): a join adds the input of layer SkipFrom.
inline torch::Tensor forwardTwin(torch::nn::Sequential &S, const Network &Net,
                                 const torch::Tensor &X) {
  std::vector<torch::Tensor> Acts{X};
  for (size_t I = 0; I < Net.Layers.size(); ++I) {
    torch::Tensor H = (S->begin() + std::ptrdiff_t(I))->forward(Acts.back());
    if (Net.Layers[I].SkipFrom >= 0)
      H = H + Acts[size_t(Net.Layers[I].SkipFrom)].reshape(H.sizes());
    Acts.push_back(H);
  }
  return Acts.back();
}

inline torch::Tensor shaped(const Mat &X, const Shape &In) {
  torch::Tensor T = toTorch(X);
  if (In.Dims == 1)
    return T.reshape({X.rows(), In.C, In.W});
  if (In.Dims == 2)
    return T.reshape({X.rows(), In.C, In.H, In.W});
  return T;
}

} // namespace gradlint::probe::twin_detail

namespace gradlint::probe {
using twin_detail::forwardTwin;
using twin_detail::fromTorch;
using twin_detail::shaped;
using twin_detail::toTorch;
using twin_detail::twin;
} // namespace gradlint::probe

#endif // GRADLINT_TEST_UNIT_TORCH_TORCH_TWIN_H
