//===- test/unit/rules_validate.cpp - IR values checked at the boundary ---===//

#include "rules_helpers.h"

#include "rules/ir/Validate.h"

#include <chrono>
#include <limits>

using namespace gradlint;
using namespace gradlint::test;
using ir::LayerKind;
using ir::StepOp;

namespace {
ir::Program withChain(std::vector<ir::Layer> Chain) {
  ir::Program P;
  P.Models.push_back(model("Net", std::move(Chain)));
  return P;
}
ir::Layer pool(int64_t Kernel, unsigned Line) {
  ir::Layer L = layer(LayerKind::MaxPool, Line, "pool");
  L.Kernel = Kernel;
  return L;
}
} // namespace

TEST(Validate, InRangeProgramIsOk) {
  ir::Program P = withChain({conv2d("conv", 1, 8, 3, 2), pool(2, 3),
                             layer(LayerKind::Flatten, 4),
                             linear("fc", 8 * 13 * 13, 10, 5)});
  EXPECT_TRUE(ir::validate(P).isOk());
  EXPECT_TRUE(ir::dropInvalid(P).empty());
  EXPECT_EQ(P.Models[0].Chain[0].Kernel, 3);
}

TEST(Validate, ZeroStrideNamesItsJsonPath) {
  ir::Layer C = conv2d("conv", 1, 8, 3, 2);
  C.Stride = 0;
  ir::Program P = withChain({linear("fc", 4, 4, 1), C});
  Status S = ir::validate(P);
  ASSERT_FALSE(S.isOk());
  EXPECT_EQ(S.message(), "models[0].chain[1].stride: 0 is out of range [1, 65536]");
}

TEST(Validate, ZeroKernelNegativeAndZeroWidths) {
  EXPECT_EQ(ir::validate(withChain({pool(0, 2)})).message(),
            "models[0].chain[0].kernel: 0 is out of range [1, 65536]");
  EXPECT_EQ(ir::validate(withChain({linear("fc", 4, -5, 2)})).message(),
            "models[0].chain[0].out: -5 is out of range [1, 1073741824]");
  EXPECT_EQ(ir::validate(withChain({linear("fc", 0, 4, 2)})).message(),
            "models[0].chain[0].in: 0 is out of range [1, 1073741824]");
  ir::Layer D = layer(LayerKind::Dropout, 3);
  D.P = 1.5;
  EXPECT_EQ(ir::validate(withChain({D})).message(),
            "models[0].chain[0].p: 1.5 is out of range");
}

TEST(Validate, DropInvalidMakesValuesUnknownAndSaysWhere) {
  ir::Layer C = conv2d("conv", 1, 8, 3, 7);
  C.Stride = 0;
  ir::Program P = withChain({C, linear("fc", 4, -1, 9)});
  std::vector<std::string> Lines = ir::dropInvalid(P);
  ASSERT_EQ(Lines.size(), 2u);
  EXPECT_EQ(Lines[0], "model.cpp:7:3: stride 0 is out of range [1, 65536]; ignored");
  EXPECT_EQ(Lines[1], "model.cpp:9:3: out -1 is out of range [1, 1073741824]; ignored");
  EXPECT_FALSE(P.Models[0].Chain[0].Stride);
  EXPECT_EQ(P.Models[0].Chain[0].Kernel, 3);
  EXPECT_FALSE(P.Models[0].Chain[1].Out);
  EXPECT_TRUE(ir::validate(P).isOk());
}

TEST(Validate, OptimizerIndexMustNameAnOptimizer) {
  ir::Program P;
  ir::StepNode N = event(StepOp::Optimizer, 4);
  N.Ev.OptimizerIndex = 3;
  P.Trainings.push_back(training({N}));
  EXPECT_EQ(ir::validate(P).message(),
            "trainings[0].body[0].event.optimizer_index: 3 names no optimizer");
  ir::dropInvalid(P);
  EXPECT_EQ(P.Trainings[0].Body[0].Ev.OptimizerIndex, -1);
}

TEST(Validate, LocationsAndFeatureRangesAreBounded) {
  ir::Program P = withChain({linear("fc", 4, 4, 1)});
  P.Models[0].Chain[0].Loc.Column = 1000000000;
  EXPECT_EQ(ir::validate(P).message(),
            "models[0].chain[0].loc.column: 1000000000 is out of range [0, 1048576]");
  ir::Program Q;
  ir::StepNode N = event(StepOp::Forward, 4, "model", "Net");
  ir::DataInfo D;
  D.Features = 0;
  N.Ev.Input = D;
  Q.Trainings.push_back(training({N}));
  EXPECT_EQ(ir::validate(Q).message(),
            "trainings[0].body[0].event.input.features: 0 is out of range [1, 1073741824]");
  ir::FeatureBlock B;
  B.Lo = 1;
  B.Hi = std::numeric_limits<double>::infinity();
  Q.Trainings[0].Body[0].Ev.Input->Features = 3;
  Q.Trainings[0].Body[0].Ev.Input->Blocks = {B};
  EXPECT_EQ(ir::validate(Q).message(),
            "trainings[0].body[0].event.input.blocks[0]: is not a finite range lo <= hi");
}

TEST(Validate, NestingIsBounded) {
  ir::Layer Inner = linear("fc", 4, 4, 1);
  for (unsigned I = 0; I < ir::Limits::MaxDepth + 5; ++I) {
    ir::Layer S = layer(LayerKind::Sequential, 1);
    S.Children.push_back(std::move(Inner));
    Inner = std::move(S);
  }
  ir::Program P = withChain({Inner});
  Status S = ir::validate(P);
  ASSERT_FALSE(S.isOk());
  EXPECT_NE(S.message().find("nest deeper than 200 levels"), std::string::npos);
}

TEST(Validate, ParameterLowerBoundCountsStatedSizes) {
  EXPECT_EQ(ir::parameterLowerBound({linear("a", 10, 20, 1), linear("b", 20, 5, 2)}),
            10 * 20 + 20 + 20 * 5 + 5);
  // The width flows into a Linear whose input size is unknown.
  ir::Layer B = linear("b", 1, 30000, 2);
  B.In.reset();
  EXPECT_EQ(ir::parameterLowerBound({linear("a", 10, 40000, 1), B}),
            10 * 40000 + 40000 + int64_t(40000) * 30000 + 30000);
  ir::Layer C = conv2d("c", 3, 16, 5, 1);
  C.Bias = false;
  EXPECT_EQ(ir::parameterLowerBound({C}), 3 * 16 * 25);
  // Saturates instead of overflowing.
  EXPECT_EQ(ir::parameterLowerBound({linear("h", int64_t(1) << 40, int64_t(1) << 40, 1)}),
            std::numeric_limits<int64_t>::max());
}

TEST(EvalModeTraining, DeeplyNestedLoopsFinishInBoundedTime) {
  // 40 nested loops walked twice each would be 2^40 visits.
  ir::StepNode Body = loop(50, {event(StepOp::Eval, 51, "model", "Net"),
                                event(StepOp::Forward, 52, "model", "Net"),
                                stp(53)});
  for (unsigned I = 0; I < 40; ++I)
    Body = loop(49 - I, {Body});
  ir::Program P;
  ir::Layer D = layer(LayerKind::Dropout, 3);
  P.Models.push_back(model("Net", {linear("fc1", 4, 8, 2), D}));
  P.Optimizers.push_back(optimizer(ir::OptimizerKind::Adam, 1e-3, 5, "optimizer", "Net"));
  P.Trainings.push_back(training({Body}));
  auto Start = std::chrono::steady_clock::now();
  auto F = run("gradlint-eval-mode-training", P);
  double Secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - Start).count();
  EXPECT_LT(Secs, 5.0);
  // The eval() right before the step is found on the first pass.
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(F[0].Loc.Line, 51u);
}

TEST(CheckOptions, NegativeCountsAndThresholdsAreErrors) {
  rules::OptionMap Opts{{"c.N", "-5"}, {"c.T", "-0.5"}, {"c.Ok", "-2"}};
  std::vector<std::string> Errors;
  rules::OptionReader R("c", Opts, Errors);
  EXPECT_EQ(R.get("N", int64_t(3)), 3);
  EXPECT_EQ(R.get("T", 1.0), 1.0);
  // A default below zero allows negative values.
  EXPECT_EQ(R.get("Ok", int64_t(-1)), -2);
  ASSERT_EQ(Errors.size(), 2u);
  EXPECT_EQ(Errors[0], "invalid value '-5' for option 'c.N': expected a non-negative integer");
  EXPECT_EQ(Errors[1], "invalid value '-0.5' for option 'c.T': expected a non-negative number");
}
