//===- test/unit/runtime_probe.cpp - Verdicts on known networks -----------===//

#include "runtime_programs.h"

#include "runtime/Probe.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <ctime>

using namespace gradlint;
using namespace gradlint::testing;
using ir::ActivationKind;
using ir::Compare;
using ir::FixKind;
using ir::Metric;
using ir::VerdictKind;

namespace {

ir::Verdict probeOne(const ir::Program &P, ir::Finding F) {
  std::vector<ir::Finding> Fs{std::move(F)};
  probe::probeFindings(P, Fs, probe::ProbeOptions());
  EXPECT_TRUE(Fs[0].Probe.has_value());
  return *Fs[0].Probe;
}

ir::Finding saturatingStack() {
  return finding("gradlint-saturating-stack",
                 {claim(Metric::FirstLastGradRatio, Compare::Less, 1e-2,
                        FixKind::ReplaceActivations, 10)});
}

ir::Finding smallInit() {
  return finding("gradlint-small-init",
                 {claim(Metric::OutputSpreadRatio, Compare::Less, 1e-2,
                        FixKind::DefaultInit, 10)});
}

ir::Finding tinyRate() {
  return finding("gradlint-tiny-learning-rate",
                 {claim(Metric::RelativeUpdate, Compare::Less, 1e-7,
                        FixKind::SetLearningRate, 1000, 1e-3)});
}

} // namespace

TEST(RuntimeProbe, SeedOneSaturatingStackConfirmed) {
  ir::Verdict V = probeOne(makeProgram(seedOne()), saturatingStack());
  EXPECT_EQ(V.Kind, VerdictKind::Confirmed) << V.Summary;
  EXPECT_LT(V.AsWritten.at("first_last_grad_ratio"), 1e-2);
  EXPECT_GT(V.Fixed.at("first_last_grad_ratio"), 0.1);
  EXPECT_EQ(V.Seeds, 10);
  EXPECT_GE(3 * V.SeedsConfirming, 2 * V.Seeds);
  EXPECT_EQ(V.Summary.rfind("confirmed in " + std::to_string(V.SeedsConfirming) +
                                " of 10 seeds: over 100 Adam steps, the first "
                                "layer's gradient norm is",
                            0),
            0u)
      << V.Summary;
  // Harm beside the mechanism: the loss as written and fixed.
  EXPECT_NE(V.Summary.find("the loss after training is"), std::string::npos);
  EXPECT_LT(V.Fixed.at("task_loss"), V.AsWritten.at("task_loss"));
  // The loop count is not stated: said so.
  EXPECT_NE(std::find(V.Assumptions.begin(), V.Assumptions.end(),
                      "the loop count is not stated: 100 steps"),
            V.Assumptions.end());
}

TEST(RuntimeProbe, SeedOneSmallInitNotConfirmedByTheWeightInitAlone) {
  // The fix drops only the flagged init (the weights' U(0, 0.01)); the
  // zeroed biases stay as written. Through three sigmoids that lifts the
  // output spread by less than the claim's 10x and leaves the loss where
  // it was: the fix clearly does not help.
  ir::Program P = makeProgram(seedOne());
  P.Models[0].Inits[0].Loc = {"net.cpp", 12, 9, 0};
  P.Models[0].Inits[1].Loc = {"net.cpp", 14, 9, 0};
  ir::Finding F = smallInit();
  F.Claims[0].TheFix.InitLoc = P.Models[0].Inits[0].Loc;
  ir::Verdict V = probeOne(P, F);
  EXPECT_EQ(V.Kind, VerdictKind::NotConfirmed) << V.Summary;
  EXPECT_NE(V.Summary.find("output spread"), std::string::npos) << V.Summary;
  EXPECT_NE(V.Summary.find("holds in 10 of 10 seeds"), std::string::npos)
      << V.Summary;
}

TEST(RuntimeProbe, HarmWithoutTheMechanismIsInconclusive) {
  // The small-init ReLU net: Adam lifts the output spread above the
  // claim's 1e-2 within 100 steps, yet the default init trains far better.
  // The mechanism misses, the harm shows: inconclusive, never "not
  // confirmed" (which would hide the finding).
  ProgramSpec S;
  S.Chain = {linear(10, 32, "fc1"), act(ActivationKind::ReLU),
             linear(32, 32, "fc2"), act(ActivationKind::ReLU),
             linear(32, 1, "fc3")};
  S.Inits = {initAll(ir::ParamRole::Weight, ir::InitScheme::Normal, 0.0, 1e-3)};
  ir::Verdict V = probeOne(makeProgram(S), smallInit());
  EXPECT_EQ(V.Kind, VerdictKind::Inconclusive) << V.Summary;
  EXPECT_LT(10 * V.Fixed.at("task_loss"), V.AsWritten.at("task_loss"));
}

TEST(RuntimeProbe, SeedOneBothClaimsInOneFinding) {
  ir::Finding F = saturatingStack();
  F.Claims.push_back(smallInit().Claims[0]);
  ir::Verdict V = probeOne(makeProgram(seedOne()), F);
  // Every claim must hold: the default init (all inits dropped here) is
  // not a cure for the sigmoid stack.
  EXPECT_NE(V.Kind, VerdictKind::Confirmed) << V.Summary;
  EXPECT_NE(V.Summary.find("gradient norm"), std::string::npos);
  EXPECT_NE(V.Summary.find("output spread"), std::string::npos);
}

TEST(RuntimeProbe, SeedTwoTinyRateConfirmed) {
  ir::Verdict V = probeOne(makeProgram(seedTwo()), tinyRate());
  EXPECT_EQ(V.Kind, VerdictKind::Confirmed) << V.Summary;
  EXPECT_LT(V.AsWritten.at("relative_update"), 1e-7);
  EXPECT_GT(V.Fixed.at("relative_update"), 1e-4);
  EXPECT_LT(V.AsWritten.at("loss_decrease"), 1e-3);
}

TEST(RuntimeProbe, HealthyTanhForcedClaimNotConfirmed) {
  // MinDepth 1 forced onto a single hidden tanh layer with default init.
  ProgramSpec S;
  S.Chain = {linear(10, 10, "fc1"), act(ActivationKind::Tanh), linear(10, 1, "fc2")};
  ir::Verdict V = probeOne(makeProgram(S), saturatingStack());
  EXPECT_EQ(V.Kind, VerdictKind::NotConfirmed) << V.Summary;
  EXPECT_GT(V.AsWritten.at("first_last_grad_ratio"), 1e-2);
  EXPECT_EQ(V.Summary.rfind("not confirmed (confirmed in 0 of 10 seeds): ", 0), 0u)
      << V.Summary;
}

TEST(RuntimeProbe, SoundRateNotConfirmedAsTiny) {
  ProgramSpec S = seedTwo();
  S.LR = 1e-3;
  ir::Verdict V = probeOne(makeProgram(S), tinyRate());
  EXPECT_EQ(V.Kind, VerdictKind::NotConfirmed) << V.Summary;
}

TEST(RuntimeProbe, OverTheParameterLimitNotProbed) {
  ProgramSpec S;
  S.Chain = {linear(10, 2000), act(ActivationKind::ReLU), linear(2000, 2000),
             act(ActivationKind::ReLU), linear(2000, 1)};
  ir::Verdict V = probeOne(makeProgram(S), tinyRate());
  EXPECT_EQ(V.Kind, VerdictKind::NotProbed);
  EXPECT_EQ(V.Summary, "not probed: 4026001 parameters over the limit of 2000000");
}

TEST(RuntimeProbe, UnmodelledLayerNotProbed) {
  ProgramSpec S;
  S.Chain = {linear(10, 10), layer(ir::LayerKind::Conv3d, 10, 10, 3), linear(10, 1)};
  ir::Verdict V = probeOne(makeProgram(S), tinyRate());
  EXPECT_EQ(V.Kind, VerdictKind::NotProbed);
  EXPECT_EQ(V.Summary.rfind("not probed: conv3d layers", 0), 0u) << V.Summary;
}

namespace {
ir::Layer lstm(int64_t In, int64_t Hidden, int64_t Layers) {
  ir::Layer L = layer(ir::LayerKind::LSTM, In, Hidden);
  L.NumLayers = Layers;
  L.BatchFirst = true;
  L.LastStep = true;
  return L;
}
} // namespace

TEST(RuntimeProbe, LSTMModelProbed) {
  // randn({16, 5, 3}) -> LSTM(3, 8, 2 layers, batch_first) -> last step ->
  // Linear(8, 1) at a rate of 1e-10: probed, and the claim holds in every
  // seed (20 steps at 1e-3 do not lower the loss by 10 % either: the
  // verdict is inconclusive, as the rule says).
  ProgramSpec S;
  S.Chain = {lstm(3, 8, 2), linear(8, 1)};
  S.InputDims = {16, 5, 3};
  S.Trips = 20;
  S.LR = 1e-10;
  ir::Verdict V = probeOne(makeProgram(S), tinyRate());
  EXPECT_EQ(V.Kind, VerdictKind::Inconclusive) << V.Summary;
  EXPECT_NE(V.Summary.find("over 20 Adam steps"), std::string::npos) << V.Summary;
  EXPECT_NE(V.Summary.find("holds in 10 of 10 seeds"), std::string::npos) << V.Summary;
  EXPECT_EQ(V.AsWritten.at("parameters"), 4 * 8 * (3 + 8 + 2) + 4 * 8 * (8 + 8 + 2) + 9);
  // Sequence-first data ([L, N, F]) holds the same samples: the same run.
  S.Chain[0].BatchFirst = false;
  S.InputDims = {5, 16, 3};
  ir::Verdict First = probeOne(makeProgram(S), tinyRate());
  EXPECT_EQ(First.Summary, V.Summary);
  // Bidirectional (issue 9): the last step holds both directions, 2 x 8.
  S.Chain[0].Bidirectional = true;
  V = probeOne(makeProgram(S), tinyRate());
  EXPECT_EQ(V.Summary, "not probed: shape mismatch: layer 1 (linear) expects 8 "
                       "inputs but gets 16") << V.Summary;
  S.Chain[1] = linear(16, 1);
  V = probeOne(makeProgram(S), tinyRate());
  EXPECT_EQ(V.Kind, VerdictKind::Inconclusive) << V.Summary;
  EXPECT_EQ(V.AsWritten.at("parameters"),
            2 * 4 * 8 * (3 + 8 + 2) + 2 * 4 * 8 * (16 + 8 + 2) + 17);
  // Dropout between the layers is probed too.
  S.Chain[0].P = 0.2;
  V = probeOne(makeProgram(S), tinyRate());
  EXPECT_EQ(V.Kind, VerdictKind::Inconclusive) << V.Summary;
}

TEST(RuntimeProbe, RecurrentReadoutsAndPlainRNN) {
  // randn({16, 5, 3}) -> RNN(3, 8, relu) -> h_n -> Linear(8, 1).
  ProgramSpec S;
  ir::Layer R = layer(ir::LayerKind::RNN, 3, 8);
  R.NumLayers = 1;
  R.BatchFirst = true;
  R.FinalHidden = true;
  R.Nonlinearity = ir::ActivationKind::ReLU;
  S.Chain = {R, linear(8, 1)};
  S.InputDims = {16, 5, 3};
  S.Trips = 20;
  S.LR = 1e-10;
  ir::Verdict V = probeOne(makeProgram(S), tinyRate());
  EXPECT_NE(V.Kind, VerdictKind::NotProbed) << V.Summary;
  EXPECT_EQ(V.AsWritten.at("parameters"), 8 * (3 + 8 + 2) + 9);
  // A nonlinearity the extractor could not read: declined.
  S.Chain[0].Nonlinearity.reset();
  V = probeOne(makeProgram(S), tinyRate());
  EXPECT_EQ(V.Summary, "not probed: the nonlinearity of layer 0 (rnn) is unknown")
      << V.Summary;
  // The whole h_n of a 2-layer stack is [2, N, H]: declined; h_n[-1] is not.
  S.Chain[0].Nonlinearity = ir::ActivationKind::Tanh;
  S.Chain[0].NumLayers = 2;
  V = probeOne(makeProgram(S), tinyRate());
  EXPECT_EQ(V.Kind, VerdictKind::NotProbed);
  EXPECT_NE(V.Summary.find("only h_n[-1] is modelled"), std::string::npos) << V.Summary;
  S.Chain[0].LastStep = true;
  V = probeOne(makeProgram(S), tinyRate());
  EXPECT_NE(V.Kind, VerdictKind::NotProbed) << V.Summary;
  EXPECT_EQ(V.AsWritten.at("parameters"), 8 * (3 + 8 + 2) + 8 * (8 + 8 + 2) + 9);
}

TEST(RuntimeProbe, EmbeddingNeedsTokenIds) {
  ProgramSpec S;
  S.Chain = {layer(ir::LayerKind::Embedding, 20, 4), lstm(4, 6, 1), linear(6, 1)};
  S.InputDims = {16, 7};
  S.InputDist = ir::DataDist::Integers;
  S.InputBlocks = {block(7, 0, 19)};
  S.Trips = 20;
  S.LR = 1e-10;
  ir::Verdict V = probeOne(makeProgram(S), tinyRate());
  EXPECT_NE(V.Kind, VerdictKind::NotProbed) << V.Summary;
  EXPECT_NE(V.Summary.find("holds in 10 of 10 seeds"), std::string::npos) << V.Summary;
  // Ids past the vocabulary, or real-valued input, are not what LibTorch
  // would accept: declined, never probed on made-up ids.
  S.InputBlocks = {block(7, 0, 20)};
  V = probeOne(makeProgram(S), tinyRate());
  EXPECT_EQ(V.Kind, VerdictKind::NotProbed);
  EXPECT_NE(V.Summary.find("not stated as token ids"), std::string::npos) << V.Summary;
  S.InputBlocks = {};
  S.InputDist = ir::DataDist::Unknown;
  EXPECT_EQ(probeOne(makeProgram(S), tinyRate()).Kind, VerdictKind::NotProbed);
}

TEST(RuntimeProbe, UnknownSizeInferredOrNotProbed) {
  ProgramSpec S = seedTwo();
  S.Chain[2].In.reset(); // inferred from the previous layer's Out
  EXPECT_EQ(probeOne(makeProgram(S), tinyRate()).Kind, VerdictKind::Confirmed);
  S.Chain[0].Out.reset(); // nothing to infer it from
  ir::Verdict V = probeOne(makeProgram(S), tinyRate());
  EXPECT_EQ(V.Kind, VerdictKind::NotProbed);
  EXPECT_NE(V.Summary.find("unknown"), std::string::npos) << V.Summary;
}

TEST(RuntimeProbe, OrphanOptimizerNeverUpdates) {
  ir::Program P = makeProgram(seedTwo());
  P.Optimizers[0].LR = 1e-3;
  P.Optimizers[0].ModelName = "Other";
  ir::Finding F = finding("gradlint-orphan-optimizer",
                          {claim(Metric::RelativeUpdate, Compare::Less, 1e-12,
                                 FixKind::None)});
  ir::Verdict V = probeOne(P, F);
  EXPECT_EQ(V.Kind, VerdictKind::Confirmed) << V.Summary;
  EXPECT_EQ(V.AsWritten.at("relative_update"), 0);
}

TEST(RuntimeProbe, MissingZeroGradUnderAdamIsNotConfirmed) {
  // Gradients pile up (the mechanism holds) but Adam normalises them away
  // and trains no worse: the fix does not lower the loss, so the verdict
  // is not "confirmed" (as LibTorch measures it too).
  ProgramSpec S;
  S.Chain = {linear(10, 16), act(ActivationKind::ReLU), linear(16, 1)};
  S.ZeroGrad = false;
  ir::Finding F = finding("gradlint-missing-zero-grad",
                          {claim(Metric::GradNormGrowth, Compare::Greater, 5,
                                 FixKind::AddZeroGrad, 5)});
  ir::Verdict V = probeOne(makeProgram(S), F);
  EXPECT_NE(V.Kind, VerdictKind::Confirmed) << V.Summary;
  EXPECT_GT(V.AsWritten.at("grad_norm_growth"), 5);
  S.ZeroGrad = true;
  EXPECT_EQ(probeOne(makeProgram(S), F).Kind, VerdictKind::NotConfirmed);
}

TEST(RuntimeProbe, VerdictRule) {
  using probe::decideVerdict;
  EXPECT_EQ(decideVerdict(10, 10, 10), VerdictKind::Confirmed);
  EXPECT_EQ(decideVerdict(10, 7, 7), VerdictKind::Confirmed);
  EXPECT_EQ(decideVerdict(10, 6, 10), VerdictKind::Inconclusive);
  EXPECT_EQ(decideVerdict(10, 0, 4), VerdictKind::Inconclusive);
  EXPECT_EQ(decideVerdict(10, 0, 3), VerdictKind::NotConfirmed);
  EXPECT_EQ(decideVerdict(9, 6, 6), VerdictKind::Confirmed);
  EXPECT_EQ(decideVerdict(1, 1, 1), VerdictKind::Confirmed);
  EXPECT_EQ(decideVerdict(2, 1, 2), VerdictKind::Inconclusive);
  EXPECT_EQ(decideVerdict(1, 0, 0), VerdictKind::NotConfirmed);
}

TEST(RuntimeProbe, HugeRateOverTheProgramsThirtyStepsDiverges) {
  // SGD at lr 10 in a 30-step loop: the loss grows by orders of magnitude
  // within the program's own 30 steps; the probe runs 30, not 100.
  ProgramSpec S;
  S.Chain = {linear(10, 32), act(ActivationKind::ReLU), linear(32, 1)};
  S.Opt = ir::OptimizerKind::SGD;
  S.LR = 10;
  S.Trips = 30;
  S.InputDist = ir::DataDist::Normal;
  S.InputBlocks = {block(10, -1, 1)};
  ir::Finding F = finding("gradlint-huge-learning-rate",
                          {claim(Metric::LossDecrease, Compare::Less, 0,
                                 FixKind::SetLearningRate, 1, 1e-3)});
  ir::Verdict V = probeOne(makeProgram(S), F);
  EXPECT_EQ(V.Kind, VerdictKind::Confirmed) << V.Summary;
  EXPECT_LE(V.AsWritten.at("steps"), 30);
  EXPECT_NE(V.Summary.find("over 30 SGD steps"), std::string::npos) << V.Summary;
  EXPECT_EQ(std::find(V.Assumptions.begin(), V.Assumptions.end(),
                      "the loop count is not stated: 100 steps"),
            V.Assumptions.end());
}

TEST(RuntimeProbe, ReluOutputOnPositiveTargetsIsNotConfirmed) {
  // y = x * x + 1 with x ~ randn: every target is >= 1, the ReLU head
  // never needs to output zero.
  ProgramSpec S;
  S.Chain = {linear(8, 32), act(ActivationKind::ReLU), linear(32, 1),
             act(ActivationKind::ReLU)};
  S.Features = 8;
  S.InputDist = ir::DataDist::Normal;
  S.InputBlocks = {block(8, -1, 1)};
  S.TargetFormula = {"@x", "@x", "*", "1", "+", "mean1"};
  ir::Finding F = finding("gradlint-clamped-output",
                          {claim(Metric::ZeroOutputShare, Compare::Greater, 0.2,
                                 FixKind::RemoveOutputActivation)});
  ir::Verdict V = probeOne(makeProgram(S), F);
  EXPECT_EQ(V.Kind, VerdictKind::NotConfirmed) << V.Summary;
  // The same model on half-negative targets: confirmed.
  S.TargetFormula = {"@x", "sin", "mean1"};
  V = probeOne(makeProgram(S), F);
  EXPECT_EQ(V.Kind, VerdictKind::Confirmed) << V.Summary;
}

TEST(RuntimeProbe, ImageModelIsProbed) {
  // Conv2d -> MaxPool2d -> Flatten -> Linear on [N, 1, 28, 28]: the sample
  // is 1x28x28 (784 values), not size(1) = 1 feature.
  ProgramSpec S;
  S.Chain = {layer(ir::LayerKind::Conv2d, 1, 4, 3), act(ActivationKind::ReLU),
             layer(ir::LayerKind::MaxPool, {}, {}, 2),
             layer(ir::LayerKind::Flatten), linear(4 * 13 * 13, 10)};
  S.Loss = ir::LossKind::CrossEntropy;
  S.LR = 1e-10;
  S.InputDims = {32, 1, 28, 28};
  S.InputDist = ir::DataDist::Uniform;
  S.InputBlocks = {block(1, 0, 1)};
  ir::Verdict V = probeOne(makeProgram(S), tinyRate());
  EXPECT_EQ(V.Kind, VerdictKind::Confirmed) << V.Summary;
}

TEST(RuntimeProbe, BudgetInMultiplyAddsNotSeconds) {
  // A 1M-parameter MLP: the budget trims seeds first, then steps; the
  // result never depends on the machine's speed.
  ProgramSpec S;
  S.Chain = {linear(1000, 700), act(ActivationKind::ReLU), linear(700, 700),
             act(ActivationKind::ReLU), linear(700, 10)};
  S.Features = 1000;
  probe::ProbeOptions O;
  O.MaxMultiplyAdds = 2e9;
  std::vector<ir::Finding> Fs{tinyRate()};
  probe::probeFindings(makeProgram(S), Fs, O);
  ASSERT_TRUE(Fs[0].Probe);
  const ir::Verdict &V = *Fs[0].Probe;
  EXPECT_EQ(V.Seeds, 1) << V.Summary;
  EXPECT_LE(V.AsWritten.at("multiply_adds"), 2e9);
  EXPECT_LT(V.AsWritten.at("steps"), 100);
  O.MaxMultiplyAdds = 1e6;
  Fs = {tinyRate()};
  probe::probeFindings(makeProgram(S), Fs, O);
  EXPECT_EQ(Fs[0].Probe->Kind, VerdictKind::NotProbed);
  EXPECT_NE(Fs[0].Probe->Summary.find("multiply-adds, over the budget"),
            std::string::npos)
      << Fs[0].Probe->Summary;
}

TEST(RuntimeProbe, RepeatedRunsGiveIdenticalVerdicts) {
  ir::Verdict A = probeOne(makeProgram(seedOne()), saturatingStack());
  ir::Verdict B = probeOne(makeProgram(seedOne()), saturatingStack());
  EXPECT_EQ(A.Kind, B.Kind);
  EXPECT_EQ(A.Summary, B.Summary);
  EXPECT_EQ(A.AsWritten, B.AsWritten);
}

TEST(RuntimeProbe, SeedExamplesTakeWellUnderASecond) {
  // CPU time of this process (the machine is shared: wall time measures
  // the other jobs); the probe is single-threaded, so it is the cost.
  std::vector<double> Cpu, Wall;
  for (int I = 0; I < 5; ++I) {
    std::clock_t C0 = std::clock();
    auto Start = std::chrono::steady_clock::now();
    ir::Finding F = saturatingStack();
    F.Claims.push_back(smallInit().Claims[0]);
    probeOne(makeProgram(seedOne()), F);
    probeOne(makeProgram(seedTwo()), tinyRate());
    Cpu.push_back(double(std::clock() - C0) / CLOCKS_PER_SEC);
    Wall.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - Start).count());
  }
  std::sort(Cpu.begin(), Cpu.end());
  std::sort(Wall.begin(), Wall.end());
  std::printf("probe of seed examples 1 + 2 (5 variants x 10 seeds x 100 steps): "
              "median %.1f ms CPU, %.1f ms wall\n",
              1000 * Cpu[2], 1000 * Wall[2]);
  EXPECT_LT(Cpu[2], 0.5);
}

TEST(RuntimeProbe, AHugeLoopCountIsTrimmedByTheBudget) {
  // for (int i = 0; i < 2000000000; ++i): seeds go first, then steps.
  ProgramSpec S = seedTwo();
  S.Trips = 2000000000;
  probe::ProbeOptions O;
  O.MaxMultiplyAdds = 1e8;
  std::vector<ir::Finding> Fs{tinyRate()};
  probe::probeFindings(makeProgram(S), Fs, O);
  ASSERT_TRUE(Fs[0].Probe);
  const ir::Verdict &V = *Fs[0].Probe;
  EXPECT_EQ(V.Seeds, 1) << V.Summary;
  EXPECT_LE(V.AsWritten.at("multiply_adds"), 1e8);
  EXPECT_NE(std::find_if(V.Assumptions.begin(), V.Assumptions.end(),
                         [](const std::string &A) {
                           return A.find("of 2000000000 steps") != std::string::npos;
                         }),
            V.Assumptions.end());
}
