//===- test/unit/rules_exploding_init.cpp - gradlint-exploding-init -------===//

#include "rules_helpers.h"

using namespace gradlint;
using namespace gradlint::test;
using ir::ActivationKind;
using ir::InitScheme;

namespace {
const char *Name = "gradlint-exploding-init";
ir::Model mlp() {
  return model("Net", {linear("fc1", 784, 128, 2), act(ActivationKind::ReLU, 3),
                       linear("fc2", 128, 10, 4)});
}
std::vector<ir::Finding> runWith(ir::Init I, const rules::OptionMap &O = {}) {
  ir::Program P;
  ir::Model M = mlp();
  M.Inits.push_back(I);
  P.Models.push_back(M);
  return run(Name, P, O);
}
} // namespace

TEST(ExplodingInit, StandardNormalWithManyInputsFires) {
  auto F = runWith(init("fc1", InitScheme::Normal, 9, 0.0, 1.0));
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Message,
            "normal(0, 1) gives 'fc1' a weight scale of 1, 20x above the 0.051 "
            "that 784 inputs into a relu need; activations and gradients grow "
            "at every layer and can overflow to inf or NaN");
  ASSERT_EQ(F[0].Claims.size(), 1u);
  EXPECT_EQ(F[0].Claims[0].What, ir::Metric::ActivationSpreadRatio);
}

TEST(ExplodingInit, OutputLayerCounts) {
  // fc2: 128 inputs, no activation: 1/sqrt(128) = 0.088; U(-5, 5) RMS 2.9.
  EXPECT_EQ(runWith(init("fc2", InitScheme::Uniform, 9, -5.0, 5.0)).size(), 1u);
}

TEST(ExplodingInit, SoundSchemesSilent) {
  EXPECT_TRUE(runWith(init("fc1", InitScheme::KaimingNormal, 9)).empty());
  EXPECT_TRUE(runWith(init("fc1", InitScheme::XavierUniform, 9)).empty());
  EXPECT_TRUE(runWith(init("fc1", InitScheme::Default, 9)).empty());
  EXPECT_TRUE(runWith(init("fc1", InitScheme::Normal, 9, 0.0, 0.1)).empty());
}

TEST(ExplodingInit, FactorOption) {
  rules::OptionMap O = {{"gradlint-exploding-init.Factor", "50"}};
  EXPECT_TRUE(runWith(init("fc1", InitScheme::Normal, 9, 0.0, 1.0), O).empty());
  EXPECT_EQ(storedOptions(Name).at("gradlint-exploding-init.Factor"), "10");
}
