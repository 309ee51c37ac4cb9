//===- test/unit/rules_shape_mismatch.cpp - gradlint-shape-mismatch -------===//

#include "rules_helpers.h"

using namespace gradlint;
using namespace gradlint::test;
using ir::ActivationKind;
using ir::LayerKind;

namespace {
const char *Name = "gradlint-shape-mismatch";
}

TEST(ShapeMismatch, LinearSizesDisagreeThroughActivationAndDropout) {
  ir::Program P;
  P.Models.push_back(model("Net", {linear("fc1", 784, 128, 2), act(ActivationKind::ReLU, 3),
                                   layer(LayerKind::Dropout, 4), linear("fc2", 64, 10, 5)}));
  auto F = run(Name, P);
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Message, "'fc2' expects 64 input features but 'fc1' produces "
                          "128; the forward pass fails with a shape error");
  EXPECT_EQ(F[0].Loc.Line, 5u);
  EXPECT_EQ(F[0].Notes[0].Message, "'fc1' produces 128 features here");
}

TEST(ShapeMismatch, ConvChannels) {
  ir::Program P;
  P.Models.push_back(model("Net", {conv2d("conv1", 1, 16, 3, 2), act(ActivationKind::ReLU, 3),
                                   layer(LayerKind::MaxPool, 4), conv2d("conv2", 32, 64, 3, 5)}));
  auto F = run(Name, P);
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Message, "'conv2' expects 32 input channels but 'conv1' "
                          "produces 16; the forward pass fails with a shape error");
}

TEST(ShapeMismatch, Silent) {
  ir::Program P;
  // Flatten between conv and linear: the size is not computable.
  P.Models.push_back(model("Conv", {conv2d("conv1", 1, 16, 3, 2), layer(LayerKind::Flatten, 3),
                                    linear("fc", 9999, 10, 4)}));
  // Sound chain.
  P.Models.push_back(model("Mlp", {linear("fc1", 784, 128, 2), act(ActivationKind::ReLU, 3),
                                   linear("fc2", 128, 10, 4)}));
  // Unknown size.
  ir::Layer U = linear("fc1", 4, 8, 2);
  U.Out.reset();
  P.Models.push_back(model("Runtime", {U, linear("fc2", 16, 1, 3)}));
  EXPECT_TRUE(run(Name, P).empty());
}

TEST(ShapeMismatch, TheSizesAreTheProof) {
  ir::Program P;
  P.Models.push_back(model("Net", {linear("fc1", 784, 128, 2), linear("fc2", 64, 10, 5)}));
  auto F = run(Name, P);
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Proof, "'fc2' receives 128 features where it needs 64, so "
                        "the forward pass stops there with a shape error "
                        "before any step");
  EXPECT_TRUE(F[0].Claims.empty());
  EXPECT_EQ(F[0].Probe->Kind, ir::VerdictKind::Proven);
}
