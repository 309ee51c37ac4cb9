//===- test/unit/rules_loss_mismatch.cpp - gradlint-loss-mismatch ---------===//

#include "rules_helpers.h"

using namespace gradlint;
using namespace gradlint::test;
using ir::ActivationKind;
using ir::LossKind;
using ir::StepOp;

namespace {
const char *Name = "gradlint-loss-mismatch";
ir::Program classifier(ActivationKind Out, LossKind L,
                       std::vector<ActivationKind> CallSite = {}) {
  ir::Program P;
  std::vector<ir::Layer> Chain = {linear("fc1", 4, 16, 2), act(ActivationKind::ReLU, 3),
                                  linear("fc2", 16, 3, 4)};
  if (Out != ActivationKind::Identity)
    Chain.push_back(act(Out, 5));
  P.Models.push_back(model("Net", Chain));
  ir::StepNode Loss = event(StepOp::Loss, 22);
  Loss.Ev.Loss = L;
  Loss.Ev.CallSiteActs = CallSite;
  Loss.Ev.CallSiteActLoc = loc(22, 30);
  P.Trainings.push_back(training({loop(20, {event(StepOp::Forward, 21, "model", "Net"),
                                            Loss, event(StepOp::Backward, 23),
                                            event(StepOp::Step, 24, "optimizer")})}));
  return P;
}
} // namespace

TEST(LossMismatch, SoftmaxIntoCrossEntropyFires) {
  auto F = run(Name, classifier(ActivationKind::Softmax, LossKind::CrossEntropy));
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Message.rfind("softmax before cross_entropy, which applies log_softmax itself;", 0), 0u);
  EXPECT_EQ(F[0].Loc.Line, 5u);
  ASSERT_EQ(F[0].Claims.size(), 1u);
  EXPECT_EQ(F[0].Claims[0].What, ir::Metric::OutputGradNorm);
  EXPECT_EQ(F[0].Claims[0].TheFix.Kind, ir::FixKind::RemoveOutputActivation);
}

TEST(LossMismatch, OtherMismatchesFire) {
  EXPECT_EQ(run(Name, classifier(ActivationKind::Softmax, LossKind::NLL)).size(), 1u);
  EXPECT_EQ(run(Name, classifier(ActivationKind::Identity, LossKind::NLL)).size(), 1u);
  EXPECT_EQ(run(Name, classifier(ActivationKind::Sigmoid, LossKind::BCEWithLogits)).size(), 1u);
  auto F = run(Name, classifier(ActivationKind::Identity, LossKind::BCE));
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Loc.Line, 22u); // at the loss: the loss is the wrong choice
  EXPECT_EQ(run(Name, classifier(ActivationKind::Tanh, LossKind::BCE)).size(), 1u);
}

TEST(LossMismatch, CallSiteSoftmaxFires) {
  auto F = run(Name, classifier(ActivationKind::Identity, LossKind::NLL,
                                {ActivationKind::Softmax}));
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Loc.Column, 30u);
}

TEST(LossMismatch, SoundPairingsSilent) {
  EXPECT_TRUE(run(Name, classifier(ActivationKind::LogSoftmax, LossKind::NLL)).empty());
  EXPECT_TRUE(run(Name, classifier(ActivationKind::Identity, LossKind::CrossEntropy)).empty());
  EXPECT_TRUE(run(Name, classifier(ActivationKind::Identity, LossKind::BCEWithLogits)).empty());
  EXPECT_TRUE(run(Name, classifier(ActivationKind::Sigmoid, LossKind::BCE)).empty());
  EXPECT_TRUE(run(Name, classifier(ActivationKind::Identity, LossKind::NLL,
                                   {ActivationKind::LogSoftmax})).empty());
  EXPECT_TRUE(run(Name, classifier(ActivationKind::Unknown, LossKind::NLL)).empty());
}
