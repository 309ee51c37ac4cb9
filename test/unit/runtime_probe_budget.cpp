//===- test/unit/runtime_probe_budget.cpp - One work budget per probe run -===//

#include "runtime_programs.h"

#include "runtime/Probe.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace gradlint;
using namespace gradlint::testing;
using ir::Compare;
using ir::FixKind;
using ir::Metric;
using ir::VerdictKind;

namespace {
ir::Finding tinyRateFinding() {
  return finding("gradlint-tiny-learning-rate",
                 {claim(Metric::RelativeUpdate, Compare::Less, 1e-7,
                        FixKind::SetLearningRate, 1000, 1e-3)});
}
} // namespace

TEST(ProbeBudget, FindingsPastTheBudgetAreNotReached) {
  ir::Program P = makeProgram(seedTwo());
  std::vector<ir::Finding> One{tinyRateFinding()};
  probe::probeFindings(P, One, probe::ProbeOptions());
  ASSERT_EQ(One[0].Probe->Kind, VerdictKind::Confirmed) << One[0].Probe->Summary;

  // A variant whose single step is over the per-variant budget is not
  // probed, and says so.
  std::vector<ir::Finding> Two{tinyRateFinding(), tinyRateFinding()};
  Two[1].Claims[0].TheFix.Value = 1e-2;
  probe::ProbeOptions Small;
  Small.MaxMultiplyAdds = 1;
  probe::probeFindings(P, Two, Small);
  EXPECT_EQ(Two[0].Probe->Kind, VerdictKind::NotProbed);
  EXPECT_NE(Two[0].Probe->Summary.find("over the budget of 1"),
            std::string::npos)
      << Two[0].Probe->Summary;

  // A run budget that covers the first finding's two variants but nothing
  // more (the second claims another fix value: variants of its own to
  // train). Measure what one finding costs, then allow just that.
  probe::ProbeOptions Enough;
  double Lo = 1, Hi = 1e12;
  while (Hi / Lo > 1.01) {
    double Mid = std::sqrt(Lo * Hi);
    std::vector<ir::Finding> F{tinyRateFinding()};
    Enough.MaxRunMultiplyAdds = Mid;
    probe::probeFindings(P, F, Enough);
    (F[0].Probe->Kind == VerdictKind::Confirmed ? Hi : Lo) = Mid;
  }
  Enough.MaxRunMultiplyAdds = Hi;
  probe::probeFindings(P, Two, Enough);
  EXPECT_EQ(Two[0].Probe->Kind, VerdictKind::Confirmed) << Two[0].Probe->Summary;
  EXPECT_EQ(Two[1].Probe->Kind, VerdictKind::NotProbed);
  EXPECT_NE(Two[1].Probe->Summary.find("not reached: the probe's budget"),
            std::string::npos)
      << Two[1].Probe->Summary;
}

TEST(ProbeBudget, RecurrentLanguageModelOfOneAndAHalfMillionParameters) {
  // docs/probe.md's recurrent cost: Embedding(10000, 64) -> LSTM(64, 256,
  // 2 layers, batch_first) -> last step -> Linear(256, 10) on
  // randint(0, 10000, {32, 35}) for 100 steps. Every weight is used at all
  // 35 steps: one step is 2.86e9 multiply-adds, so the default budget
  // allows one seed of one step.
  ProgramSpec S;
  ir::Layer Lstm = layer(ir::LayerKind::LSTM, 64, 256);
  Lstm.NumLayers = 2;
  Lstm.BatchFirst = true;
  Lstm.LastStep = true;
  S.Chain = {layer(ir::LayerKind::Embedding, 10000, 64), Lstm, linear(256, 10)};
  S.InputDims = {32, 35};
  S.InputDist = ir::DataDist::Integers;
  S.InputBlocks = {block(35, 0, 9999)};
  S.Loss = ir::LossKind::CrossEntropy;
  S.LR = 1e-10;
  S.Trips = 100;
  std::vector<ir::Finding> F{tinyRateFinding()};
  probe::probeFindings(makeProgram(S), F, probe::ProbeOptions());
  const ir::Verdict &V = *F[0].Probe;
  ASSERT_NE(V.Kind, VerdictKind::NotProbed) << V.Summary;
  EXPECT_EQ(V.AsWritten.at("parameters"), 1498634);
  EXPECT_NEAR(V.AsWritten.at("multiply_adds"), 2.863e9, 1e6);
  EXPECT_EQ(V.AsWritten.at("steps"), 1);
  EXPECT_EQ(V.Seeds, 1);
  bool Said = false;
  for (const std::string &A : V.Assumptions)
    Said |= A == "the budget of 5e+09 multiply-adds allows 1 of 100 steps";
  EXPECT_TRUE(Said) << ir::verdictNote(V);
}
