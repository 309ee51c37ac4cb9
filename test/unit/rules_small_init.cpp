//===- test/unit/rules_small_init.cpp - gradlint-small-init ---------------===//

#include "rules_helpers.h"

using namespace gradlint;
using namespace gradlint::test;
using ir::ActivationKind;
using ir::InitScheme;
using ir::LayerKind;

namespace {
const char *Name = "gradlint-small-init";

/// Seed example 1: Linear(10, 10) x2 + Linear(10, 1), sigmoid after each.
ir::Model seed(ActivationKind K = ActivationKind::Sigmoid) {
  return model("Net", {linear("fc1", 10, 10, 2), act(K, 3),
                       linear("fc2", 10, 10, 4), act(K, 5),
                       linear("fc3", 10, 1, 6), act(K, 7)});
}

std::vector<ir::Finding> runWith(ir::Init I, ir::Model M = seed(),
                                 const rules::OptionMap &O = {}) {
  ir::Program P;
  M.Inits.push_back(I);
  P.Models.push_back(M);
  return run(Name, P, O);
}

ir::Init allLinear(InitScheme S, std::optional<double> A = std::nullopt,
                   std::optional<double> B = std::nullopt) {
  ir::Init I = init("", S, 20, A, B);
  I.KindFilter = LayerKind::Linear;
  return I;
}
} // namespace

TEST(SmallInit, SeedUniformTinyFeedingSigmoidsFires) {
  auto F = runWith(allLinear(InitScheme::Uniform, 0.0, 0.01));
  ASSERT_EQ(F.size(), 1u);
  // RMS of U(0, 0.01) is sqrt(0.005^2 + 0.01^2/12) = 0.0058; 1/sqrt(10) = 0.32.
  EXPECT_EQ(F[0].Message,
            "uniform(0, 0.01) gives 'fc1' a weight scale of 0.0058, 55x below "
            "the 0.32 that 10 inputs into a sigmoid need; the signal shrinks "
            "at every layer and the output barely varies");
  EXPECT_EQ(F[0].Loc.Line, 20u);
  // fc1 and fc2; the output layer fc3 is left out.
  ASSERT_EQ(F[0].Notes.size(), 2u);
  EXPECT_EQ(F[0].Notes[1].Message,
            "'fc2' has 10 inputs into a sigmoid; it needs a weight scale near 0.32");
  ASSERT_EQ(F[0].Claims.size(), 1u);
  EXPECT_EQ(F[0].Claims[0].What, ir::Metric::OutputSpreadRatio);
  EXPECT_EQ(F[0].Claims[0].TheFix.Kind, ir::FixKind::DefaultInit);
}

TEST(SmallInit, NormalTinyBeforeReluUsesHe) {
  ir::Model M = model("Net", {linear("fc1", 784, 128, 2), act(ActivationKind::ReLU, 3),
                              linear("fc2", 128, 10, 4)});
  auto F = runWith(init("fc1", InitScheme::Normal, 9, 0.0, 0.001), M);
  ASSERT_EQ(F.size(), 1u);
  EXPECT_NE(F[0].Message.find("the 0.051 that 784 inputs into a relu need"),
            std::string::npos)
      << F[0].Message;
  // 0.01 * randn for 784 inputs is 5x below He: under the factor.
  EXPECT_TRUE(runWith(init("fc1", InitScheme::Normal, 9, 0.0, 0.01), M).empty());
}

TEST(SmallInit, ConvFanInCountsTheKernel) {
  ir::Model M = model("Net", {conv2d("conv1", 16, 32, 3, 2), act(ActivationKind::ReLU, 3),
                              conv2d("conv2", 32, 10, 3, 4)});
  // fan-in 144: He scale 0.118; N(0, 0.01) is 12x below.
  EXPECT_EQ(runWith(init("conv1", InitScheme::Normal, 9, 0.0, 0.01), M).size(), 1u);
  M.Chain[0].Kernel.reset();
  EXPECT_TRUE(runWith(init("conv1", InitScheme::Normal, 9, 0.0, 0.01), M).empty());
}

TEST(SmallInit, SoundSchemesSilent) {
  EXPECT_TRUE(runWith(allLinear(InitScheme::Default)).empty());
  EXPECT_TRUE(runWith(allLinear(InitScheme::XavierUniform)).empty());
  EXPECT_TRUE(runWith(allLinear(InitScheme::XavierNormal)).empty());
  EXPECT_TRUE(runWith(allLinear(InitScheme::KaimingNormal)).empty());
  EXPECT_TRUE(runWith(allLinear(InitScheme::KaimingUniform)).empty());
  // LibTorch's own default, written out: U(+-1/sqrt(fan_in)).
  EXPECT_TRUE(runWith(allLinear(InitScheme::Uniform, -0.316, 0.316)).empty());
  // Constants are gradlint-constant-init's.
  EXPECT_TRUE(runWith(allLinear(InitScheme::Zeros)).empty());
}

TEST(SmallInit, OutputLayerOnlySilent) {
  EXPECT_TRUE(runWith(init("fc3", InitScheme::Normal, 9, 0.0, 0.001)).empty());
}

TEST(SmallInit, UnknownFanInOrActivationSilent) {
  ir::Model M = seed();
  M.Chain[0].In.reset();
  EXPECT_TRUE(runWith(init("fc1", InitScheme::Uniform, 9, 0.0, 0.01), M).empty());
  ir::Model N = seed();
  N.Chain[1].Act = ActivationKind::Unknown;
  EXPECT_TRUE(runWith(init("fc1", InitScheme::Uniform, 9, 0.0, 0.01), N).empty());
  ir::Model K = seed();
  K.Chain.insert(K.Chain.begin() + 1, layer(LayerKind::BatchNorm1d, 3));
  EXPECT_TRUE(runWith(init("fc1", InitScheme::Uniform, 9, 0.0, 0.01), K).empty());
  ir::Init Dead = init("fc1", InitScheme::Uniform, 9, 0.0, 0.01);
  Dead.Dead = true;
  EXPECT_TRUE(runWith(Dead).empty());
}

TEST(SmallInit, FactorOption) {
  rules::OptionMap O = {{"gradlint-small-init.Factor", "100"}};
  EXPECT_TRUE(runWith(allLinear(InitScheme::Uniform, 0.0, 0.01), seed(), O).empty());
  EXPECT_EQ(storedOptions(Name).at("gradlint-small-init.Factor"), "10");
  EXPECT_EQ(storedOptions(Name, O).at("gradlint-small-init.Factor"), "100");
}

// The DCGAN discriminator: N(0, 0.02) on Conv2d(3, 64, 4) (48 inputs into a
// leaky_relu, 10x below He), whose output reaches a BatchNorm through a
// leaky_relu and a convolution: they only rescale it, the norm undoes it.
TEST(SmallInit, RescaledIntoBatchNormIsQuiet) {
  ir::Model M = model("D", {conv2d("c1", 3, 64, 4, 2), act(ActivationKind::LeakyReLU, 3),
                            conv2d("c2", 64, 128, 4, 4), layer(LayerKind::BatchNorm2d, 5),
                            act(ActivationKind::LeakyReLU, 6), conv2d("c3", 128, 1, 4, 7)});
  EXPECT_TRUE(runWith(init("c1", InitScheme::Normal, 9, 0.0, 0.02), M).empty());
}

// A sigmoid between the layer and the norm does more than rescale: reported.
TEST(SmallInit, SigmoidBeforeBatchNormFires) {
  ir::Model M = model("D", {linear("fc1", 100, 64, 2), act(ActivationKind::Sigmoid, 3),
                            linear("fc2", 64, 64, 4), layer(LayerKind::BatchNorm1d, 5),
                            act(ActivationKind::ReLU, 6), linear("fc3", 64, 1, 7)});
  EXPECT_EQ(runWith(init("fc1", InitScheme::Normal, 9, 0.0, 0.001), M).size(), 1u);
}

// A layer norm behind another affine layer does not remove its bias: the
// exemption stops there.
TEST(SmallInit, LayerNormBehindAffineFires) {
  ir::Model M = model("D", {linear("fc1", 100, 64, 2), act(ActivationKind::ReLU, 3),
                            linear("fc2", 64, 64, 4), layer(LayerKind::LayerNorm, 5),
                            act(ActivationKind::ReLU, 6), linear("fc3", 64, 1, 7)});
  EXPECT_EQ(runWith(init("fc1", InitScheme::Normal, 9, 0.0, 0.001), M).size(), 1u);
}
