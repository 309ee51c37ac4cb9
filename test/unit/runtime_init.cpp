//===- test/unit/runtime_init.cpp - Initialisers match LibTorch's ---------===//

#include "runtime/Lowering.h"
#include "runtime/layers/Linear.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace gradlint;
using namespace gradlint::probe;

namespace {
double stdDev(const Mat &M) {
  double Mean = M.cast<double>().mean();
  return std::sqrt((M.cast<double>().array() - Mean).square().mean());
}
} // namespace

TEST(RuntimeInit, DefaultIsKaimingUniformASqrt5) {
  std::mt19937 Rng(1);
  Linear L(400, 300, true, "fc");
  for (Param *P : L.params())
    defaultInit(ir::LayerKind::Linear, *P, Rng);
  double Bound = 1 / std::sqrt(400.0);
  EXPECT_LE(L.Weight.Value.cwiseAbs().maxCoeff(), Bound);
  EXPECT_GT(L.Weight.Value.cwiseAbs().maxCoeff(), 0.99 * Bound);
  EXPECT_NEAR(stdDev(L.Weight.Value), Bound / std::sqrt(3.0), 0.02 * Bound);
  EXPECT_LE(L.Bias.Value.cwiseAbs().maxCoeff(), Bound);
}

TEST(RuntimeInit, Schemes) {
  std::mt19937 Rng(2);
  Linear L(200, 100, true, "fc");
  Param &W = L.Weight;
  auto Init = [&](ir::InitScheme S, std::optional<double> A = {},
                  std::optional<double> B = {}, std::optional<double> G = {}) {
    EXPECT_TRUE(initParam(W, S, A, B, G, ir::LayerKind::Linear, Rng).isOk());
  };
  Init(ir::InitScheme::XavierUniform);
  EXPECT_NEAR(stdDev(W.Value), std::sqrt(2.0 / 300), 0.003);
  Init(ir::InitScheme::XavierNormal, {}, {}, 2.0);
  EXPECT_NEAR(stdDev(W.Value), 2 * std::sqrt(2.0 / 300), 0.006);
  Init(ir::InitScheme::KaimingUniform);
  EXPECT_NEAR(stdDev(W.Value), std::sqrt(2.0 / 200), 0.003);
  Init(ir::InitScheme::KaimingNormal, {}, {}, 1.0); // a = 1: gain 1
  EXPECT_NEAR(stdDev(W.Value), std::sqrt(1.0 / 200), 0.003);
  Init(ir::InitScheme::Uniform, 0.0, 0.01);
  EXPECT_GE(W.Value.minCoeff(), 0.0f);
  EXPECT_LE(W.Value.maxCoeff(), 0.01f);
  Init(ir::InitScheme::Normal, 1.0, 0.5);
  EXPECT_NEAR(W.Value.cast<double>().mean(), 1.0, 0.02);
  Init(ir::InitScheme::Constant, 0.3);
  EXPECT_EQ(W.Value.minCoeff(), 0.3f);
  EXPECT_EQ(W.Value.maxCoeff(), 0.3f);
  Init(ir::InitScheme::Zeros);
  EXPECT_EQ(W.Value.cwiseAbs().maxCoeff(), 0.0f);
  Init(ir::InitScheme::Ones);
  EXPECT_EQ(W.Value.minCoeff(), 1.0f);
  Init(ir::InitScheme::Orthogonal); // wide: orthonormal rows
  Eigen::MatrixXd G = W.Value.cast<double>() * W.Value.cast<double>().transpose();
  EXPECT_LT((G - Eigen::MatrixXd::Identity(100, 100)).cwiseAbs().maxCoeff(), 1e-4);
  EXPECT_FALSE(initParam(W, ir::InitScheme::Unknown, {}, {}, {}, ir::LayerKind::Linear, Rng).isOk());
}
