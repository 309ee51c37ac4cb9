//===- test/unit/runtime_curves.cpp - The probe's per-step curves ---------===//
//
// The verdict carries every seed's loss and per-layer gradient norm, step
// by step, for the code as written and the fix: what the HTML report plots.
//
//===----------------------------------------------------------------------===//

#include "runtime_programs.h"

#include "runtime/Probe.h"
#include "runtime/Setup.h"
#include "runtime/Trainer.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace gradlint;
using namespace gradlint::testing;

namespace {

ir::Finding saturatingStack() {
  return finding("gradlint-saturating-stack",
                 {claim(ir::Metric::FirstLastGradRatio, ir::Compare::Less, 1e-2,
                        ir::FixKind::ReplaceActivations, 10)});
}

ir::SeedCurve ramp(int N, size_t Layers) {
  ir::SeedCurve C;
  C.GradNorm.resize(Layers);
  for (int I = 0; I < N; ++I) {
    C.Steps.push_back(I);
    C.Loss.push_back(double(I));
    for (std::vector<double> &G : C.GradNorm)
      G.push_back(2.0 * I);
  }
  return C;
}

} // namespace

TEST(RuntimeCurves, DownsampleKeepsEndsAndSpacing) {
  ir::SeedCurve C = ramp(1000, 2);
  probe::downsample(C, 200);
  ASSERT_EQ(C.Steps.size(), 200u);
  ASSERT_EQ(C.Loss.size(), 200u);
  ASSERT_EQ(C.GradNorm[1].size(), 200u);
  EXPECT_EQ(C.Steps.front(), 0);
  EXPECT_EQ(C.Steps.back(), 999);
  for (size_t I = 1; I < C.Steps.size(); ++I) {
    EXPECT_GT(C.Steps[I], C.Steps[I - 1]);
    // Samples stay together: each value is the one of its step.
    EXPECT_EQ(C.Loss[I], double(C.Steps[I]));
    EXPECT_EQ(C.GradNorm[0][I], 2.0 * C.Steps[I]);
  }
}

TEST(RuntimeCurves, DownsampleLeavesShortCurves) {
  ir::SeedCurve C = ramp(150, 1);
  probe::downsample(C, 200);
  EXPECT_EQ(C.Steps.size(), 150u);
  EXPECT_EQ(C.GradNorm[0].size(), 150u);
}

TEST(RuntimeCurves, VerdictCarriesEverySeedOfBothVariants) {
  std::vector<ir::Finding> Fs{saturatingStack()};
  probe::probeFindings(makeProgram(seedOne()), Fs, probe::ProbeOptions());
  ASSERT_TRUE(Fs[0].Probe && Fs[0].Probe->Curves);
  const ir::ProbeCurves &C = *Fs[0].Probe->Curves;
  // The three affine layers, input to output, by their IR names.
  EXPECT_EQ(C.Layers, (std::vector<std::string>{"0", "2", "4"}));
  ASSERT_EQ(C.AsWritten.size(), size_t(Fs[0].Probe->Seeds));
  ASSERT_EQ(C.Fixed.size(), C.AsWritten.size());
  EXPECT_EQ(C.FixDescription, probe::describeFix(Fs[0].Claims[0].TheFix));
  EXPECT_FALSE(C.FixDescription.empty());
  for (const auto *Variant : {&C.AsWritten, &C.Fixed})
    for (const ir::SeedCurve &S : *Variant) {
      // 100 steps, each recorded (under the 200-point limit).
      ASSERT_EQ(S.Steps.size(), 100u);
      EXPECT_EQ(S.Steps.front(), 0);
      EXPECT_EQ(S.Steps.back(), 99);
      ASSERT_EQ(S.Loss.size(), 100u);
      ASSERT_EQ(S.GradNorm.size(), 3u);
      for (double L : S.Loss)
        EXPECT_TRUE(std::isfinite(L));
      for (const std::vector<double> &G : S.GradNorm) {
        ASSERT_EQ(G.size(), 100u);
        for (double V : G)
          EXPECT_GE(V, 0);
      }
    }
  // The curves show the mechanism the verdict measures: the first layer's
  // gradient far below the last one's as written, several times closer
  // fixed.
  auto Ratio = [](const ir::SeedCurve &S) {
    double First = 0, Last = 0;
    for (size_t I = 0; I < S.Steps.size(); ++I) {
      First += S.GradNorm.front()[I];
      Last += S.GradNorm.back()[I];
    }
    return First / Last;
  };
  EXPECT_LT(Ratio(C.AsWritten[0]), 0.05);
  EXPECT_GT(Ratio(C.Fixed[0]), 5 * Ratio(C.AsWritten[0]));
}

TEST(RuntimeCurves, RecordingChangesNoMeasurement) {
  // The same seed trained with and without recording measures the same.
  ir::Program P = makeProgram(seedOne());
  StatusOr<probe::TrainingSetup> S =
      probe::resolveSetup(P, saturatingStack().Claims[0].ModelName);
  ASSERT_TRUE(S.isOk()) << S.status().message();
  StatusOr<probe::Measurements> Plain = probe::train(*S, 30, 7);
  ir::SeedCurve C;
  std::vector<std::string> Layers;
  StatusOr<probe::Measurements> Recorded = probe::train(*S, 30, 7, &C, &Layers);
  ASSERT_TRUE(Plain.isOk() && Recorded.isOk());
  ASSERT_EQ(Plain->size(), Recorded->size());
  for (const auto &[Key, V] : *Plain) {
    double W = Recorded->at(Key);
    EXPECT_TRUE(V == W || (std::isnan(V) && std::isnan(W))) << Key;
  }
  EXPECT_EQ(C.Steps.size(), 30u);
  EXPECT_EQ(Layers.size(), 3u);
  // The recorded loss is the one the measurements start and end with.
  EXPECT_DOUBLE_EQ(C.Loss.front(), Recorded->at("first_loss"));
  EXPECT_DOUBLE_EQ(C.Loss.back(), Recorded->at("final_loss"));
}
