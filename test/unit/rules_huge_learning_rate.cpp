//===- test/unit/rules_huge_learning_rate.cpp - gradlint-huge-learning-rate ===//

#include "rules_helpers.h"

using namespace gradlint;
using namespace gradlint::test;
using ir::OptimizerKind;
using ir::StepOp;

namespace {
const char *Name = "gradlint-huge-learning-rate";
ir::Program withOptimizer(ir::Optimizer O, bool Clip) {
  ir::Program P;
  P.Optimizers.push_back(O);
  std::vector<ir::StepNode> Body = {event(StepOp::ZeroGrad, 20, "optimizer"),
                                    event(StepOp::Backward, 21)};
  if (Clip)
    Body.push_back(event(StepOp::ClipGrad, 22));
  Body.push_back(event(StepOp::Step, 23, "optimizer"));
  P.Trainings.push_back(training({loop(19, Body)}));
  return P;
}
} // namespace

TEST(HugeLearningRate, SgdAboveOneFires) {
  auto F = run(Name, withOptimizer(optimizer(OptimizerKind::SGD, 5.0, 12), false));
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Message, "SGD learning rate 5 is above 1; steps overshoot and "
                          "the loss oscillates or diverges unless gradients "
                          "are clipped");
  EXPECT_EQ(F[0].Loc.Column, 40u);
  ASSERT_EQ(F[0].Claims.size(), 1u);
  EXPECT_EQ(F[0].Claims[0].What, ir::Metric::LossDecrease);
}

TEST(HugeLearningRate, AdamAboveAdaptiveThresholdFires) {
  EXPECT_EQ(run(Name, withOptimizer(optimizer(OptimizerKind::Adam, 0.5, 12), false)).size(), 1u);
  EXPECT_TRUE(run(Name, withOptimizer(optimizer(OptimizerKind::Adam, 1e-3, 12), false)).empty());
  EXPECT_TRUE(run(Name, withOptimizer(optimizer(OptimizerKind::SGD, 1.0, 12), false)).empty());
  EXPECT_TRUE(run(Name, withOptimizer(optimizer(OptimizerKind::LBFGS, 5.0, 12), false)).empty());
}

TEST(HugeLearningRate, ClippingSilences) {
  EXPECT_TRUE(run(Name, withOptimizer(optimizer(OptimizerKind::SGD, 20.0, 12), true)).empty());
}

TEST(HugeLearningRate, Options) {
  rules::OptionMap O = {{"gradlint-huge-learning-rate.SGDThreshold", "10"},
                        {"gradlint-huge-learning-rate.AdaptiveThreshold", "1"}};
  EXPECT_TRUE(run(Name, withOptimizer(optimizer(OptimizerKind::SGD, 5.0, 12), false), O).empty());
  EXPECT_TRUE(run(Name, withOptimizer(optimizer(OptimizerKind::Adam, 0.5, 12), false), O).empty());
  auto S = storedOptions(Name);
  EXPECT_EQ(S.at("gradlint-huge-learning-rate.SGDThreshold"), "1");
  EXPECT_EQ(S.at("gradlint-huge-learning-rate.AdaptiveThreshold"), "0.1");
}
