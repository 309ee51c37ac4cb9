//===- test/unit/rules_tiny_learning_rate.cpp - gradlint-tiny-learning-rate ===//

#include "rules_helpers.h"

using namespace gradlint;
using namespace gradlint::test;
using ir::OptimizerKind;

namespace {
const char *Name = "gradlint-tiny-learning-rate";

std::vector<ir::Finding> runWith(ir::Optimizer O, const rules::OptionMap &Opt = {}) {
  ir::Program P;
  P.Optimizers.push_back(O);
  return run(Name, P, Opt);
}
} // namespace

TEST(TinyLearningRate, AdamAt1e10Fires) {
  auto F = runWith(optimizer(OptimizerKind::Adam, 1e-10, 12));
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Message,
            "learning rate 1e-10 is below 1e-6; each Adam step moves a weight "
            "by at most about 1e-10, so the loss cannot visibly change");
  EXPECT_EQ(F[0].Loc.Column, 40u); // at the rate, not the constructor
  ASSERT_EQ(F[0].Claims.size(), 1u);
  EXPECT_EQ(F[0].Claims[0].What, ir::Metric::RelativeUpdate);
  EXPECT_EQ(F[0].Claims[0].TheFix.Kind, ir::FixKind::SetLearningRate);
  EXPECT_EQ(*F[0].Claims[0].TheFix.Value, 1e-3);
  EXPECT_EQ(F[0].Claims[0].ModelName, "Net");
}

TEST(TinyLearningRate, SgdMessage) {
  auto F = runWith(optimizer(OptimizerKind::SGD, 1e-8, 12));
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Message,
            "learning rate 1e-8 is below 1e-6; each step moves the weights by "
            "1e-8 times the gradient, so the loss cannot visibly change");
}

TEST(TinyLearningRate, SoundRatesSilent) {
  EXPECT_TRUE(runWith(optimizer(OptimizerKind::Adam, 1e-3, 12)).empty());
  EXPECT_TRUE(runWith(optimizer(OptimizerKind::SGD, 1e-6, 12)).empty());
  EXPECT_TRUE(runWith(optimizer(OptimizerKind::Adam, std::nullopt, 12)).empty());
}

TEST(TinyLearningRate, DefaultedRateNeverTiny) {
  ir::Optimizer O = optimizer(OptimizerKind::Adam, 1e-9, 12);
  O.LRDefaulted = true;
  EXPECT_TRUE(runWith(O).empty());
}

TEST(TinyLearningRate, LaterRateFromScheduleFires) {
  ir::Optimizer O = optimizer(OptimizerKind::SGD, 0.1, 12);
  O.LaterRates = {0.01, 1e-9, 1e-12};
  O.LaterRateLocs = {loc(20, 7), loc(30, 7), loc(40, 7)};
  auto F = runWith(O);
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Loc.Line, 30u);
  EXPECT_EQ(F[0].Message.rfind("learning rate of 'optimizer' is later set to "
                               "1e-9, below 1e-6;",
                               0),
            0u);
  ASSERT_EQ(F[0].Notes.size(), 1u);
  EXPECT_EQ(F[0].Notes[0].Loc.Line, 12u);
  O.LaterRateLocs.clear();
  F = runWith(O);
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Loc.Line, 12u);
}

TEST(TinyLearningRate, ThresholdOption) {
  rules::OptionMap Opt = {{"gradlint-tiny-learning-rate.Threshold", "1e-4"}};
  EXPECT_EQ(runWith(optimizer(OptimizerKind::Adam, 1e-5, 12), Opt).size(), 1u);
  EXPECT_EQ(storedOptions(Name).at("gradlint-tiny-learning-rate.Threshold"), "1e-6");
}
