//===- test/unit/rules_orphan_optimizer.cpp - gradlint-orphan-optimizer ---===//

#include "rules_helpers.h"

using namespace gradlint;
using namespace gradlint::test;
using ir::StepOp;

namespace {
const char *Name = "gradlint-orphan-optimizer";
ir::Program prog(std::string OptModel, std::vector<std::string> Forwarded) {
  ir::Program P;
  P.Optimizers.push_back(optimizer(ir::OptimizerKind::Adam, 1e-3, 5, "optimizer", OptModel));
  std::vector<ir::StepNode> Body = {event(StepOp::ZeroGrad, 11, "optimizer")};
  unsigned Line = 12;
  for (const std::string &M : Forwarded)
    Body.push_back(event(StepOp::Forward, Line++, "m", M));
  Body.push_back(event(StepOp::Backward, 20));
  Body.push_back(event(StepOp::Step, 21, "optimizer"));
  P.Trainings.push_back(training({loop(10, Body)}));
  return P;
}
} // namespace

TEST(OrphanOptimizer, OtherModelFires) {
  auto F = run(Name, prog("Encoder", {"Decoder"}));
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Message, "optimizer 'optimizer' holds the parameters of "
                          "'Encoder' but the loop it steps forwards 'Decoder'; "
                          "the weights of 'Decoder' never change");
  EXPECT_EQ(F[0].Loc.Line, 5u);
  EXPECT_EQ(F[0].Notes.size(), 2u);
}

TEST(OrphanOptimizer, Silent) {
  EXPECT_TRUE(run(Name, prog("Net", {"Net"})).empty());
  EXPECT_TRUE(run(Name, prog("Generator", {"Generator", "Discriminator"})).empty());
  EXPECT_TRUE(run(Name, prog("", {"Net"})).empty());
  EXPECT_TRUE(run(Name, prog("Net", {""})).empty());
}

TEST(OrphanOptimizer, ProvenAndMeasuredOnTheTrainedModel) {
  auto F = run(Name, prog("Encoder", {"Decoder"}));
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Proof, "'optimizer' was built over the parameters of "
                        "'Encoder' only, so its step() never writes a "
                        "parameter of 'Decoder'");
  ASSERT_TRUE(F[0].Probe); // shown without the probe too
  EXPECT_EQ(F[0].Probe->Kind, ir::VerdictKind::Proven);
  ASSERT_EQ(F[0].Claims.size(), 1u);
  EXPECT_EQ(F[0].Claims[0].What, ir::Metric::UnmovedShare);
  EXPECT_EQ(F[0].Claims[0].ModelName, "Decoder");
  EXPECT_EQ(F[0].Claims[0].TheFix.Kind, ir::FixKind::None);
}
