//===- test/unit/rules_incomplete_step.cpp - gradlint-incomplete-step -----===//

#include "rules_helpers.h"

using namespace gradlint;
using namespace gradlint::test;
using ir::StepOp;

namespace {
const char *Name = "gradlint-incomplete-step";
ir::Program prog(std::vector<ir::StepNode> Body) {
  return trainingProgram(std::move(Body));
}
} // namespace

TEST(IncompleteStep, BackwardWithoutStepFires) {
  auto F = run(Name, prog({loop(10, {zg(11), fwd(12), bwd(13)})}));
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Message, "backward() in a training loop but no step() "
                          "anywhere in 'train'; gradients are computed and the "
                          "weights never change");
}

TEST(IncompleteStep, StepWithoutBackwardFires) {
  auto F = run(Name, prog({loop(10, {zg(11), fwd(12), stp(13)})}));
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Loc.Line, 13u);
}

TEST(IncompleteStep, ZeroGradBetweenBackwardAndStepFires) {
  auto F = run(Name, prog({loop(10, {fwd(11), bwd(12), zg(13), stp(14)})}));
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Loc.Line, 13u);
  EXPECT_EQ(F[0].Message.rfind("zero_grad() between backward() and step()", 0), 0u);
}

TEST(IncompleteStep, StepBeforeBackwardFires) {
  auto F = run(Name, prog({loop(10, {zg(11), fwd(12), stp(13), bwd(14)})}));
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Loc.Line, 13u);
  EXPECT_EQ(F[0].Message.rfind("step() comes before backward() in the loop", 0), 0u);
}

TEST(IncompleteStep, Silent) {
  EXPECT_TRUE(run(Name, prog({loop(10, {zg(11), fwd(12), bwd(13), stp(14)})})).empty());
  // Step first, clearing just after it: one step late, but sound.
  EXPECT_TRUE(run(Name, prog({loop(10, {stp(11), zg(12), fwd(13), bwd(14)})})).empty());
  // A helper without a loop.
  EXPECT_TRUE(run(Name, prog({fwd(12), bwd(13)})).empty());
  // LBFGS: backward() runs in the closure.
  ir::Program P = prog({loop(10, {stp(13)})});
  P.Optimizers.push_back(optimizer(ir::OptimizerKind::LBFGS, 1.0, 5));
  EXPECT_TRUE(run(Name, P).empty());
}

TEST(IncompleteStep, ProvenWithTheStepCompletedAsTheFix) {
  auto F = run(Name, prog({loop(10, {zg(11), fwd(12), bwd(13)})}));
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Proof, "only an optimizer's step() writes the weights, and "
                        "'train' calls none");
  ASSERT_TRUE(F[0].Probe);
  EXPECT_EQ(F[0].Probe->Kind, ir::VerdictKind::Proven);
  ASSERT_EQ(F[0].Claims.size(), 1u);
  EXPECT_EQ(F[0].Claims[0].What, ir::Metric::RelativeUpdate);
  EXPECT_EQ(F[0].Claims[0].TheFix.Kind, ir::FixKind::CompleteStep);
}
