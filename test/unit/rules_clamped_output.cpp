//===- test/unit/rules_clamped_output.cpp - gradlint-clamped-output -------===//

#include "rules_helpers.h"

using namespace gradlint;
using namespace gradlint::test;
using ir::ActivationKind;
using ir::LossKind;
using ir::StepOp;

namespace {
const char *Name = "gradlint-clamped-output";
ir::Program regression(ActivationKind Out, LossKind L,
                       std::optional<ir::DataInfo> Target = std::nullopt) {
  ir::Program P;
  P.Models.push_back(model("Net", {linear("fc1", 4, 16, 2), act(ActivationKind::ReLU, 3),
                                   linear("fc2", 16, 1, 4), act(Out, 5)}));
  ir::StepNode Loss = event(StepOp::Loss, 22);
  Loss.Ev.Loss = L;
  Loss.Ev.Target = Target;
  P.Trainings.push_back(training({loop(20, {event(StepOp::Forward, 21, "model", "Net"),
                                            Loss, event(StepOp::Backward, 23),
                                            event(StepOp::Step, 24, "optimizer")})}));
  return P;
}
ir::DataInfo uniform(double Lo, double Hi) {
  ir::DataInfo D;
  D.Var = "y";
  D.Blocks.push_back({std::nullopt, Lo, Hi});
  return D;
}
} // namespace

TEST(ClampedOutput, ReluOutputWithMseFires) {
  auto F = run(Name, regression(ActivationKind::ReLU, LossKind::MSE));
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Message,
            "relu on the output of 'Net' clamps predictions to [0, inf) under "
            "the mse_loss regression loss; an output pushed outside it gets no "
            "gradient and stays stuck");
  EXPECT_EQ(F[0].Loc.Line, 5u);
  ASSERT_EQ(F[0].Notes.size(), 1u);
  EXPECT_EQ(F[0].Notes[0].Loc.Line, 22u);
  EXPECT_EQ(F[0].Claims[0].What, ir::Metric::ZeroOutputShare);
}

TEST(ClampedOutput, TargetsOutsideRangeFire) {
  auto F = run(Name, regression(ActivationKind::Sigmoid, LossKind::L1, uniform(0, 100)));
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Message,
            "sigmoid on the output of 'Net' limits predictions to (0, 1), but "
            "the l1_loss targets span 0 to 100; targets outside that range can "
            "never be reached");
}

TEST(ClampedOutput, Silent) {
  // Sigmoid with targets from torch::rand.
  EXPECT_TRUE(run(Name, regression(ActivationKind::Sigmoid, LossKind::MSE, uniform(0, 1))).empty());
  // Unknown targets: a smooth activation is given the benefit of the doubt.
  EXPECT_TRUE(run(Name, regression(ActivationKind::Sigmoid, LossKind::MSE)).empty());
  EXPECT_TRUE(run(Name, regression(ActivationKind::ReLU, LossKind::MSE, uniform(0, 5))).empty());
  // Classification loss, unbounded activation.
  EXPECT_TRUE(run(Name, regression(ActivationKind::Sigmoid, LossKind::BCE)).empty());
  EXPECT_TRUE(run(Name, regression(ActivationKind::LeakyReLU, LossKind::MSE)).empty());
  EXPECT_TRUE(run(Name, regression(ActivationKind::Unknown, LossKind::MSE)).empty());
}

TEST(ClampedOutput, CallSiteActivation) {
  ir::Program P = regression(ActivationKind::Identity, LossKind::Huber);
  P.Models[0].Chain.pop_back();
  ir::StepEvent &Loss = P.Trainings[0].Body[0].Children[1].Ev;
  Loss.CallSiteActs = {ActivationKind::ReLU};
  Loss.CallSiteActLoc = loc(22, 30);
  auto F = run(Name, P);
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Loc.Column, 30u);
}

TEST(ClampedOutput, WarnOnUnknownTargetsOption) {
  rules::OptionMap O = {{"gradlint-clamped-output.WarnOnUnknownTargets", "false"}};
  EXPECT_TRUE(run(Name, regression(ActivationKind::ReLU, LossKind::MSE), O).empty());
  EXPECT_EQ(run(Name, regression(ActivationKind::ReLU, LossKind::MSE, uniform(-1, 1)), O).size(), 1u);
  EXPECT_EQ(storedOptions(Name).at("gradlint-clamped-output.WarnOnUnknownTargets"), "true");
}
