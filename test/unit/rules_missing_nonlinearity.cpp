//===- test/unit/rules_missing_nonlinearity.cpp ---------------------------===//

#include "rules_helpers.h"

using namespace gradlint;
using namespace gradlint::test;
using ir::ActivationKind;
using ir::LayerKind;

namespace {
const char *Name = "gradlint-missing-nonlinearity";
}

TEST(MissingNonlinearity, TwoLinearsInARowFire) {
  ir::Program P;
  P.Models.push_back(model("Net", {linear("fc1", 4, 16, 2), layer(LayerKind::Dropout, 3),
                                   linear("fc2", 16, 1, 4)}));
  auto F = run(Name, P);
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Message,
            "'fc2' is applied right after 'fc1' with nothing non-linear "
            "between; together they are one affine map and the extra layer "
            "adds no capacity");
  EXPECT_EQ(F[0].Loc.Line, 4u);
  EXPECT_EQ(F[0].Notes[0].Loc.Line, 2u);
}

TEST(MissingNonlinearity, BatchNormIsNotANonlinearity) {
  // At inference batch norm is a fixed per-channel affine map.
  ir::Program P;
  P.Models.push_back(model("Net", {linear("fc1", 4, 16, 2), layer(LayerKind::BatchNorm1d, 3),
                                   linear("fc2", 16, 1, 4)}));
  EXPECT_EQ(run(Name, P).size(), 1u);
}

TEST(MissingNonlinearity, Silent) {
  for (LayerKind Between : {LayerKind::MaxPool, LayerKind::LayerNorm, LayerKind::GroupNorm,
                            LayerKind::Unknown, LayerKind::AdaptivePool}) {
    ir::Program P;
    P.Models.push_back(model("Net", {linear("fc1", 4, 16, 2), layer(Between, 3),
                                     linear("fc2", 16, 1, 4)}));
    EXPECT_TRUE(run(Name, P).empty()) << ir::name(Between);
  }
  ir::Program P;
  P.Models.push_back(model("Net", {linear("fc1", 4, 16, 2), act(ActivationKind::ReLU, 3),
                                   linear("fc2", 16, 1, 4)}));
  EXPECT_TRUE(run(Name, P).empty());
}

TEST(MissingNonlinearity, LowRankOnlyWithOption) {
  // 512 -> 64 -> 512: the inner width is below both outer widths.
  ir::Program P;
  P.Models.push_back(model("Net", {linear("down", 512, 64, 2), linear("up", 64, 512, 3)}));
  EXPECT_TRUE(run(Name, P).empty());
  EXPECT_EQ(run(Name, P, {{"gradlint-missing-nonlinearity.IncludeLowRank", "true"}}).size(), 1u);
  // 512 -> 64 -> 10: not below 10, so one Linear(512, 10) does the same.
  ir::Program Q;
  Q.Models.push_back(model("Net", {linear("down", 512, 64, 2), linear("out", 64, 10, 3)}));
  EXPECT_EQ(run(Name, Q).size(), 1u);
}

TEST(MissingNonlinearity, UnknownWidthOrGroupsOnlyWithOption) {
  ir::Layer A = linear("fc1", 4, 16, 2);
  A.Out.reset();
  ir::Layer B = linear("fc2", 16, 1, 3);
  B.In.reset();
  ir::Program P;
  P.Models.push_back(model("Net", {A, B}));
  EXPECT_TRUE(run(Name, P).empty());
  // Convolutions: grouped (depthwise) or of unknown grouping stay quiet.
  ir::Layer Depthwise = conv2d("dw", 32, 32, 3, 2);
  Depthwise.Groups = 32;
  ir::Layer Pointwise = conv2d("pw", 32, 64, 1, 3);
  Pointwise.Groups = 1;
  ir::Program Q;
  Q.Models.push_back(model("Net", {Depthwise, Pointwise}));
  EXPECT_TRUE(run(Name, Q).empty());
  Depthwise.Groups = 1;
  ir::Program R;
  R.Models.push_back(model("Net", {Depthwise, Pointwise}));
  EXPECT_EQ(run(Name, R).size(), 1u);
  EXPECT_EQ(run(Name, Q, {{"gradlint-missing-nonlinearity.IncludeLowRank", "true"}}).size(), 1u);
}

TEST(MissingNonlinearity, NestedBlocksReportedAtTheBlock) {
  // A ConvBN block (conv -> bn, no activation) used twice in a row.
  auto Block = [](std::string Name, unsigned Line) {
    ir::Layer Conv = conv2d("conv", 16, 16, 3, 40);
    Conv.Groups = 1;
    ir::Layer B = layer(LayerKind::Sequential, Line, std::move(Name));
    B.ModuleClass = "ConvBN";
    B.Children = {Conv, layer(LayerKind::BatchNorm2d, 41, "bn")};
    return B;
  };
  ir::Program P;
  P.Models.push_back(model("Net", {Block("block1", 5), Block("block2", 6)}));
  auto F = run(Name, P);
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Message,
            "'conv' in 'block2' is applied right after 'conv' in 'block1' with "
            "nothing non-linear between; together they are one affine map and "
            "the extra layer adds no capacity");
  EXPECT_EQ(F[0].Loc.Line, 6u);
  EXPECT_EQ(F[0].Notes[0].Loc.Line, 5u);
}

TEST(MissingNonlinearity, OnByDefault) {
  for (const rules::CheckInfo &C : rules::allChecks()) {
    if (std::string(C.Name) == Name) {
      EXPECT_TRUE(C.DefaultOn);
    }
  }
  EXPECT_EQ(storedOptions(Name)["gradlint-missing-nonlinearity.IncludeLowRank"], "false");
}
