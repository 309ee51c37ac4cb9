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

/// torch::nn::RNN, LSTM or GRU applied to the probe's flat [N, L * F]
/// layout, batch first, handing on what the IR layer reads: the whole
/// output sequence, its last step, h_n (one row per sample) or h_n[-1].
struct RecurrentTwinImpl : torch::nn::Module {
  RecurrentTwinImpl(const ir::Layer &X, int64_t In)
      : Kind(X.Kind), In(In), Last(X.LastStep), Final(X.FinalHidden) {
    namespace nn = torch::nn;
    int64_t Hidden = *X.Out, Layers = X.NumLayers.value_or(1);
    bool Bias = X.Bias.value_or(true), Bi = X.Bidirectional.value_or(false);
    double P = Layers > 1 ? X.P.value_or(0.0) : 0.0;
    if (Kind == LayerKind::LSTM)
      Lstm = register_module("lstm", nn::LSTM(nn::LSTMOptions(In, Hidden)
                                                  .num_layers(Layers)
                                                  .bias(Bias)
                                                  .batch_first(true)
                                                  .bidirectional(Bi)
                                                  .dropout(P)));
    else if (Kind == LayerKind::GRU)
      Gru = register_module("gru", nn::GRU(nn::GRUOptions(In, Hidden)
                                               .num_layers(Layers)
                                               .bias(Bias)
                                               .batch_first(true)
                                               .bidirectional(Bi)
                                               .dropout(P)));
    else {
      nn::RNNOptions O(In, Hidden);
      O.num_layers(Layers).bias(Bias).batch_first(true).bidirectional(Bi).dropout(P);
      if (X.Nonlinearity == ActivationKind::ReLU)
        O.nonlinearity(torch::kReLU);
      Rnn = register_module("rnn", nn::RNN(O));
    }
  }
  torch::Tensor forward(torch::Tensor X) {
    X = X.reshape({X.size(0), -1, In});
    torch::Tensor Out, Hn;
    if (Kind == LayerKind::LSTM) {
      auto R = Lstm->forward(X);
      Out = std::get<0>(R);
      Hn = std::get<0>(std::get<1>(R));
    } else {
      auto R = Kind == LayerKind::GRU ? Gru->forward(X) : Rnn->forward(X);
      Out = std::get<0>(R);
      Hn = std::get<1>(R);
    }
    if (Final)
      // h_n is [layers * directions, N, H]: one row per sample for the probe.
      return Last ? Hn[-1] : Hn.permute({1, 0, 2}).reshape({X.size(0), -1});
    return Last ? Out.select(1, -1) : Out;
  }
  LayerKind Kind;
  int64_t In;
  bool Last, Final;
  torch::nn::LSTM Lstm{nullptr};
  torch::nn::GRU Gru{nullptr};
  torch::nn::RNN Rnn{nullptr};
};
TORCH_MODULE(RecurrentTwin);

/// torch::nn::Linear on every position of [N, P * In] (torch maps the last
/// dimension of [N, P, In]), flattened back to [N, P * Out].
struct PositionwiseLinearTwinImpl : torch::nn::Module {
  PositionwiseLinearTwinImpl(int64_t In, int64_t Out, bool Bias)
      : In(In), Fc(register_module(
                    "fc", torch::nn::Linear(torch::nn::LinearOptions(In, Out).bias(Bias)))) {}
  torch::Tensor forward(torch::Tensor X) {
    return Fc->forward(X.reshape({X.size(0), -1, In})).reshape({X.size(0), -1});
  }
  int64_t In;
  torch::nn::Linear Fc;
};
TORCH_MODULE(PositionwiseLinearTwin);

/// `x.mean(1)` of [N, L, F] given as [N, L * F] (or [N, L, F]).
struct StepMeanTwinImpl : torch::nn::Module {
  explicit StepMeanTwinImpl(int64_t Steps) : Steps(Steps) {}
  torch::Tensor forward(torch::Tensor X) {
    return X.reshape({X.size(0), Steps, -1}).mean(1);
  }
  int64_t Steps;
};
TORCH_MODULE(StepMeanTwin);

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
      if (E.In.Dims != 0 && X.In && *X.In == E.In.W && E.In.size() != E.In.W) {
        S->push_back(PositionwiseLinearTwin(*X.In, *X.Out, X.Bias.value_or(true)));
        break;
      }
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
      if (X.MeanOverSteps) {
        S->push_back(StepMeanTwin(E.In.C));
        break;
      }
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
    case LayerKind::RNN:
    case LayerKind::LSTM:
    case LayerKind::GRU:
      S->push_back(RecurrentTwin(X, E.In.W));
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
                .output_padding(X.OutputPadding.value_or(0))
                .dilation(X.Dilation.value_or(1))
                .bias(X.Bias.value_or(true))));
      else
        S->push_back(nn::ConvTranspose2d(
            nn::ConvTranspose2dOptions(E.In.C, E.Out.C, *X.Kernel)
                .stride(X.Stride.value_or(1))
                .padding(X.Padding.value_or(0))
                .output_padding(X.OutputPadding.value_or(0))
                .dilation(X.Dilation.value_or(1))
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
  // layer order (recurrent: w_ih, w_hh, b_ih, b_hh per layer and
  // direction), in torch's
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
