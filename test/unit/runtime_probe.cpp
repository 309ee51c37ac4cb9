//===- test/unit/runtime_probe.cpp - Verdicts on known networks -----------===//

#include "runtime_programs.h"

#include "runtime/Probe.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>

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
  EXPECT_NE(V.Summary.find("confirmed: after 100 Adam steps the first layer's "
                           "gradient norm is"),
            std::string::npos)
      << V.Summary;
  EXPECT_TRUE(V.AsWritten.count("final_loss"));
}

TEST(RuntimeProbe, SeedOneSmallInitConfirmed) {
  ir::Verdict V = probeOne(makeProgram(seedOne()), smallInit());
  EXPECT_EQ(V.Kind, VerdictKind::Confirmed) << V.Summary;
  EXPECT_NE(V.Summary.find("output spread"), std::string::npos) << V.Summary;
}

TEST(RuntimeProbe, SeedOneBothClaimsInOneFinding) {
  ir::Finding F = saturatingStack();
  F.Claims.push_back(smallInit().Claims[0]);
  ir::Verdict V = probeOne(makeProgram(seedOne()), F);
  EXPECT_EQ(V.Kind, VerdictKind::Confirmed) << V.Summary;
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
  EXPECT_EQ(V.Summary.rfind("not confirmed: ", 0), 0u) << V.Summary;
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
  S.Chain = {linear(10, 10), layer(ir::LayerKind::LSTM, 10, 10), linear(10, 1)};
  ir::Verdict V = probeOne(makeProgram(S), tinyRate());
  EXPECT_EQ(V.Kind, VerdictKind::NotProbed);
  EXPECT_EQ(V.Summary.rfind("not probed: lstm layers", 0), 0u) << V.Summary;
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

TEST(RuntimeProbe, MissingZeroGradConfirmed) {
  ProgramSpec S;
  S.Chain = {linear(10, 16), act(ActivationKind::ReLU), linear(16, 1)};
  S.ZeroGrad = false;
  ir::Finding F = finding("gradlint-missing-zero-grad",
                          {claim(Metric::GradNormGrowth, Compare::Greater, 5,
                                 FixKind::AddZeroGrad, 5)});
  EXPECT_EQ(probeOne(makeProgram(S), F).Kind, VerdictKind::Confirmed);
  S.ZeroGrad = true;
  EXPECT_EQ(probeOne(makeProgram(S), F).Kind, VerdictKind::NotConfirmed);
}

TEST(RuntimeProbe, SeedExamplesTakeWellUnderASecond) {
  std::vector<double> Times;
  for (int I = 0; I < 5; ++I) {
    auto Start = std::chrono::steady_clock::now();
    ir::Finding F = saturatingStack();
    F.Claims.push_back(smallInit().Claims[0]);
    probeOne(makeProgram(seedOne()), F);
    probeOne(makeProgram(seedTwo()), tinyRate());
    Times.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - Start).count());
  }
  std::sort(Times.begin(), Times.end());
  std::printf("probe of seed examples 1 + 2: median %.1f ms\n", 1000 * Times[2]);
  EXPECT_LT(Times[2], 0.5);
}
