//===- test/unit/runtime_structural.cpp - Evidence for structural checks --===//
//
// The structural checks' findings: a proof stands as the verdict (Proven)
// and the probe shows it where it can train the program; the claims of
// optimizer-in-loop, eval-mode training and incomplete step compare the
// loss as written with the loss fixed (CreateOptimizerOnce, TrainMode,
// CompleteStep).
//
//===----------------------------------------------------------------------===//

#include "runtime_programs.h"

#include "rules/Chain.h"
#include "runtime/Probe.h"
#include "runtime/Setup.h"
#include "runtime/Trainer.h"

#include <gtest/gtest.h>

using namespace gradlint;
using namespace gradlint::testing;
using ir::Compare;
using ir::FixKind;
using ir::Metric;
using ir::VerdictKind;
using probe::Action;

namespace {

ir::Verdict probeOne(const ir::Program &P, ir::Finding F) {
  std::vector<ir::Finding> Fs{std::move(F)};
  probe::probeFindings(P, Fs, probe::ProbeOptions());
  EXPECT_TRUE(Fs[0].Probe.has_value());
  return *Fs[0].Probe;
}

/// A learnable program: ReLU 8-16-1 on randn input, targets the mean of
/// the inputs, 100 steps.
ProgramSpec learnable() {
  ProgramSpec S;
  S.Features = 8;
  S.InputDist = ir::DataDist::Normal;
  S.InputBlocks = {block(8, -1, 1)};
  S.Chain = {linear(8, 16, "fc0"), act(ir::ActivationKind::ReLU),
             linear(16, 1, "out")};
  S.TargetFormula = {"@x", "mean1"};
  S.Trips = 100;
  S.LR = 1e-2;
  return S;
}

ir::StepNode &loopOf(ir::Program &P) { return P.Trainings.front().Body.front(); }

void buildOptimizerInLoop(ir::Program &P) {
  ir::StepNode O = event(ir::StepOp::Optimizer, "opt");
  O.Ev.OptimizerIndex = 0;
  loopOf(P).Children.insert(loopOf(P).Children.begin(), O);
}

ir::Finding withProof(ir::Finding F, const std::string &Proof) {
  rules::prove(F, Proof);
  return F;
}

} // namespace

TEST(RuntimeStructural, ProofWithoutClaimIsProvenWithoutProbing) {
  ir::Finding F = withProof(finding("gradlint-shape-mismatch", {}),
                            "Linear(32, 1) receives 16 features");
  ASSERT_TRUE(F.Probe);
  EXPECT_EQ(F.Probe->Kind, VerdictKind::Proven); // shown with --no-probe too
  ir::Verdict V = probeOne(makeProgram(learnable()), F);
  EXPECT_EQ(V.Kind, VerdictKind::Proven);
  EXPECT_EQ(V.Summary, "Linear(32, 1) receives 16 features");
  EXPECT_EQ(ir::verdictNote(V), "proof: Linear(32, 1) receives 16 features");
  EXPECT_EQ(ir::name(V.Kind), "proven");
}

TEST(RuntimeStructural, OrphanOptimizerProofIsMeasured) {
  ir::Program P = makeProgram(learnable());
  P.Optimizers[0].ModelName = "Other";
  ir::Verdict V = probeOne(
      P, withProof(finding("gradlint-orphan-optimizer",
                           {claim(Metric::UnmovedShare, Compare::Greater, 0.999,
                                  FixKind::None)}),
                   "'opt' holds another model"));
  EXPECT_EQ(V.Kind, VerdictKind::Proven) << V.Summary;
  EXPECT_EQ(V.AsWritten.at("unmoved_share"), 1);
  EXPECT_EQ(V.Summary.rfind("'opt' holds another model; the probe measures it "
                            "in 10 of 10 seeds: over 100 Adam steps, 100% of",
                            0),
            0u)
      << V.Summary;
}

TEST(RuntimeStructural, AProofTheProbeContradictsIsInconclusiveNotDowngraded) {
  // The optimizer does hold the model: its weights move, so the proof's
  // premise is wrong for this IR. Never "not confirmed" for a proof.
  ir::Verdict V = probeOne(
      makeProgram(learnable()),
      withProof(finding("gradlint-orphan-optimizer",
                        {claim(Metric::UnmovedShare, Compare::Greater, 0.999,
                               FixKind::None)}),
                "'opt' holds another model"));
  EXPECT_EQ(V.Kind, VerdictKind::Inconclusive) << V.Summary;
  EXPECT_NE(V.Summary.find("the code proves: 'opt' holds another model"),
            std::string::npos);
}

TEST(RuntimeStructural, UnregisteredLayerNeverMoves) {
  ir::Program P = makeProgram(learnable());
  ir::Model &M = P.Models.front();
  M.ConstructorKnown = true;
  ir::Member Out;
  Out.Name = "out";
  Out.Kind = ir::LayerKind::Linear;
  Out.UsedInForward = true;
  M.Members.push_back(Out);
  auto S = probe::resolveSetup(P, "Net");
  ASSERT_TRUE(S.isOk());
  EXPECT_EQ(S->Frozen.count("out"), 1u);
  auto Ms = probe::train(*S, 20, 7);
  ASSERT_TRUE(Ms.isOk());
  // fc0's weight and bias move, out's never do: 2 of 4 tensors.
  EXPECT_EQ(Ms->at("unmoved_share"), 0.5);
  M.Members.front().Registered = true;
  auto R = probe::resolveSetup(P, "Net");
  EXPECT_TRUE(R->Frozen.empty());
  EXPECT_EQ(probe::train(*R, 20, 7)->at("unmoved_share"), 0);
}

TEST(RuntimeStructural, GradientDisabledReachesNoWeight) {
  ir::Program P = makeProgram(learnable());
  for (ir::StepNode &E : loopOf(P).Children)
    if (E.Ev.Op == ir::StepOp::Loss)
      E.Ev.GradDisabledBy = "NoGradGuard"; // the loss under the guard too
  ir::Verdict V = probeOne(P, finding("gradlint-gradient-disabled",
                                      {claim(Metric::WeightGradNorm, Compare::Less,
                                             1e-12, FixKind::None)}));
  EXPECT_EQ(V.Kind, VerdictKind::Confirmed) << V.Summary;
  EXPECT_EQ(V.AsWritten.at("weight_grad_norm"), 0);
}

TEST(RuntimeStructural, OptimizerRebuiltEachStepUnderAdamIsConfirmed) {
  ir::Program P = makeProgram(learnable());
  buildOptimizerInLoop(P);
  ir::Verdict V = probeOne(P, finding("gradlint-optimizer-in-loop",
                                      {claim(Metric::LossRatio, Compare::Greater,
                                             1.1, FixKind::CreateOptimizerOnce)}));
  EXPECT_EQ(V.Kind, VerdictKind::Confirmed) << V.Summary;
  EXPECT_GT(V.AsWritten.at("loss_ratio"), 1.1);
  EXPECT_EQ(V.Fixed.at("loss_ratio"), 1);
}

TEST(RuntimeStructural, OptimizerRebuiltUnderPlainSgdChangesNothing) {
  // Plain SGD keeps no state: the written and the fixed runs are the same
  // run, the loss ratio is exactly 1, and the verdict must say so.
  ProgramSpec S = learnable();
  S.Opt = ir::OptimizerKind::SGD;
  ir::Program P = makeProgram(S);
  buildOptimizerInLoop(P);
  ir::Verdict V = probeOne(P, finding("gradlint-optimizer-in-loop",
                                      {claim(Metric::LossRatio, Compare::Greater,
                                             1.1, FixKind::CreateOptimizerOnce)}));
  EXPECT_EQ(V.Kind, VerdictKind::NotConfirmed) << V.Summary;
  EXPECT_EQ(V.AsWritten.at("loss_ratio"), 1);
}

TEST(RuntimeStructural, OptimizerBuiltOncePerEpochResetsEveryEpoch) {
  // for (epoch < 4) { Adam opt(...); for (batch < 25) { step } }
  ir::Program P = makeProgram(learnable());
  ir::StepNode Inner = loopOf(P);
  Inner.Trips = 25;
  ir::StepNode Outer;
  Outer.Kind = ir::StepNode::Loop;
  Outer.Trips = 4;
  ir::StepNode O = event(ir::StepOp::Optimizer, "opt");
  O.Ev.OptimizerIndex = 0;
  Outer.Children = {O, Inner};
  P.Trainings.front().Body = {Outer};
  auto S = probe::resolveSetup(P, "Net");
  ASSERT_TRUE(S.isOk());
  EXPECT_EQ(S->ResetEvery, 25);
  EXPECT_EQ(*S->LoopSteps, 100);
  ir::Fix F;
  F.Kind = FixKind::CreateOptimizerOnce;
  EXPECT_TRUE(probe::applyFix(*S, F).isOk());
  EXPECT_EQ(S->ResetEvery, 0);
  // Nothing to remove: the fix cannot be trained, so the claim is not
  // probed rather than compared with an identical run.
  EXPECT_FALSE(probe::applyFix(*S, F).isOk());
}

TEST(RuntimeStructural, TrainModeReplacesEval) {
  ir::Program P = makeProgram(learnable());
  auto &B = P.Trainings.front().Body;
  B.insert(B.begin(), event(ir::StepOp::Eval, "model", "Net"));
  auto S = probe::resolveSetup(P, "Net");
  ASSERT_TRUE(S.isOk());
  ASSERT_EQ(S->Once, std::vector<Action>{Action::Eval});
  ir::Fix F;
  F.Kind = FixKind::TrainMode;
  ASSERT_TRUE(probe::applyFix(*S, F).isOk());
  EXPECT_EQ(S->Once, std::vector<Action>{Action::Train});
  EXPECT_FALSE(probe::applyFix(*S, F).isOk());
}

TEST(RuntimeStructural, CompleteStepRestoresTheOrder) {
  ir::Fix F;
  F.Kind = FixKind::CompleteStep;
  probe::TrainingSetup S;
  // zero_grad() between backward() and step().
  S.Each = {Action::Forward, Action::Loss, Action::Backward, Action::ZeroGrad,
            Action::Step};
  ASSERT_TRUE(probe::applyFix(S, F).isOk());
  EXPECT_EQ(S.Each, (std::vector<Action>{Action::ZeroGrad, Action::Forward,
                                         Action::Loss, Action::Backward,
                                         Action::Step}));
  // backward() without step(), no zero_grad() at all: none is added.
  S.Each = {Action::Forward, Action::Loss, Action::Backward};
  ASSERT_TRUE(probe::applyFix(S, F).isOk());
  EXPECT_EQ(S.Each, (std::vector<Action>{Action::Forward, Action::Loss,
                                         Action::Backward, Action::Step}));
  // step() without backward().
  S.Each = {Action::ZeroGrad, Action::Forward, Action::Loss, Action::Step};
  ASSERT_TRUE(probe::applyFix(S, F).isOk());
  EXPECT_EQ(S.Each, (std::vector<Action>{Action::ZeroGrad, Action::Forward,
                                         Action::Loss, Action::Backward,
                                         Action::Step}));
}

TEST(RuntimeStructural, BackwardWithoutStepIsProvenAndMeasured) {
  ir::Program P = makeProgram(learnable());
  auto &C = loopOf(P).Children;
  C.erase(C.end() - 1); // no step()
  ir::Verdict V = probeOne(
      P, withProof(finding("gradlint-incomplete-step",
                           {claim(Metric::RelativeUpdate, Compare::Less, 1e-12,
                                  FixKind::CompleteStep)}),
                   "no step()"));
  EXPECT_EQ(V.Kind, VerdictKind::Proven) << V.Summary;
  EXPECT_EQ(V.AsWritten.at("relative_update"), 0);
  EXPECT_GT(V.Fixed.at("relative_update"), 1e-4);
  EXPECT_LT(V.Fixed.at("task_loss"), V.AsWritten.at("task_loss"));
}
