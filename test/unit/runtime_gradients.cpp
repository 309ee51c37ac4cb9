//===- test/unit/runtime_gradients.cpp - Finite-difference gradients ------===//
//
// Every layer, activation and loss: the analytic backward pass against
// central differences of sum(R .* f(X)) (layers) or of the loss (losses).
//
//===----------------------------------------------------------------------===//

#include "runtime/Lowering.h"
#include "runtime/activations/Activation.h"
#include "runtime/layers/AdaptivePool.h"
#include "runtime/layers/BatchNorm.h"
#include "runtime/layers/Conv.h"
#include "runtime/layers/ConvTranspose.h"
#include "runtime/layers/Dropout.h"
#include "runtime/layers/Embedding.h"
#include "runtime/layers/Flatten.h"
#include "runtime/layers/GRU.h"
#include "runtime/layers/GroupNorm.h"
#include "runtime/layers/LSTM.h"
#include "runtime/layers/LayerNorm.h"
#include "runtime/layers/Linear.h"
#include "runtime/layers/Pool.h"
#include "runtime/layers/RNN.h"
#include "runtime/layers/StepMean.h"
#include "runtime/losses/Loss.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace gradlint;
using namespace gradlint::probe;
using ir::ActivationKind;

namespace {

/// One direction, no dropout; the whole sequence or its last step.
RecurrentConfig oneWay(int64_t Layers, bool HasBias, bool LastStep) {
  return {Layers, HasBias, false, 0.0,
          LastStep ? Readout::LastStep : Readout::Sequence};
}

Mat randomMat(int64_t R, int64_t C, std::mt19937 &Rng, double Lo = -2, double Hi = 2) {
  std::uniform_real_distribution<double> U(Lo, Hi);
  Mat M(R, C);
  for (int64_t I = 0; I < M.size(); ++I)
    M.data()[I] = float(U(Rng));
  return M;
}

/// Keeps values at least Gap away from each kink (finite differences are
/// meaningless across a kink).
void avoidKinks(Mat &X, std::initializer_list<float> Kinks, float Gap = 0.05f) {
  for (int64_t I = 0; I < X.size(); ++I)
    for (float K : Kinks)
      if (std::abs(X.data()[I] - K) < Gap)
        X.data()[I] = K + (X.data()[I] >= K ? Gap : -Gap);
}

double objective(Layer &L, const Mat &X, const Mat &R) {
  std::mt19937 Rng(7); // the same dropout mask every call
  Mat Y;
  L.forward(X, Y, true, Rng);
  return (Y.cast<double>().array() * R.cast<double>().array()).sum();
}

void expectClose(double Analytic, double Numeric, const std::string &What) {
  EXPECT_NEAR(Analytic, Numeric, 2e-3 + 2e-2 * std::abs(Numeric)) << What;
}

/// Checks dX (unless \p InputGrad is false: integer inputs) and every
/// parameter gradient of \p L at \p X.
void checkLayer(Layer &L, Mat X, double Eps = 1e-2, bool InputGrad = true) {
  std::mt19937 Rng(7), Any(1);
  Mat Y;
  L.forward(X, Y, true, Rng);
  Mat R = randomMat(Y.rows(), Y.cols(), Any, -1, 1);
  for (Param *P : L.params())
    P->Grad.setZero();
  objective(L, X, R);
  Mat DX;
  L.backward(R, DX);
  ASSERT_EQ(DX.rows(), X.rows());
  ASSERT_EQ(DX.cols(), X.cols());
  for (int64_t I = 0; InputGrad && I < X.size();
       I += std::max<int64_t>(1, X.size() / 40)) {
    float Old = X.data()[I];
    X.data()[I] = Old + float(Eps);
    double Plus = objective(L, X, R);
    X.data()[I] = Old - float(Eps);
    double Minus = objective(L, X, R);
    X.data()[I] = Old;
    expectClose(DX.data()[I], (Plus - Minus) / (2 * Eps),
                L.kind() + " dX[" + std::to_string(I) + "]");
  }
  for (Param *P : L.params())
    for (int64_t I = 0; I < P->size(); I += std::max<int64_t>(1, P->size() / 20)) {
      float Old = P->Value.data()[I];
      P->Value.data()[I] = Old + float(Eps);
      double Plus = objective(L, X, R);
      P->Value.data()[I] = Old - float(Eps);
      double Minus = objective(L, X, R);
      P->Value.data()[I] = Old;
      expectClose(P->Grad.data()[I], (Plus - Minus) / (2 * Eps),
                  P->Name + "[" + std::to_string(I) + "]");
    }
}

void randomParams(Layer &L, std::mt19937 &Rng) {
  for (Param *P : L.params())
    P->Value = randomMat(P->Value.rows(), P->Value.cols(), Rng, -1, 1);
}

} // namespace

TEST(RuntimeGradients, Linear) {
  std::mt19937 Rng(1);
  Linear L(5, 4, true, "fc");
  randomParams(L, Rng);
  checkLayer(L, randomMat(6, 5, Rng));
}

TEST(RuntimeGradients, Conv2dAndConv1d) {
  std::mt19937 Rng(2);
  Conv C2(Shape{2, 5, 5, 2}, 3, 3, 2, 1, true, "c2");
  randomParams(C2, Rng);
  checkLayer(C2, randomMat(3, 2 * 5 * 5, Rng));
  Conv C1(Shape{2, 1, 7, 1}, 3, 3, 1, 1, true, "c1");
  randomParams(C1, Rng);
  checkLayer(C1, randomMat(3, 2 * 7, Rng));
}

TEST(RuntimeGradients, LSTMOneAndTwoLayers) {
  std::mt19937 Rng(11);
  // 4 steps of 3 features; hidden 5. The whole sequence, then the last step.
  for (bool Last : {false, true})
    for (int64_t Layers : {1, 2}) {
      SCOPED_TRACE("last " + std::to_string(Last) + " layers " +
                   std::to_string(Layers));
      LSTM L(3, 5, oneWay(Layers, true, Last), "lstm");
      randomParams(L, Rng);
      Mat Y;
      std::mt19937 Any(1);
      L.forward(randomMat(2, 12, Rng), Y, true, Any);
      EXPECT_EQ(Y.cols(), Last ? 5 : 4 * 5);
      EXPECT_EQ(L.params().size(), size_t(4 * Layers));
      checkLayer(L, randomMat(2, 12, Rng, -1, 1));
    }
  LSTM NoBias(3, 4, oneWay(1, false, true), "lstm");
  randomParams(NoBias, Rng);
  EXPECT_EQ(NoBias.params().size(), 2u);
  checkLayer(NoBias, randomMat(3, 9, Rng, -1, 1));
}

TEST(RuntimeGradients, GRUOneAndTwoLayers) {
  std::mt19937 Rng(12);
  for (bool Last : {false, true})
    for (int64_t Layers : {1, 2}) {
      SCOPED_TRACE("last " + std::to_string(Last) + " layers " +
                   std::to_string(Layers));
      GRU G(3, 5, oneWay(Layers, true, Last), "gru");
      randomParams(G, Rng);
      EXPECT_EQ(G.params().size(), size_t(4 * Layers));
      checkLayer(G, randomMat(2, 12, Rng, -1, 1));
    }
}

TEST(RuntimeGradients, RNNTanhAndRelu) {
  std::mt19937 Rng(21);
  // 4 steps of 3 features; hidden 5; every readout, one and two layers.
  for (bool Relu : {false, true})
    for (Readout Out : {Readout::Sequence, Readout::LastStep,
                        Readout::FinalHidden, Readout::LastHidden})
      for (int64_t Layers : {1, 2}) {
        SCOPED_TRACE(std::string(Relu ? "relu" : "tanh") + " readout " +
                     std::to_string(int(Out)) + " layers " + std::to_string(Layers));
        RecurrentConfig C;
        C.NumLayers = Layers;
        C.Out = Out;
        RNN R(3, 5, Relu, C, "rnn");
        randomParams(R, Rng);
        EXPECT_EQ(R.params().size(), size_t(4 * Layers));
        EXPECT_EQ(R.kind(), Relu ? "rnn_relu" : "rnn_tanh");
        // relu has a kink at 0: a smaller step keeps the differences on
        // one side of it.
        checkLayer(R, randomMat(2, 12, Rng, -1, 1), Relu ? 1e-3 : 1e-2);
      }
  RecurrentConfig NoBias;
  NoBias.HasBias = false;
  RNN R(3, 4, false, NoBias, "rnn");
  randomParams(R, Rng);
  EXPECT_EQ(R.params().size(), 2u);
  checkLayer(R, randomMat(3, 9, Rng, -1, 1));
}

TEST(RuntimeGradients, BidirectionalAndInterLayerDropout) {
  std::mt19937 Rng(22);
  // Two layers both ways with dropout 0.3 between them (the mask is the
  // same in every call of the objective: one seed), every readout.
  for (int Kind = 0; Kind < 3; ++Kind)
    for (Readout Out : {Readout::Sequence, Readout::LastStep,
                        Readout::FinalHidden, Readout::LastHidden}) {
      SCOPED_TRACE("kind " + std::to_string(Kind) + " readout " +
                   std::to_string(int(Out)));
      RecurrentConfig C;
      C.NumLayers = 2;
      C.Bidirectional = true;
      C.Dropout = 0.3;
      C.Out = Out;
      std::unique_ptr<Recurrent> R;
      if (Kind == 0)
        R = std::make_unique<LSTM>(3, 4, C, "lstm");
      else if (Kind == 1)
        R = std::make_unique<GRU>(3, 4, C, "gru");
      else
        R = std::make_unique<RNN>(3, 4, false, C, "rnn");
      randomParams(*R, Rng);
      ASSERT_EQ(R->params().size(), 16u);
      EXPECT_EQ(R->params()[4]->Name, R->kind().substr(0, 3) == "rnn"
                                          ? "rnn.weight_ih_l0_reverse"
                                          : R->kind() + ".weight_ih_l0_reverse");
      // The second layer reads both directions: 2 * 4 inputs.
      EXPECT_EQ(R->params()[8]->Value.cols(), 8);
      Mat Y;
      std::mt19937 Any(1);
      R->forward(randomMat(2, 15, Rng), Y, true, Any);
      int64_t Want = Out == Readout::Sequence     ? 5 * 8
                     : Out == Readout::LastStep    ? 8
                     : Out == Readout::FinalHidden ? 4 * 4
                                                   : 4;
      EXPECT_EQ(Y.cols(), Want);
      checkLayer(*R, randomMat(2, 15, Rng, -1, 1));
    }
}

TEST(RuntimeGradients, InterLayerDropoutOnlyInTraining) {
  std::mt19937 Rng(23);
  RecurrentConfig C;
  C.NumLayers = 2;
  C.Dropout = 0.5;
  C.Out = Readout::LastStep;
  LSTM L(3, 4, C, "lstm");
  randomParams(L, Rng);
  C.Dropout = 0;
  LSTM Plain(3, 4, C, "lstm");
  for (size_t I = 0; I < L.params().size(); ++I)
    Plain.params()[I]->Value = L.params()[I]->Value;
  Mat X = randomMat(4, 9, Rng), A, B, D;
  std::mt19937 R1(5), R2(5);
  L.forward(X, A, false, R1); // eval: no dropout
  Plain.forward(X, B, true, R2);
  EXPECT_TRUE(A.isApprox(B));
  L.forward(X, D, true, R1); // training: layer 0's output is dropped out
  EXPECT_FALSE(D.isApprox(B));
}

TEST(RuntimeGradients, StepMean) {
  std::mt19937 Rng(25);
  StepMean M(4); // 4 steps of 3 values
  EXPECT_EQ(M.outShape(Shape{4, 1, 3, 1}).C, 3);
  Mat X = randomMat(2, 12, Rng), Y;
  std::mt19937 Any(1);
  M.forward(X, Y, true, Any);
  EXPECT_NEAR(Y(1, 2), (X(1, 2) + X(1, 5) + X(1, 8) + X(1, 11)) / 4, 1e-6);
  checkLayer(M, X);
}

TEST(RuntimeGradients, LinearPerPosition) {
  std::mt19937 Rng(24);
  // An embedding's (6 positions, 5 values) through Linear(5, 3): (6, 3).
  Linear L(5, 3, true, "fc");
  randomParams(L, Rng);
  Shape Seq{6, 1, 5, 1};
  Shape Out = L.outShape(Seq);
  EXPECT_EQ(Out.C, 6);
  EXPECT_EQ(Out.W, 3);
  EXPECT_EQ(L.multiplyAdds(Seq), 6 * 5 * 3);
  Mat X = randomMat(2, 30, Rng), Y;
  std::mt19937 Any(1);
  L.forward(X, Y, true, Any);
  ASSERT_EQ(Y.cols(), 18);
  // Position 4 of sample 1 is W x + b of that position alone.
  Eigen::VectorXf Want = L.Weight.Value * X.row(1).segment(20, 5).transpose() +
                         L.Bias.Value.row(0).transpose();
  EXPECT_TRUE(Y.row(1).segment(12, 3).transpose().isApprox(Want));
  checkLayer(L, X);
}

TEST(RuntimeGradients, Embedding) {
  std::mt19937 Rng(13);
  Embedding E(7, 3, "emb");
  randomParams(E, Rng);
  // Ids with repeats, so a row's gradient sums over its uses.
  Mat Ids(2, 4);
  Ids << 0, 3, 3, 6, 1, 0, 5, 3;
  EXPECT_TRUE(E.validIds(Ids));
  Mat Y;
  std::mt19937 Any(1);
  E.forward(Ids, Y, true, Any);
  ASSERT_EQ(Y.cols(), 4 * 3);
  EXPECT_EQ(Y.block(1, 3 * 3, 1, 3), E.Weight.Value.row(3));
  checkLayer(E, Ids, 1e-2, /*InputGrad=*/false);
  Mat DX;
  E.backward(Mat::Ones(2, 12), DX);
  EXPECT_EQ(DX, Mat::Zero(2, 4)); // token ids get no gradient
  Mat Bad = Ids;
  Bad(0, 0) = 7;
  EXPECT_FALSE(E.validIds(Bad));
  Bad(0, 0) = 0.5f;
  EXPECT_FALSE(E.validIds(Bad));
}

TEST(RuntimeGradients, AdaptivePools) {
  std::mt19937 Rng(14);
  for (bool Max : {true, false}) {
    // 5 x 7 to 3 x 3: overlapping windows of unequal sizes.
    AdaptivePool P2(Max, Shape{2, 5, 7, 2}, 3);
    EXPECT_EQ(P2.outShape(Shape{}).size(), 2 * 3 * 3);
    checkLayer(P2, randomMat(3, 70, Rng), 1e-3);
    AdaptivePool P1(Max, Shape{2, 1, 5, 1}, 2);
    checkLayer(P1, randomMat(3, 10, Rng), 1e-3);
  }
  // To 1 x 1: the global mean.
  AdaptivePool G(false, Shape{1, 2, 2, 2}, 1);
  Mat X(1, 4), Y;
  X << 1, 2, 3, 6;
  std::mt19937 Any(1);
  G.forward(X, Y, true, Any);
  EXPECT_FLOAT_EQ(Y(0, 0), 3.0f);
}

TEST(RuntimeGradients, ResidualJoinInANetwork) {
  // Linear(6, 8) -> [Linear(8, 8) -> tanh] + skip -> Linear(8, 2): the skip
  // starts at the second linear's input, two steps back.
  std::vector<ir::Layer> Chain(5);
  Chain[0].Kind = Chain[1].Kind = Chain[4].Kind = ir::LayerKind::Linear;
  Chain[0].In = 6;
  Chain[0].Out = Chain[1].In = Chain[1].Out = Chain[4].In = 8;
  Chain[4].Out = 2;
  Chain[2].Kind = ir::LayerKind::Activation;
  Chain[2].Act = ActivationKind::Tanh;
  Chain[3].Kind = ir::LayerKind::Residual;
  Chain[3].Span = 2;
  ir::Model M;
  M.Name = "res";
  M.ChainKnown = true;
  M.Chain = Chain;
  std::mt19937 Rng(15);
  auto NetOr = lower(M, {}, {}, Rng);
  ASSERT_TRUE(NetOr.isOk()) << NetOr.status().message();
  Network &Net = **NetOr;
  EXPECT_EQ(Net.Layers[3].SkipFrom, 1);
  Mat X = randomMat(4, 6, Rng, -1, 1), R = randomMat(4, 2, Rng, -1, 1);
  auto Objective = [&] {
    std::mt19937 Any(1);
    return (Net.forward(X, true, Any).cast<double>().array() * R.cast<double>().array())
        .sum();
  };
  Objective();
  Net.zeroGrad();
  Net.backward(R);
  double Eps = 1e-2;
  for (Param *P : Net.params())
    for (int64_t I = 0; I < P->size(); I += std::max<int64_t>(1, P->size() / 10)) {
      float Old = P->Value.data()[I];
      P->Value.data()[I] = Old + float(Eps);
      double Plus = Objective();
      P->Value.data()[I] = Old - float(Eps);
      double Minus = Objective();
      P->Value.data()[I] = Old;
      expectClose(P->Grad.data()[I], (Plus - Minus) / (2 * Eps), P->Name);
    }
  // A skip reaching before the chain, or joining different shapes, is
  // declined.
  M.Chain[3].Span = 9;
  EXPECT_FALSE(lower(M, {}, {}, Rng).isOk());
  M.Chain[3].Span = 3;
  M.Chain[1].Out = M.Chain[4].In = 5;
  auto Bad = lower(M, {}, {}, Rng);
  ASSERT_FALSE(Bad.isOk());
  EXPECT_NE(Bad.status().message().find("shape mismatch"), std::string::npos);
}

TEST(RuntimeGradients, GroupNorm) {
  std::mt19937 Rng(16);
  // 4 channels of 3 x 3 in 2 groups; 6 channels of length 5 in 3 groups.
  GroupNorm G2(Shape{4, 3, 3, 2}, 2, "gn");
  randomParams(G2, Rng);
  checkLayer(G2, randomMat(3, 36, Rng));
  GroupNorm G1(Shape{6, 1, 5, 1}, 3, "gn");
  randomParams(G1, Rng);
  checkLayer(G1, randomMat(2, 30, Rng));
  // With unit weight and zero bias every group has mean 0 and variance ~1.
  GroupNorm Plain(Shape{4, 1, 2, 1}, 2, "gn");
  Mat Y;
  std::mt19937 Any(1);
  Plain.forward(randomMat(1, 8, Rng), Y, true, Any);
  EXPECT_NEAR(Y.leftCols(4).mean(), 0.0, 1e-5);
  EXPECT_NEAR(Y.rightCols(4).array().square().mean(), 1.0, 1e-3);
}

TEST(RuntimeGradients, ConvTranspose2dAndConv1d) {
  std::mt19937 Rng(17);
  // 2 x 4 x 4 up to 3 channels, kernel 3, stride 2, padding 1: 7 x 7.
  ConvTranspose T2(Shape{2, 4, 4, 2}, 3, 3, 2, 1, true, "up");
  EXPECT_EQ(T2.outShape(Shape{}).H, 7);
  randomParams(T2, Rng);
  checkLayer(T2, randomMat(3, 2 * 4 * 4, Rng));
  ConvTranspose T1(Shape{3, 1, 5, 1}, 2, 4, 1, 0, false, "up1");
  EXPECT_EQ(T1.outShape(Shape{}).W, 8);
  randomParams(T1, Rng);
  checkLayer(T1, randomMat(2, 3 * 5, Rng));
  // output_padding 1 and dilation 2: (4 - 1) * 2 - 2 + 2 * 2 + 1 + 1 = 10.
  ConvTranspose T3(Shape{2, 4, 4, 2}, 3, 3, 2, 1, true, "up3", 1, 2);
  EXPECT_EQ(T3.outShape(Shape{}).H, 10);
  randomParams(T3, Rng);
  checkLayer(T3, randomMat(2, 2 * 4 * 4, Rng));
  ConvTranspose T4(Shape{3, 1, 5, 1}, 2, 3, 3, 0, true, "up4", 2, 1);
  EXPECT_EQ(T4.outShape(Shape{}).W, 4 * 3 + 3 + 2);
  randomParams(T4, Rng);
  checkLayer(T4, randomMat(2, 3 * 5, Rng));
}

TEST(RuntimeGradients, Pools) {
  std::mt19937 Rng(3);
  for (bool Max : {true, false}) {
    Pool P2(Max, Shape{2, 4, 4, 2}, 2, 2, 0);
    checkLayer(P2, randomMat(3, 32, Rng), 1e-3);
    Pool P1(Max, Shape{2, 1, 6, 1}, 3, 1, 1);
    checkLayer(P1, randomMat(3, 12, Rng), 1e-3);
  }
}

TEST(RuntimeGradients, FlattenDropoutNorms) {
  std::mt19937 Rng(4);
  Flatten F;
  checkLayer(F, randomMat(3, 8, Rng));
  Dropout D(0.3);
  checkLayer(D, randomMat(4, 8, Rng));
  BatchNorm B1(Shape::flat(5), "bn1");
  randomParams(B1, Rng);
  checkLayer(B1, randomMat(6, 5, Rng), 1e-3);
  BatchNorm B2(Shape{3, 2, 2, 2}, "bn2");
  randomParams(B2, Rng);
  checkLayer(B2, randomMat(4, 12, Rng), 1e-3);
  LayerNorm LN(6, "ln");
  randomParams(LN, Rng);
  checkLayer(LN, randomMat(4, 6, Rng), 1e-3);
}

TEST(RuntimeGradients, EveryActivation) {
  std::mt19937 Rng(5);
  for (ActivationKind K :
       {ActivationKind::Sigmoid, ActivationKind::Tanh, ActivationKind::ReLU,
        ActivationKind::LeakyReLU, ActivationKind::ELU, ActivationKind::GELU,
        ActivationKind::SiLU, ActivationKind::Softplus, ActivationKind::Softmax,
        ActivationKind::LogSoftmax, ActivationKind::Hardtanh, ActivationKind::ReLU6,
        ActivationKind::Identity}) {
    auto A = makeActivation(K, std::nullopt);
    ASSERT_TRUE(A) << ir::name(K);
    Mat X = randomMat(4, 6, Rng, -7, 7);
    avoidKinks(X, {-1, 0, 1, 6});
    checkLayer(*A, X, 1e-3);
  }
  EXPECT_EQ(makeActivation(ActivationKind::Unknown, std::nullopt), nullptr);
}

TEST(RuntimeGradients, EveryLoss) {
  std::mt19937 Rng(6);
  for (ir::LossKind K :
       {ir::LossKind::MSE, ir::LossKind::L1, ir::LossKind::SmoothL1, ir::LossKind::Huber,
        ir::LossKind::BCE, ir::LossKind::BCEWithLogits, ir::LossKind::CrossEntropy,
        ir::LossKind::NLL}) {
    auto L = makeLoss(K);
    ASSERT_TRUE(L) << ir::name(K);
    bool Prob = K == ir::LossKind::BCE;
    Mat O = Prob ? randomMat(5, 3, Rng, 0.1, 0.9) : randomMat(5, 3, Rng, -3, 3);
    Mat T;
    if (L->classIndices()) {
      T.resize(5, 1);
      for (int64_t I = 0; I < 5; ++I)
        T(I, 0) = float(I % 3);
    } else {
      T = K == ir::LossKind::BCE || K == ir::LossKind::BCEWithLogits
              ? randomMat(5, 3, Rng, 0, 1)
              : randomMat(5, 3, Rng, -3, 3);
      if (!Prob) { // keep |o - t| away from the kinks at 0 and 1
        Mat D = O - T;
        avoidKinks(D, {-1, 0, 1});
        O = T + D;
      }
    }
    L->forward(O, T);
    Mat DO;
    L->backward(DO);
    const double Eps = 1e-3;
    for (int64_t I = 0; I < O.size(); ++I) {
      float Old = O.data()[I];
      O.data()[I] = Old + float(Eps);
      double Plus = L->forward(O, T);
      O.data()[I] = Old - float(Eps);
      double Minus = L->forward(O, T);
      O.data()[I] = Old;
      expectClose(DO.data()[I], (Plus - Minus) / (2 * Eps),
                  std::string(ir::name(K)) + "[" + std::to_string(I) + "]");
    }
  }
  EXPECT_EQ(makeLoss(ir::LossKind::KLDiv), nullptr);
}
