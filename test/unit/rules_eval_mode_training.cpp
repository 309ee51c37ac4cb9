//===- test/unit/rules_eval_mode_training.cpp - gradlint-eval-mode-training ===//

#include "rules_helpers.h"

using namespace gradlint;
using namespace gradlint::test;
using ir::LayerKind;
using ir::StepOp;

namespace {
const char *Name = "gradlint-eval-mode-training";
ir::Program prog(std::vector<ir::StepNode> Body, bool Dropout = true) {
  ir::Program P;
  std::vector<ir::Layer> Chain = {linear("fc1", 4, 8, 2)};
  if (Dropout)
    Chain.push_back(layer(LayerKind::Dropout, 3));
  Chain.push_back(linear("fc2", 8, 1, 4));
  P.Models.push_back(model("Net", Chain));
  P.Optimizers.push_back(optimizer(ir::OptimizerKind::Adam, 1e-3, 5, "optimizer", "Net"));
  P.Trainings.push_back(training(std::move(Body)));
  return P;
}
ir::StepNode ev(StepOp Op, unsigned L) { return event(Op, L, "model", "Net"); }
} // namespace

TEST(EvalModeTraining, EvalAtEndOfEpochWrapsAroundFires) {
  auto F = run(Name, prog({loop(10, {loop(11, {ev(StepOp::Forward, 12),
                                               event(StepOp::Backward, 13), stp(14)}),
                                     ev(StepOp::Eval, 16), ev(StepOp::Forward, 17)})}));
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Message, "'model' is switched to eval mode here and is still "
                          "in it when the optimizer steps in the next loop "
                          "iteration; dropout is off while it trains");
  EXPECT_EQ(F[0].Loc.Line, 16u);
  EXPECT_EQ(F[0].Notes[0].Loc.Line, 14u);
}

TEST(EvalModeTraining, EvalBeforeTrainingFires) {
  auto F = run(Name, prog({ev(StepOp::Eval, 9), loop(10, {ev(StepOp::Forward, 12),
                                                           event(StepOp::Backward, 13), stp(14)})}));
  ASSERT_EQ(F.size(), 1u);
}

TEST(EvalModeTraining, Silent) {
  // train() at the top of the epoch.
  EXPECT_TRUE(run(Name, prog({loop(10, {ev(StepOp::Train, 11),
                                        loop(12, {ev(StepOp::Forward, 13),
                                                  event(StepOp::Backward, 14), stp(15)}),
                                        ev(StepOp::Eval, 16), ev(StepOp::Forward, 17)})}))
                  .empty());
  // No dropout or batch norm: eval mode changes nothing.
  EXPECT_TRUE(run(Name, prog({ev(StepOp::Eval, 9), loop(10, {ev(StepOp::Forward, 12),
                                                              event(StepOp::Backward, 13), stp(14)})},
                             /*Dropout=*/false))
                  .empty());
}

TEST(EvalModeTraining, DropoutOnlyIsAProofBatchNormAClaim) {
  std::vector<ir::StepNode> Body = {
      ev(StepOp::Eval, 9),
      loop(10, {ev(StepOp::Forward, 12), event(StepOp::Backward, 13), stp(14)})};
  auto F = run(Name, prog(Body));
  ASSERT_EQ(F.size(), 1u);
  EXPECT_TRUE(F[0].Claims.empty());
  EXPECT_EQ(F[0].Probe->Kind, ir::VerdictKind::Proven);
  ir::Program P = prog(Body, /*Dropout=*/false);
  P.Models[0].Chain.insert(P.Models[0].Chain.begin() + 1,
                           layer(LayerKind::BatchNorm1d, 3));
  F = run(Name, P);
  ASSERT_EQ(F.size(), 1u);
  EXPECT_TRUE(F[0].Proof.empty());
  ASSERT_EQ(F[0].Claims.size(), 1u);
  EXPECT_EQ(F[0].Claims[0].What, ir::Metric::LossRatio);
  EXPECT_EQ(F[0].Claims[0].TheFix.Kind, ir::FixKind::TrainMode);
  EXPECT_EQ(F[0].Claims[0].ModelName, "Net");
}
