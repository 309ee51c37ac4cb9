//===- test/unit/rules_unnormalized_input.cpp - gradlint-unnormalized-input ===//

#include "rules_helpers.h"

using namespace gradlint;
using namespace gradlint::test;
using ir::StepOp;

namespace {
const char *Name = "gradlint-unnormalized-input";
ir::Program fed(std::vector<ir::FeatureBlock> Blocks, bool Normalized = false) {
  ir::Program P;
  ir::StepNode Fwd = event(StepOp::Forward, 21, "model", "Net");
  ir::DataInfo D;
  D.Var = "x";
  D.Loc = loc(15, 12);
  D.Blocks = Blocks;
  D.Normalized = Normalized;
  Fwd.Ev.Input = D;
  P.Trainings.push_back(training({loop(20, {Fwd, event(StepOp::Backward, 23),
                                            event(StepOp::Step, 24, "optimizer")})}));
  return P;
}
} // namespace

TEST(UnnormalizedInput, SeedExampleThreeFires) {
  auto F = run(Name, fed({{1, 0, 1000}, {9, 0, 1}}));
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Message,
            "input 'x' reaches 1000 and is not normalised before 'Net'; "
            "first-layer pre-activations start about 1000x too large, "
            "saturating units and swamping the gradients");
  EXPECT_EQ(F[0].Loc.Line, 15u);
  ASSERT_EQ(F[0].Notes.size(), 1u);
  EXPECT_EQ(F[0].Notes[0].Loc.Line, 21u);
  EXPECT_EQ(F[0].Claims[0].TheFix.Kind, ir::FixKind::StandardizeInput);
}

TEST(UnnormalizedInput, UnequalRangesFire) {
  auto F = run(Name, fed({{1, 0, 10}, {3, 0, 0.5}}));
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Message.rfind("input 'x' has features spanning 10 next to features spanning 0.5", 0), 0u);
}

TEST(UnnormalizedInput, TinyInputFires) {
  EXPECT_EQ(run(Name, fed({{std::nullopt, 0, 1e-4}})).size(), 1u);
}

TEST(UnnormalizedInput, Silent) {
  EXPECT_TRUE(run(Name, fed({{1, 0, 1000}, {9, 0, 1}}, /*Normalized=*/true)).empty());
  EXPECT_TRUE(run(Name, fed({{std::nullopt, 0, 1}})).empty());
  EXPECT_TRUE(run(Name, fed({{std::nullopt, -3, 3}})).empty());
  EXPECT_TRUE(run(Name, fed({})).empty());
}

TEST(UnnormalizedInput, Options) {
  rules::OptionMap O = {{"gradlint-unnormalized-input.MaxMagnitude", "2000"},
                        {"gradlint-unnormalized-input.RangeRatio", "5000"}};
  EXPECT_TRUE(run(Name, fed({{1, 0, 1000}, {9, 0, 1}}), O).empty());
  auto S = storedOptions(Name);
  EXPECT_EQ(S.at("gradlint-unnormalized-input.MaxMagnitude"), "10");
  EXPECT_EQ(S.at("gradlint-unnormalized-input.MinMagnitude"), "0.001");
  EXPECT_EQ(S.at("gradlint-unnormalized-input.RangeRatio"), "10");
}
