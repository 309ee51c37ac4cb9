//===- test/unit/rules_unregistered_module.cpp ----------------------------===//

#include "rules_helpers.h"

using namespace gradlint;
using namespace gradlint::test;
using ir::LayerKind;

namespace {
const char *Name = "gradlint-unregistered-module";
ir::Member member(std::string N, LayerKind K, bool Registered, bool Used,
                  bool Tensor = false) {
  ir::Member M;
  M.Name = std::move(N);
  M.Kind = K;
  M.Registered = Registered;
  M.UsedInForward = Used;
  M.IsTensor = Tensor;
  M.Loc = loc(7, 21);
  return M;
}
} // namespace

TEST(UnregisteredModule, UnregisteredLinearAndTensorFire) {
  ir::Program P;
  ir::Model M = model("Net", {linear("fc1", 4, 8, 2)});
  M.ConstructorKnown = true;
  M.Members = {member("fc1", LayerKind::Linear, true, true),
               member("fc2", LayerKind::Linear, false, true),
               member("scale", LayerKind::Unknown, false, true, true)};
  P.Models.push_back(M);
  auto F = run(Name, P);
  ASSERT_EQ(F.size(), 2u);
  EXPECT_EQ(F[0].Message, "submodule 'fc2' is used in forward() but never "
                          "registered; its parameters are missing from "
                          "parameters(), so the optimizer never updates them");
  EXPECT_EQ(F[1].Message.rfind("tensor 'scale' is used in forward() but never registered;", 0), 0u);
}

TEST(UnregisteredModule, BuiltInForwardFires) {
  ir::Program P;
  ir::Layer L = linear("", 8, 1, 12);
  L.BuiltInForward = true;
  ir::Layer R = act(ir::ActivationKind::ReLU, 13);
  R.BuiltInForward = true;
  P.Models.push_back(model("Net", {linear("fc1", 4, 8, 2), R, L}));
  auto F = run(Name, P);
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Message, "Linear(8, 1) is constructed inside forward(); it "
                          "gets new random weights on every call and the "
                          "optimizer never sees them");
}

TEST(UnregisteredModule, Silent) {
  ir::Program P;
  ir::Model M = model("Net", {});
  M.ConstructorKnown = true;
  M.Members = {member("relu", LayerKind::Activation, false, true),
               member("pool", LayerKind::MaxPool, false, true),
               member("custom", LayerKind::Unknown, false, true),
               member("unused", LayerKind::Linear, false, false)};
  P.Models.push_back(M);
  ir::Model N = model("Header", {});
  N.ConstructorKnown = false;
  N.Members = {member("fc2", LayerKind::Linear, false, true)};
  P.Models.push_back(N);
  EXPECT_TRUE(run(Name, P).empty());
}

TEST(UnregisteredModule, ALayerOfTheChainIsMeasuredATensorOnlyProved) {
  ir::Program P;
  ir::Model M = model("Net", {linear("fc1", 4, 8, 2), linear("fc2", 8, 1, 3)});
  M.ConstructorKnown = true;
  M.Members = {member("fc1", LayerKind::Linear, true, true),
               member("fc2", LayerKind::Linear, false, true),
               member("scale", LayerKind::Unknown, false, true, true)};
  P.Models.push_back(M);
  auto F = run(Name, P);
  ASSERT_EQ(F.size(), 2u);
  EXPECT_EQ(F[0].Probe->Kind, ir::VerdictKind::Proven);
  ASSERT_EQ(F[0].Claims.size(), 1u);
  EXPECT_EQ(F[0].Claims[0].What, ir::Metric::UnmovedShare);
  EXPECT_EQ(F[0].Claims[0].ModelName, "Net");
  EXPECT_FALSE(F[1].Proof.empty());
  EXPECT_TRUE(F[1].Claims.empty());
}
