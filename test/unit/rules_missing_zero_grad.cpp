//===- test/unit/rules_missing_zero_grad.cpp - gradlint-missing-zero-grad -===//

#include "rules_helpers.h"

using namespace gradlint;
using namespace gradlint::test;
using ir::StepOp;

namespace {
const char *Name = "gradlint-missing-zero-grad";
ir::Program prog(std::vector<ir::StepNode> Body) {
  return trainingProgram(std::move(Body));
}
} // namespace

TEST(MissingZeroGrad, NoZeroGradFires) {
  auto F = run(Name, prog({zg(10), loop(11, {fwd(12), bwd(13), stp(14)})}));
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Message, "backward() runs in a loop that never calls "
                          "zero_grad(); gradients from every iteration add up "
                          "and each step uses their running sum");
  EXPECT_EQ(F[0].Loc.Line, 13u);
  EXPECT_EQ(F[0].Notes[0].Loc.Line, 14u);
  EXPECT_EQ(F[0].Claims[0].What, ir::Metric::GradNormGrowth);
  EXPECT_EQ(F[0].Claims[0].ModelName, "Net");
}

TEST(MissingZeroGrad, InnerBatchLoopIsJudged) {
  auto F = run(Name, prog({loop(10, {loop(11, {fwd(12), bwd(13), stp(14)})})}));
  EXPECT_EQ(F.size(), 1u);
}

TEST(MissingZeroGrad, Silent) {
  EXPECT_TRUE(run(Name, prog({loop(11, {zg(12), fwd(13), bwd(14), stp(15)})})).empty());
  // zero_grad every N steps: accumulation.
  EXPECT_TRUE(run(Name, prog({loop(11, {fwd(12), bwd(13), branch(14, {stp(15), zg(16)})})})).empty());
  // Once per epoch around the batch loop: accumulation over the epoch.
  EXPECT_TRUE(run(Name, prog({loop(10, {zg(11), loop(12, {fwd(13), bwd(14), stp(15)})})})).empty());
  // No loop: a helper step function.
  EXPECT_TRUE(run(Name, prog({fwd(12), bwd(13), stp(14)})).empty());
}
