//===- test/unit/rules_optimizer_in_loop.cpp - gradlint-optimizer-in-loop -===//

#include "rules_helpers.h"

using namespace gradlint;
using namespace gradlint::test;
using ir::StepOp;

namespace {
const char *Name = "gradlint-optimizer-in-loop";
ir::StepNode construct(unsigned L) {
  ir::StepNode N = event(StepOp::Optimizer, L, "optimizer");
  N.Ev.OptimizerIndex = 0;
  return N;
}
ir::Program prog(ir::Optimizer O, std::vector<ir::StepNode> Body) {
  ir::Program P;
  O.InLoop = true;
  P.Optimizers.push_back(O);
  P.Trainings.push_back(training(std::move(Body)));
  return P;
}
} // namespace

TEST(OptimizerInLoop, ConstructedInTheSteppingLoopFires) {
  auto F = run(Name, prog(optimizer(ir::OptimizerKind::Adam, 1e-3, 11),
                          {loop(10, {construct(11), event(StepOp::Backward, 12), stp(13)})}));
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Message, "optimizer 'optimizer' is constructed inside the "
                          "loop that steps it; its moment estimates are reset "
                          "on every iteration");
  EXPECT_EQ(F[0].Notes[0].Loc.Line, 10u);
}

TEST(OptimizerInLoop, OuterLoopOnlyWithOption) {
  ir::Program P = prog(optimizer(ir::OptimizerKind::Adam, 1e-3, 11),
                       {loop(10, {construct(11), loop(12, {event(StepOp::Backward, 13), stp(14)})})});
  EXPECT_TRUE(run(Name, P).empty());
  rules::OptionMap O = {{"gradlint-optimizer-in-loop.IncludeOuterLoops", "true"}};
  auto F = run(Name, P, O);
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Message.rfind("optimizer 'optimizer' is constructed inside a loop around its training loop;", 0), 0u);
  EXPECT_EQ(storedOptions(Name).at("gradlint-optimizer-in-loop.IncludeOuterLoops"), "false");
}

TEST(OptimizerInLoop, PlainSgdSilent) {
  EXPECT_TRUE(run(Name, prog(optimizer(ir::OptimizerKind::SGD, 0.1, 11),
                             {loop(10, {construct(11), event(StepOp::Backward, 12), stp(13)})}))
                  .empty());
}

TEST(OptimizerInLoopClaim, LossAsWrittenAgainstBuiltOnce) {
  ir::Optimizer O = optimizer(ir::OptimizerKind::Adam, 1e-3, 11);
  O.ModelName = "Net";
  auto F = run(Name, prog(O, {loop(10, {construct(11), event(StepOp::Backward, 12), stp(13)})}));
  ASSERT_EQ(F.size(), 1u);
  EXPECT_TRUE(F[0].Proof.empty()); // harm, not a proof: the probe decides
  ASSERT_EQ(F[0].Claims.size(), 1u);
  EXPECT_EQ(F[0].Claims[0].What, ir::Metric::LossRatio);
  EXPECT_EQ(F[0].Claims[0].Cmp, ir::Compare::Greater);
  EXPECT_EQ(F[0].Claims[0].Threshold, 1.1);
  EXPECT_EQ(F[0].Claims[0].TheFix.Kind, ir::FixKind::CreateOptimizerOnce);
  EXPECT_EQ(F[0].Claims[0].ModelName, "Net");
}
