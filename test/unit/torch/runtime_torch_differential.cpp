//===- test/unit/torch/runtime_torch_differential.cpp - Probe vs LibTorch -===//
//
// The same network, weights and data in LibTorch and in the probe must give
// the same forward output, loss, gradients, and parameters after 10 steps
// of each optimizer, within float tolerance. The networks are lowered from
// IR by the probe's own Lowering; the LibTorch twin is built from the same
// layers and receives the probe's initial weights.
//
//===----------------------------------------------------------------------===//

#include "runtime/Lowering.h"
#include "runtime/Network.h"
#include "runtime/losses/Loss.h"
#include "runtime/optimizers/Optimizer.h"
#include "torch_twin.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <random>

using namespace gradlint;
using namespace gradlint::probe;
using ir::ActivationKind;
using ir::LayerKind;

namespace {

ir::Layer L(LayerKind K, std::optional<int64_t> In = {}, std::optional<int64_t> Out = {},
            std::optional<int64_t> Kernel = {}, std::optional<int64_t> Stride = {},
            std::optional<int64_t> Padding = {}) {
  ir::Layer X;
  X.Kind = K;
  X.In = In;
  X.Out = Out;
  X.Kernel = Kernel;
  X.Stride = Stride;
  X.Padding = Padding;
  return X;
}

ir::Layer A(ActivationKind K) {
  ir::Layer X;
  X.Kind = LayerKind::Activation;
  X.Act = K;
  return X;
}

/// Max |a - b| over (1e-4 + 1e-3 max|b|): <= 1 means equal within tolerance.
double mismatch(const Mat &Probe, const torch::Tensor &Ref, double Rel = 1e-3,
                double Abs = 1e-4) {
  Mat R = fromTorch(Ref);
  EXPECT_EQ(Probe.size(), R.size());
  if (Probe.size() != R.size())
    return 1e9;
  double Scale = Abs + Rel * double(R.cwiseAbs().maxCoeff());
  Eigen::Map<const Eigen::VectorXf> P(Probe.data(), Probe.size()), Q(R.data(), R.size());
  return double((P - Q).cwiseAbs().maxCoeff()) / Scale;
}

torch::Tensor torchLoss(ir::LossKind K, const torch::Tensor &Out, const Mat &T) {
  torch::Tensor Y = toTorch(T);
  switch (K) {
  case ir::LossKind::MSE: return torch::mse_loss(Out, Y);
  case ir::LossKind::L1: return torch::l1_loss(Out, Y);
  case ir::LossKind::SmoothL1: return torch::smooth_l1_loss(Out, Y);
  case ir::LossKind::Huber: return torch::huber_loss(Out, Y);
  case ir::LossKind::BCE: return torch::binary_cross_entropy(Out, Y);
  case ir::LossKind::BCEWithLogits: return torch::binary_cross_entropy_with_logits(Out, Y);
  case ir::LossKind::CrossEntropy:
    return torch::nn::functional::cross_entropy(Out, Y.reshape({-1}).to(torch::kLong));
  case ir::LossKind::NLL:
    return torch::nll_loss(Out, Y.reshape({-1}).to(torch::kLong));
  default:
    ADD_FAILURE() << "no twin loss";
    return Out.sum();
  }
}

Mat randomMat(int64_t R, int64_t C, std::mt19937 &Rng, double Lo = -1, double Hi = 1) {
  std::uniform_real_distribution<double> U(Lo, Hi);
  Mat M(R, C);
  for (int64_t I = 0; I < M.size(); ++I)
    M.data()[I] = float(U(Rng));
  return M;
}

Mat targetsFor(ir::LossKind K, int64_t N, int64_t Outs, std::mt19937 &Rng) {
  if (K == ir::LossKind::CrossEntropy || K == ir::LossKind::NLL) {
    std::uniform_int_distribution<int> C(0, int(Outs) - 1);
    Mat T(N, 1);
    for (int64_t I = 0; I < N; ++I)
      T(I, 0) = float(C(Rng));
    return T;
  }
  if (K == ir::LossKind::BCE || K == ir::LossKind::BCEWithLogits)
    return randomMat(N, Outs, Rng, 0, 1);
  return randomMat(N, Outs, Rng, -2, 2);
}

struct Case {
  std::string Name;
  std::vector<ir::Layer> Chain;
  ir::LossKind Loss = ir::LossKind::MSE;
  std::optional<int64_t> Features; ///< for convolutional and sequence inputs
  /// Token ids in [0, Vocab) instead of real inputs (an embedding first).
  std::optional<int64_t> Vocab;
};

ir::Layer recurrent(LayerKind K, int64_t In, int64_t Hidden, int64_t Layers,
                    bool Last) {
  ir::Layer X = L(K, In, Hidden);
  X.NumLayers = Layers;
  X.BatchFirst = true;
  X.LastStep = Last;
  return X;
}

/// Forward, loss, gradients, then \p Steps optimizer steps (zero_grad,
/// forward, loss, backward, step) and an eval-mode forward, all compared.
void compare(const Case &C, const OptimizerConfig &OC, int Steps = 10,
             int64_t Batch = 16) {
  SCOPED_TRACE(C.Name);
  std::mt19937 Rng(42);
  ir::Model M;
  M.Name = C.Name;
  M.ChainKnown = true;
  M.Chain = C.Chain;
  auto NetOr = lower(M, C.Features, {}, Rng);
  ASSERT_TRUE(NetOr.isOk()) << NetOr.status().message();
  Network &Net = **NetOr;
  torch::nn::Sequential T = twin(C.Chain, Net);
  Mat X = randomMat(Batch, Net.inputShape().size(), Rng, -2, 2);
  if (C.Vocab)
    X = randomMat(Batch, Net.inputShape().size(), Rng, 0, double(*C.Vocab))
            .array()
            .floor()
            .matrix();
  Mat Y = targetsFor(C.Loss, Batch, Net.outputShape().size(), Rng);
  torch::Tensor TX = shaped(X, Net.inputShape());
  auto Loss = makeLoss(C.Loss);
  auto Opt = makeOptimizer(OC);
  std::vector<Param *> PP = Net.params();
  std::vector<torch::Tensor> TP = T->parameters();

  std::unique_ptr<torch::optim::Optimizer> TO;
  switch (OC.Kind) {
  case ir::OptimizerKind::SGD:
    TO = std::make_unique<torch::optim::SGD>(
        TP, torch::optim::SGDOptions(OC.LR).momentum(OC.Momentum).nesterov(OC.Nesterov)
                .weight_decay(OC.WeightDecay));
    break;
  case ir::OptimizerKind::Adam:
    TO = std::make_unique<torch::optim::Adam>(
        TP, torch::optim::AdamOptions(OC.LR).weight_decay(OC.WeightDecay));
    break;
  case ir::OptimizerKind::AdamW:
    TO = std::make_unique<torch::optim::AdamW>(
        TP, torch::optim::AdamWOptions(OC.LR).weight_decay(OC.WeightDecay));
    break;
  case ir::OptimizerKind::RMSprop:
    TO = std::make_unique<torch::optim::RMSprop>(
        TP, torch::optim::RMSpropOptions(OC.LR).momentum(OC.Momentum)
                .weight_decay(OC.WeightDecay));
    break;
  case ir::OptimizerKind::Adagrad:
    TO = std::make_unique<torch::optim::Adagrad>(
        TP, torch::optim::AdagradOptions(OC.LR).weight_decay(OC.WeightDecay));
    break;
  default:
    FAIL();
  }

  for (int S = 0; S <= Steps; ++S) {
    Net.zeroGrad();
    TO->zero_grad();
    const Mat &Out = Net.forward(X, true, Rng);
    torch::Tensor TOut = forwardTwin(T, Net, TX).reshape({Batch, -1});
    double PL = Loss->forward(Out, Y);
    torch::Tensor TL = torchLoss(C.Loss, TOut, Y);
    Mat D;
    Loss->backward(D);
    Net.backward(D);
    TL.backward();
    if (S == 0 || S == Steps) {
      SCOPED_TRACE("step " + std::to_string(S));
      EXPECT_LE(mismatch(Out, TOut.detach()), 1.0)
          << "forward output; probe " << Out.row(0) << " torch " << TOut[0];
      EXPECT_NEAR(PL, TL.item<double>(), 1e-4 + 1e-3 * std::abs(TL.item<double>()))
          << "loss";
      for (size_t I = 0; I < PP.size(); ++I)
        EXPECT_LE(mismatch(PP[I]->Grad, TP[I].grad()), 1.0) << "gradient of " << PP[I]->Name;
    }
    if (S == Steps)
      break;
    Opt->step(PP);
    TO->step();
  }
  for (size_t I = 0; I < PP.size(); ++I)
    EXPECT_LE(mismatch(PP[I]->Value, TP[I].detach(), 1e-3, 2e-4), 1.0)
        << "parameter " << PP[I]->Name << " after " << Steps << " steps";
  // Eval mode: running statistics of batch norm, dropout off.
  T->eval();
  const Mat &Out = Net.forward(X, false, Rng);
  torch::Tensor TOut = forwardTwin(T, Net, TX).reshape({Batch, -1});
  EXPECT_LE(mismatch(Out, TOut.detach()), 1.0) << "eval-mode forward";
}

OptimizerConfig sgd(double LR, double Mom = 0, bool Nesterov = false, double Wd = 0) {
  OptimizerConfig C;
  C.Kind = ir::OptimizerKind::SGD;
  C.LR = LR;
  C.Momentum = Mom;
  C.Nesterov = Nesterov;
  C.WeightDecay = Wd;
  return C;
}

OptimizerConfig other(ir::OptimizerKind K) {
  ir::Optimizer O;
  O.Kind = K;
  StatusOr<OptimizerConfig> C = configFor(O); // LibTorch's defaults
  EXPECT_TRUE(C.isOk());
  return *C;
}

Case mlp(ActivationKind K) {
  return {std::string(ir::name(K)),
          {L(LayerKind::Linear, 6, 8), A(K), L(LayerKind::Linear, 8, 3)}};
}

} // namespace

TEST(RuntimeTorch, EveryActivation) {
  for (ActivationKind K :
       {ActivationKind::Sigmoid, ActivationKind::Tanh, ActivationKind::ReLU,
        ActivationKind::LeakyReLU, ActivationKind::ELU, ActivationKind::GELU,
        ActivationKind::SiLU, ActivationKind::Softplus, ActivationKind::Softmax,
        ActivationKind::LogSoftmax, ActivationKind::Hardtanh, ActivationKind::ReLU6,
        ActivationKind::Identity})
    compare(mlp(K), sgd(0.02)); // log_softmax into mse diverges at 0.1 (in both)
}

TEST(RuntimeTorch, EveryLoss) {
  auto Head = [](ActivationKind K) {
    return std::vector<ir::Layer>{L(LayerKind::Linear, 6, 8), A(ActivationKind::Tanh),
                                  L(LayerKind::Linear, 8, 4), A(K)};
  };
  compare({"mse", Head(ActivationKind::Identity), ir::LossKind::MSE}, sgd(0.1));
  compare({"l1", Head(ActivationKind::Identity), ir::LossKind::L1}, sgd(0.1));
  compare({"smooth_l1", Head(ActivationKind::Identity), ir::LossKind::SmoothL1}, sgd(0.1));
  compare({"huber", Head(ActivationKind::Identity), ir::LossKind::Huber}, sgd(0.1));
  compare({"bce", Head(ActivationKind::Sigmoid), ir::LossKind::BCE}, sgd(0.1));
  compare({"bce_with_logits", Head(ActivationKind::Identity), ir::LossKind::BCEWithLogits},
          sgd(0.1));
  compare({"cross_entropy", Head(ActivationKind::Identity), ir::LossKind::CrossEntropy},
          sgd(0.1));
  compare({"nll", Head(ActivationKind::LogSoftmax), ir::LossKind::NLL}, sgd(0.1));
}

TEST(RuntimeTorch, Conv2dPoolBatchNorm) {
  Case C{"conv2d",
         {L(LayerKind::Conv2d, 2, 4, 3, 1, 1), L(LayerKind::BatchNorm2d),
          A(ActivationKind::ReLU), L(LayerKind::MaxPool, {}, {}, 2),
          L(LayerKind::Conv2d, 4, 3, 3, 2, 1), A(ActivationKind::Tanh),
          L(LayerKind::AvgPool, {}, {}, 2), L(LayerKind::Flatten),
          L(LayerKind::Linear, 3, 2)},
         ir::LossKind::MSE,
         2 * 8 * 8};
  compare(C, sgd(0.05, 0.9));
  // Adam divides by the gradient's own size, so a bias right before a batch
  // norm (gradient zero up to rounding) moves by rounding noise: no bias.
  C.Chain[0].Bias = false;
  compare(C, other(ir::OptimizerKind::Adam));
}

TEST(RuntimeTorch, Conv1dPoolBatchNorm) {
  Case C{"conv1d",
         {L(LayerKind::Conv1d, 3, 4, 3, 1, 1), L(LayerKind::BatchNorm1d),
          A(ActivationKind::ReLU), L(LayerKind::MaxPool, {}, {}, 2),
          L(LayerKind::Conv1d, 4, 2, 2, 2), L(LayerKind::AvgPool, {}, {}, 2, 1),
          L(LayerKind::Flatten), L(LayerKind::Linear, {}, 3)},
         ir::LossKind::CrossEntropy,
         3 * 12};
  compare(C, sgd(0.05));
}

TEST(RuntimeTorch, SpatialSizeSolvedFromTheLinearLayer) {
  // No feature count given: the 2-d input side is solved from Linear(4*3*3).
  Case C{"conv2d-solved",
         {L(LayerKind::Conv2d, 1, 4, 3), A(ActivationKind::ReLU),
          L(LayerKind::MaxPool, {}, {}, 2), L(LayerKind::Flatten),
          L(LayerKind::Linear, 4 * 3 * 3, 2)}};
  compare(C, sgd(0.05));
}

TEST(RuntimeTorch, NormsAndDropout) {
  Case C{"norms",
         {L(LayerKind::Linear, 6, 8), L(LayerKind::BatchNorm1d, 8), A(ActivationKind::ReLU),
          L(LayerKind::Linear, 8, 8), L(LayerKind::LayerNorm, 8), A(ActivationKind::GELU),
          L(LayerKind::Dropout), L(LayerKind::Linear, 8, 2)}};
  C.Chain[6].P = 0.0; // dropout masks come from different generators
  C.Chain[0].Bias = false; // see Conv2dPoolBatchNorm
  compare(C, other(ir::OptimizerKind::Adam));
}

TEST(RuntimeTorch, EveryOptimizer) {
  Case C = mlp(ActivationKind::Tanh);
  compare(C, sgd(0.1));
  compare(C, sgd(0.1, 0.9));
  compare(C, sgd(0.1, 0.9, true));
  compare(C, sgd(0.1, 0.9, false, 0.01));
  compare(C, sgd(0.1, 0, false, 0.05));
  compare(C, other(ir::OptimizerKind::Adam));
  OptimizerConfig AdamWd = other(ir::OptimizerKind::Adam);
  AdamWd.WeightDecay = 0.1;
  compare(C, AdamWd);
  compare(C, other(ir::OptimizerKind::AdamW));
  compare(C, other(ir::OptimizerKind::RMSprop));
  OptimizerConfig RmsMom = other(ir::OptimizerKind::RMSprop);
  RmsMom.Momentum = 0.9;
  RmsMom.WeightDecay = 0.01;
  compare(C, RmsMom);
  compare(C, other(ir::OptimizerKind::Adagrad));
  OptimizerConfig AgWd = other(ir::OptimizerKind::Adagrad);
  AgWd.WeightDecay = 0.1;
  compare(C, AgWd);
}

TEST(RuntimeTorch, LSTMAndGRU) {
  for (LayerKind K : {LayerKind::LSTM, LayerKind::GRU}) {
    // One layer, the last step into a linear head; 4 steps of 3 features.
    Case One{std::string(ir::name(K)) + "-last",
             {recurrent(K, 3, 5, 1, true), L(LayerKind::Linear, 5, 2)},
             ir::LossKind::MSE,
             4 * 3};
    compare(One, sgd(0.1));
    compare(One, other(ir::OptimizerKind::Adam));
    // Two stacked layers, the whole sequence flattened into the head.
    Case Two{std::string(ir::name(K)) + "-2-layers-sequence",
             {recurrent(K, 3, 5, 2, false), L(LayerKind::Flatten),
              L(LayerKind::Linear, 4 * 5, 3)},
             ir::LossKind::CrossEntropy,
             4 * 3};
    compare(Two, sgd(0.1));
    Two.Chain[0].Bias = false;
    compare(Two, other(ir::OptimizerKind::Adam));
  }
}

TEST(RuntimeTorch, EmbeddingIntoRecurrent) {
  // Token ids [N, 6] from a vocabulary of 11, embedded in 4 dimensions.
  Case C{"embedding-lstm",
         {L(LayerKind::Embedding, 11, 4), recurrent(LayerKind::LSTM, 4, 6, 2, true),
          L(LayerKind::Linear, 6, 3)},
         ir::LossKind::CrossEntropy,
         6,
         11};
  compare(C, sgd(0.5));
  compare(C, other(ir::OptimizerKind::Adam));
  C = {"embedding-gru-sequence",
       {L(LayerKind::Embedding, 11, 4), recurrent(LayerKind::GRU, 4, 3, 1, false),
        L(LayerKind::Flatten), L(LayerKind::Linear, 6 * 3, 2)},
       ir::LossKind::MSE,
       6,
       11};
  compare(C, sgd(0.1));
}

TEST(RuntimeTorch, ResidualAndAdaptivePool) {
  ir::Layer Join = L(LayerKind::Residual);
  Join.Span = 2;
  ir::Layer Adaptive = L(LayerKind::AdaptivePool);
  Adaptive.OutputSize = 3;
  // conv -> [conv -> relu] + skip -> adaptive avg to 3 x 3 -> linear.
  Case C{"residual-adaptive",
         {L(LayerKind::Conv2d, 2, 4, 3, 1, 1), L(LayerKind::Conv2d, 4, 4, 3, 1, 1),
          A(ActivationKind::ReLU), Join, Adaptive, L(LayerKind::Flatten),
          L(LayerKind::Linear, 4 * 3 * 3, 2)},
         ir::LossKind::MSE,
         2 * 7 * 7};
  compare(C, sgd(0.05));
  ir::Layer Norm = L(LayerKind::GroupNorm, 4);
  Norm.Groups = 2;
  C.Chain.insert(C.Chain.begin() + 1, Norm); // conv -> group norm -> ...
  C.Chain[4].Span = 3;                        // the skip starts at the norm's input
  compare(C, sgd(0.05));
  C.Chain[5].AdaptiveMax = true;
  compare(C, other(ir::OptimizerKind::Adam));
  // 1-d: adaptive avg to 2 on a (C, L) signal; a skip over tanh and a linear.
  Adaptive.OutputSize = 2;
  Case D{"adaptive-1d",
         {L(LayerKind::Conv1d, 3, 4, 3), Adaptive, L(LayerKind::Flatten),
          L(LayerKind::Linear, 8, 8), A(ActivationKind::Tanh), L(LayerKind::Linear, 8, 8),
          Join, L(LayerKind::Linear, 8, 1)},
         ir::LossKind::MSE,
         3 * 9};
  compare(D, sgd(0.05));
}

TEST(RuntimeTorch, ConvTranspose) {
  // A decoder: conv down, transposed conv back up (stride 2, padding 1),
  // GroupNorm, then a linear head; and a 1-d one without bias.
  ir::Layer Norm = L(LayerKind::GroupNorm, 3);
  Norm.Groups = 3;
  Case C{"conv-transpose-2d",
         {L(LayerKind::Conv2d, 2, 4, 3, 2, 1), A(ActivationKind::ReLU),
          L(LayerKind::ConvTranspose, 4, 3, 3, 2, 1), Norm, A(ActivationKind::Tanh),
          L(LayerKind::Flatten), L(LayerKind::Linear, 3 * 7 * 7, 2)},
         ir::LossKind::MSE,
         2 * 8 * 8};
  compare(C, sgd(0.05));
  // Adam moves a bias right before a one-channel group norm (gradient zero
  // up to rounding) by rounding noise: no bias (see Conv2dPoolBatchNorm).
  C.Chain[2].Bias = false;
  compare(C, other(ir::OptimizerKind::Adam));
  Case D{"conv-transpose-1d",
         {L(LayerKind::Conv1d, 3, 3, 2), L(LayerKind::ConvTranspose, 3, 2, 4, 1, 0),
          A(ActivationKind::ReLU), L(LayerKind::Flatten), L(LayerKind::Linear, 2 * 7, 1)},
         ir::LossKind::MSE,
         3 * 5};
  D.Chain[1].Bias = false;
  compare(D, sgd(0.05));
}

TEST(RuntimeTorch, PlainRNNBidirectionalAndFinalHidden) {
  auto Rec = [](LayerKind K, int64_t In, int64_t Hidden, int64_t Layers) {
    ir::Layer X = recurrent(K, In, Hidden, Layers, false);
    X.Bidirectional = false;
    X.P = 0.0;
    if (K == LayerKind::RNN)
      X.Nonlinearity = ActivationKind::Tanh;
    return X;
  };
  // Plain RNN (tanh), the last step into a linear head; 4 steps of 3.
  Case C{"rnn-tanh-last", {Rec(LayerKind::RNN, 3, 5, 1), L(LayerKind::Linear, 5, 2)},
         ir::LossKind::MSE, 4 * 3};
  C.Chain[0].LastStep = true;
  compare(C, sgd(0.1));
  compare(C, other(ir::OptimizerKind::Adam));
  // relu, two layers, the whole sequence flattened.
  C = {"rnn-relu-2-layers-sequence",
       {Rec(LayerKind::RNN, 3, 5, 2), L(LayerKind::Flatten),
        L(LayerKind::Linear, 4 * 5, 3)},
       ir::LossKind::CrossEntropy, 4 * 3};
  C.Chain[0].Nonlinearity = ActivationKind::ReLU;
  compare(C, sgd(0.1));
  // Bidirectional: both directions' last steps, 2 x 5, and the sequence.
  for (LayerKind K : {LayerKind::LSTM, LayerKind::GRU, LayerKind::RNN}) {
    C = {std::string("bidirectional-") + std::string(ir::name(K)),
         {Rec(K, 3, 5, 2), L(LayerKind::Linear, 10, 2)}, ir::LossKind::MSE, 4 * 3};
    C.Chain[0].Bidirectional = true;
    C.Chain[0].LastStep = true;
    compare(C, sgd(0.1));
    compare(C, other(ir::OptimizerKind::Adam));
    C.Chain[0].LastStep = false;
    C.Chain.insert(C.Chain.begin() + 1, L(LayerKind::Flatten));
    C.Chain.back().In = 4 * 10;
    compare(C, sgd(0.1));
  }
  // The final hidden state: h_n of one layer, and h_n[-1] of a 2-layer
  // bidirectional stack (its last layer's reverse direction).
  for (LayerKind K : {LayerKind::LSTM, LayerKind::GRU, LayerKind::RNN}) {
    C = {std::string("final-hidden-") + std::string(ir::name(K)),
         {Rec(K, 3, 5, 1), L(LayerKind::Linear, 5, 2)}, ir::LossKind::MSE, 4 * 3};
    C.Chain[0].FinalHidden = true;
    compare(C, sgd(0.1));
    C.Chain[0].NumLayers = 2;
    C.Chain[0].Bidirectional = true;
    C.Chain[0].LastStep = true;
    compare(C, other(ir::OptimizerKind::Adam));
  }
}

TEST(RuntimeTorch, InterLayerDropoutOffInEval) {
  // Dropout 0.5 between two bidirectional LSTM layers: the probe's masks
  // are its own, so training runs differ from LibTorch's by design; in eval
  // mode both apply none and agree.
  std::mt19937 Rng(42);
  ir::Model M;
  M.Name = "dropout-lstm";
  M.ChainKnown = true;
  ir::Layer R = recurrent(LayerKind::LSTM, 3, 5, 2, true);
  R.Bidirectional = true;
  R.P = 0.5;
  M.Chain = {R, L(LayerKind::Linear, 10, 2)};
  auto NetOr = lower(M, int64_t(4 * 3), {}, Rng);
  ASSERT_TRUE(NetOr.isOk()) << NetOr.status().message();
  Network &Net = **NetOr;
  torch::nn::Sequential T = twin(M.Chain, Net);
  Mat X = randomMat(8, 12, Rng, -2, 2);
  std::mt19937 Drop(3);
  Mat Eval = Net.forward(X, false, Drop);
  T->eval();
  EXPECT_LE(mismatch(Eval, forwardTwin(T, Net, toTorch(X))), 1.0);
  Mat Train = Net.forward(X, true, Drop);
  EXPECT_GT((Train - Eval).norm(), 1e-3); // masks applied in training
}

TEST(RuntimeTorch, EmbeddingIntoLinearPerPosition) {
  // Token ids [N, 6] of 11 embedded in 4 dimensions, Linear(4, 3) on every
  // position, flattened into a head.
  Case C{"embedding-linear",
         {L(LayerKind::Embedding, 11, 4), L(LayerKind::Linear, 4, 3),
          A(ActivationKind::ReLU), L(LayerKind::Flatten), L(LayerKind::Linear, 6 * 3, 2)},
         ir::LossKind::CrossEntropy,
         6,
         11};
  compare(C, sgd(0.5));
  compare(C, other(ir::OptimizerKind::Adam));
  // A bag of embeddings: emb(ids).mean(1) into a linear head.
  ir::Layer Mean = L(LayerKind::AvgPool);
  Mean.MeanOverSteps = true;
  C = {"embedding-mean-linear",
       {L(LayerKind::Embedding, 11, 4), Mean, L(LayerKind::Linear, 4, 3)},
       ir::LossKind::CrossEntropy,
       6,
       11};
  compare(C, sgd(0.5));
  compare(C, other(ir::OptimizerKind::Adam));
}

TEST(RuntimeTorch, ConvTransposeOutputPaddingAndDilation) {
  ir::Layer Up = L(LayerKind::ConvTranspose, 4, 3, 3, 2, 1);
  Up.OutputPadding = 1;
  Up.Dilation = 2;
  // 2 x 8 x 8 -> conv stride 2 -> 4 x 4 x 4 -> up: (4-1)*2 - 2 + 4 + 1 + 1 = 10.
  Case C{"conv-transpose-2d-output-padding-dilation",
         {L(LayerKind::Conv2d, 2, 4, 3, 2, 1), A(ActivationKind::ReLU), Up,
          A(ActivationKind::Tanh), L(LayerKind::Flatten),
          L(LayerKind::Linear, 3 * 10 * 10, 2)},
         ir::LossKind::MSE,
         2 * 8 * 8};
  compare(C, sgd(0.05));
  compare(C, other(ir::OptimizerKind::Adam));
  ir::Layer Up1 = L(LayerKind::ConvTranspose, 3, 2, 3, 3, 0);
  Up1.OutputPadding = 2;
  Case D{"conv-transpose-1d-output-padding",
         {L(LayerKind::Conv1d, 3, 3, 2), Up1, A(ActivationKind::ReLU),
          L(LayerKind::Flatten), L(LayerKind::Linear, 2 * 14, 1)},
         ir::LossKind::MSE,
         3 * 5};
  compare(D, sgd(0.05));
}
