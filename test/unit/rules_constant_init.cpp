//===- test/unit/rules_constant_init.cpp - gradlint-constant-init ---------===//

#include "rules_helpers.h"

using namespace gradlint;
using namespace gradlint::test;
using ir::ActivationKind;
using ir::InitScheme;
using ir::LayerKind;

namespace {
const char *Name = "gradlint-constant-init";

ir::Model mlp() {
  return model("Net", {linear("fc1", 4, 8, 2), act(ActivationKind::ReLU, 3),
                       linear("fc2", 8, 8, 4), act(ActivationKind::ReLU, 5),
                       linear("fc3", 8, 1, 6)});
}
} // namespace

TEST(ConstantInit, ZeroedHiddenWeightFires) {
  ir::Program P;
  ir::Model M = mlp();
  M.Inits.push_back(init("fc1", InitScheme::Zeros, 10));
  P.Models.push_back(M);
  auto F = run(Name, P);
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Message,
            "every weight of 'fc1' is set to 0; its units start identical and "
            "learn as one until something else breaks the symmetry");
  EXPECT_EQ(F[0].Loc.Line, 10u);
  ASSERT_EQ(F[0].Notes.size(), 1u);
  EXPECT_EQ(F[0].Notes[0].Loc.Line, 2u);
  ASSERT_EQ(F[0].Claims.size(), 1u);
  EXPECT_EQ(F[0].Claims[0].What, ir::Metric::HiddenUnitSimilarity);
  EXPECT_EQ(F[0].Claims[0].Cmp, ir::Compare::Greater);
  EXPECT_EQ(F[0].Claims[0].TheFix.Kind, ir::FixKind::DefaultInit);
}

TEST(ConstantInit, ConstantAndOnesAndDegenerateRandomFire) {
  for (ir::Init I : {init("fc2", InitScheme::Constant, 10, 0.5),
                     init("fc2", InitScheme::Ones, 10),
                     init("fc2", InitScheme::Uniform, 10, 0.1, 0.1),
                     init("fc2", InitScheme::Normal, 10, 0.3, 0.0)}) {
    ir::Program P;
    ir::Model M = mlp();
    M.Inits.push_back(I);
    P.Models.push_back(M);
    EXPECT_EQ(run(Name, P).size(), 1u) << ir::name(I.Scheme);
  }
}

TEST(ConstantInit, AnonymousInitOverAllLinearsNamesTheCount) {
  ir::Program P;
  ir::Model M = mlp();
  ir::Init I = init("", InitScheme::Constant, 10, 0.01);
  I.KindFilter = LayerKind::Linear;
  M.Inits.push_back(I);
  P.Models.push_back(M);
  auto F = run(Name, P);
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Message.rfind("every weight of 'fc1' and 1 more layer is set to 0.01;", 0), 0u);
  EXPECT_EQ(F[0].Notes.size(), 2u);
}

TEST(ConstantInit, BiasZeroedSilent) {
  ir::Program P;
  ir::Model M = mlp();
  ir::Init I = init("fc1", InitScheme::Zeros, 10);
  I.Role = ir::ParamRole::Bias;
  M.Inits.push_back(I);
  ir::Init J = init("", InitScheme::Zeros, 11);
  J.Role = ir::ParamRole::Any;
  J.NameContains = "bias";
  M.Inits.push_back(J);
  P.Models.push_back(M);
  EXPECT_TRUE(run(Name, P).empty());
}

TEST(ConstantInit, OutputLayerSilent) {
  ir::Program P;
  ir::Model M = mlp();
  M.Inits.push_back(init("fc3", InitScheme::Zeros, 10));
  P.Models.push_back(M);
  EXPECT_TRUE(run(Name, P).empty());
}

TEST(ConstantInit, NormWeightOnesSilent) {
  ir::Program P;
  ir::Model M = mlp();
  M.Chain.insert(M.Chain.begin() + 1, layer(LayerKind::LayerNorm, 3, "norm"));
  M.Inits.push_back(init("norm", InitScheme::Ones, 10));
  P.Models.push_back(M);
  EXPECT_TRUE(run(Name, P).empty());
}

TEST(ConstantInit, DeadInitAndRandomInitAndUnknownChainSilent) {
  ir::Program P;
  ir::Model M = mlp();
  ir::Init Dead = init("fc1", InitScheme::Zeros, 10);
  Dead.Dead = true;
  M.Inits.push_back(Dead);
  M.Inits.push_back(init("fc2", InitScheme::XavierUniform, 11));
  M.Inits.push_back(init("fc2", InitScheme::Uniform, 12, -0.1, 0.1));
  P.Models.push_back(M);
  EXPECT_TRUE(run(Name, P).empty());
  ir::Program Q;
  ir::Model N = mlp();
  N.ChainKnown = false;
  N.Inits.push_back(init("fc1", InitScheme::Zeros, 10));
  Q.Models.push_back(N);
  EXPECT_TRUE(run(Name, Q).empty());
}
