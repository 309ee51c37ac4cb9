//===- test/unit/rules_saturating_stack.cpp - gradlint-saturating-stack ---===//

#include "rules_helpers.h"

using namespace gradlint;
using namespace gradlint::test;
using ir::ActivationKind;
using ir::LayerKind;

namespace {
const char *Name = "gradlint-saturating-stack";

ir::Model seedExample(ActivationKind K = ActivationKind::Sigmoid) {
  return model("Net", {linear("fc1", 10, 10, 2), act(K, 3),
                       linear("fc2", 10, 10, 4), act(K, 5),
                       linear("fc3", 10, 1, 6), act(K, 7)});
}
} // namespace

TEST(SaturatingStack, ThreeSigmoidsFire) {
  ir::Program P;
  P.Models.push_back(seedExample());
  auto F = run(Name, P);
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Message,
            "3 sigmoid activations in a row with nothing between to keep "
            "gradients alive; each multiplies the gradient by at most 0.25");
  EXPECT_EQ(F[0].Loc.Line, 3u);
  ASSERT_EQ(F[0].Notes.size(), 2u);
  EXPECT_EQ(F[0].Notes[0].Loc.Line, 5u);
  EXPECT_EQ(F[0].Notes[0].Message, "sigmoid 2 of 3 here");
  EXPECT_EQ(F[0].Notes[1].Message, "sigmoid 3 of 3 here");
  ASSERT_EQ(F[0].Claims.size(), 1u);
  EXPECT_EQ(F[0].Claims[0].What, ir::Metric::FirstLastGradRatio);
  EXPECT_EQ(F[0].Claims[0].TheFix.Kind, ir::FixKind::ReplaceActivations);
  EXPECT_EQ(F[0].Claims[0].ModelName, "Net");
}

TEST(SaturatingStack, TanhAndMixedMessages) {
  ir::Program P;
  P.Models.push_back(seedExample(ActivationKind::Tanh));
  auto F = run(Name, P);
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Message.rfind("3 tanh activations in a row", 0), 0u);
  P.Models[0].Chain[3].Act = ActivationKind::Sigmoid;
  F = run(Name, P);
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Message.rfind("3 sigmoid/tanh activations in a row", 0), 0u);
}

TEST(SaturatingStack, TwoSigmoidsSilent) {
  ir::Program P;
  P.Models.push_back(model("Net", {linear("fc1", 10, 10, 2),
                                   act(ActivationKind::Sigmoid, 3),
                                   linear("fc2", 10, 1, 4),
                                   act(ActivationKind::Sigmoid, 5)}));
  EXPECT_TRUE(run(Name, P).empty());
}

TEST(SaturatingStack, NormalisationOrResidualBreaksTheRun) {
  for (LayerKind Between : {LayerKind::BatchNorm1d, LayerKind::LayerNorm,
                            LayerKind::Residual, LayerKind::Unknown}) {
    ir::Program P;
    ir::Model M = seedExample();
    M.Chain.insert(M.Chain.begin() + 2, layer(Between, 4));
    P.Models.push_back(M);
    EXPECT_TRUE(run(Name, P).empty()) << ir::name(Between);
  }
}

TEST(SaturatingStack, ReluBetweenBreaksTheRun) {
  ir::Program P;
  ir::Model M = seedExample();
  M.Chain[3].Act = ActivationKind::ReLU;
  P.Models.push_back(M);
  EXPECT_TRUE(run(Name, P).empty());
}

TEST(SaturatingStack, DropoutDoesNotBreakTheRun) {
  ir::Program P;
  ir::Model M = seedExample();
  M.Chain.insert(M.Chain.begin() + 2, layer(LayerKind::Dropout, 4));
  P.Models.push_back(M);
  EXPECT_EQ(run(Name, P).size(), 1u);
}

TEST(SaturatingStack, NestedSequentialIsFlattened) {
  ir::Program P;
  ir::Layer Inner = layer(LayerKind::Sequential, 2);
  Inner.Children = {linear("", 10, 10, 2), act(ActivationKind::Sigmoid, 3),
                    linear("", 10, 10, 4), act(ActivationKind::Sigmoid, 5)};
  P.Models.push_back(model("Seq", {Inner, linear("", 10, 1, 6),
                                   act(ActivationKind::Sigmoid, 7)}));
  EXPECT_EQ(run(Name, P).size(), 1u);
}

TEST(SaturatingStack, UnknownChainSilent) {
  ir::Program P;
  ir::Model M = seedExample();
  M.ChainKnown = false;
  P.Models.push_back(M);
  EXPECT_TRUE(run(Name, P).empty());
}

TEST(SaturatingStack, MinDepthOption) {
  ir::Program P;
  P.Models.push_back(model("Net", {linear("fc1", 10, 10, 2),
                                   act(ActivationKind::Tanh, 3),
                                   linear("fc2", 10, 1, 4),
                                   act(ActivationKind::Tanh, 5)}));
  rules::OptionMap O = {{"gradlint-saturating-stack.MinDepth", "2"}};
  EXPECT_EQ(run(Name, P, O).size(), 1u);
  EXPECT_EQ(storedOptions(Name, O).at("gradlint-saturating-stack.MinDepth"), "2");
  EXPECT_EQ(storedOptions(Name).at("gradlint-saturating-stack.MinDepth"), "3");
}

TEST(SaturatingStack, BadOptionIsAnError) {
  std::vector<std::string> Errors;
  auto C = rules::createCheck(Name, {{"gradlint-saturating-stack.MinDepth", "x"}},
                              Errors);
  EXPECT_EQ(Errors.size(), 1u);
}
