//===- test/unit/rules_gradient_disabled.cpp - gradlint-gradient-disabled -===//

#include "rules_helpers.h"

using namespace gradlint;
using namespace gradlint::test;
using ir::StepOp;

namespace {
const char *Name = "gradlint-gradient-disabled";
ir::StepNode off(ir::StepNode N) {
  N.Ev.GradDisabledBy = "NoGradGuard";
  N.Ev.GradDisabledLoc = loc(11, 5);
  return N;
}
ir::Program prog(std::vector<ir::StepNode> Body) {
  return trainingProgram(std::move(Body));
}
ir::StepNode loss(unsigned L) {
  ir::StepNode N = event(StepOp::Loss, L);
  N.Ev.Loss = ir::LossKind::MSE;
  return N;
}
} // namespace

TEST(GradientDisabled, ForwardUnderGuardFires) {
  auto F = run(Name, prog({loop(10, {off(event(StepOp::Forward, 12, "model", "Net")),
                                     off(loss(13)), off(event(StepOp::Backward, 14)),
                                     off(event(StepOp::Step, 15, "optimizer"))})}));
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Message, "NoGradGuard turns gradients off for a training "
                          "step; the forward pass records no graph, so "
                          "backward() fails and no weight changes");
  EXPECT_EQ(F[0].Loc.Line, 11u);
  ASSERT_EQ(F[0].Notes.size(), 2u);
  EXPECT_EQ(F[0].Notes[0].Message, "'model' is run here without gradients");
}

TEST(GradientDisabled, DetachedLossFires) {
  ir::StepNode L = loss(13);
  L.Ev.Detached = true;
  L.Ev.DetachLoc = loc(13, 30);
  auto F = run(Name, prog({loop(10, {event(StepOp::Forward, 12, "model", "Net"), L,
                                     event(StepOp::Backward, 14),
                                     event(StepOp::Step, 15, "optimizer")})}));
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Message, "the model output is detached before mse_loss; "
                          "backward() stops there and no gradient reaches 'Net'");
  EXPECT_EQ(F[0].Loc.Column, 30u);
}

TEST(GradientDisabled, Silent) {
  // An evaluation loop under the guard, training elsewhere.
  EXPECT_TRUE(run(Name, prog({loop(10, {event(StepOp::Forward, 12, "model", "Net"), loss(13),
                                        event(StepOp::Backward, 14),
                                        event(StepOp::Step, 15, "optimizer")}),
                              loop(20, {off(event(StepOp::Forward, 21, "model", "Net")),
                                        off(loss(22))})})).empty());
  // step() alone under a guard.
  EXPECT_TRUE(run(Name, prog({loop(10, {event(StepOp::Forward, 12, "model", "Net"), loss(13),
                                        event(StepOp::Backward, 14),
                                        off(event(StepOp::Step, 15, "optimizer"))})})).empty());
}

TEST(GradientDisabled, ProvenAndMeasuredAsNoGradient) {
  auto F = run(Name, prog({loop(10, {off(event(StepOp::Forward, 12, "model", "Net")),
                                     off(loss(13)), off(event(StepOp::Backward, 14)),
                                     off(event(StepOp::Step, 15, "optimizer"))})}));
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Probe->Kind, ir::VerdictKind::Proven);
  EXPECT_EQ(F[0].Proof.rfind("under NoGradGuard no autograd graph is recorded", 0), 0u);
  ASSERT_EQ(F[0].Claims.size(), 1u);
  EXPECT_EQ(F[0].Claims[0].What, ir::Metric::WeightGradNorm);
  EXPECT_EQ(F[0].Claims[0].ModelName, "Net");
}
