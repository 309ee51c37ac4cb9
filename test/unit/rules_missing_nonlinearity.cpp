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

TEST(MissingNonlinearity, Silent) {
  for (LayerKind Between : {LayerKind::MaxPool, LayerKind::BatchNorm1d,
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

TEST(MissingNonlinearity, OffByDefault) {
  for (const rules::CheckInfo &C : rules::allChecks())
    if (std::string(C.Name) == Name)
      EXPECT_FALSE(C.DefaultOn);
}
