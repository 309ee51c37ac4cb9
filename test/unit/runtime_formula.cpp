//===- test/unit/runtime_formula.cpp - Targets and random streams ---------===//

#include "runtime_programs.h"

#include "runtime/Formula.h"
#include "runtime/Random.h"
#include "runtime/Setup.h"
#include "runtime/Trainer.h"

#include <gtest/gtest.h>

using namespace gradlint;
using namespace gradlint::probe;
using namespace gradlint::testing;

TEST(RuntimeFormula, EvaluatesPostfixWithBroadcasting) {
  Mat X(2, 2);
  X << 1, -2, 3, 0.5f;
  StatusOr<Mat> Y = evalFormula({"@x", "@x", "*", "1", "+", "mean1"}, X);
  ASSERT_TRUE(Y.isOk()) << Y.status().message();
  ASSERT_EQ(Y->cols(), 1);
  EXPECT_FLOAT_EQ((*Y)(0, 0), (2 + 5) / 2.0f);
  EXPECT_FLOAT_EQ((*Y)(1, 0), (10 + 1.25f) / 2.0f);
  // A column broadcast against the matrix, and the unary functions.
  StatusOr<Mat> Z = evalFormula({"@x", "@x", "sum1", "-", "abs", "2", "pow"}, X);
  ASSERT_TRUE(Z.isOk());
  EXPECT_FLOAT_EQ((*Z)(0, 0), 4.0f); // |1 - (-1)|^2
  EXPECT_FLOAT_EQ((*Z)(1, 1), 9.0f); // |0.5 - 3.5|^2
  EXPECT_FALSE(evalFormula({"@x", "+"}, X).isOk());
  EXPECT_FALSE(evalFormula({"@x", "tan"}, X).isOk());
  EXPECT_TRUE(formulaOf({"@x", "1", "+"}, "x"));
  EXPECT_FALSE(formulaOf({"@x", "@z", "+"}, "x"));
}

TEST(RuntimeFormula, StreamsAreIndependentAndStable) {
  std::mt19937 A = stream(7, "data"), B = stream(7, "data"), C = stream(7, "init");
  unsigned a = A(), b = B(), c = C();
  EXPECT_EQ(a, b);
  EXPECT_NE(a, c);
  EXPECT_NE(streamSeed(1, "init0:fc1.weight"), streamSeed(1, "init1:fc1.weight"));
}

TEST(RuntimeFormula, ProgramsOwnTargetsAndInput) {
  // randn input is normal (not uniform in its +-1 sigma block), targets
  // from a formula are that function of the input.
  ProgramSpec S;
  S.Chain = {linear(4, 8), act(ir::ActivationKind::ReLU), linear(8, 1)};
  S.Features = 4;
  S.Rows = 1000;
  S.InputDist = ir::DataDist::Normal;
  S.InputBlocks = {block(4, -1, 1)};
  S.TargetFormula = {"@x", "@x", "*", "sum1"};
  ir::Program P = makeProgram(S);
  StatusOr<TrainingSetup> Setup = resolveSetup(P, "Net");
  ASSERT_TRUE(Setup.isOk());
  EXPECT_EQ(Setup->Batch, 1000);
  StatusOr<RunData> D = prepareRun(*Setup, 3);
  ASSERT_TRUE(D.isOk()) << D.status().message();
  EXPECT_GT(D->X.cwiseAbs().maxCoeff(), 1.5f); // a normal's tails
  for (int64_t R = 0; R < 5; ++R)
    EXPECT_NEAR(D->T(R, 0), D->X.row(R).squaredNorm(), 1e-4);
  // The standardising fix changes what the model sees, not the targets
  // nor anything else of the seed.
  TrainingSetup Fixed = *Setup;
  ir::Fix F;
  F.Kind = ir::FixKind::StandardizeInput;
  ASSERT_TRUE(applyFix(Fixed, F).isOk());
  StatusOr<RunData> E = prepareRun(Fixed, 3);
  ASSERT_TRUE(E.isOk());
  EXPECT_EQ(D->T, E->T);
  EXPECT_EQ(D->Net->params()[0]->Value, E->Net->params()[0]->Value);
  EXPECT_NE(D->X, E->X);
}

TEST(RuntimeFormula, DefaultInitFixDropsOnlyTheFlaggedInit) {
  ProgramSpec S = seedOne();
  ir::Program P = makeProgram(S);
  P.Models[0].Inits[0].Loc = {"net.cpp", 12, 9, 0};
  P.Models[0].Inits[1].Loc = {"net.cpp", 14, 9, 0};
  StatusOr<TrainingSetup> Setup = resolveSetup(P, "Net");
  ASSERT_TRUE(Setup.isOk());
  ir::Fix F;
  F.Kind = ir::FixKind::DefaultInit;
  F.InitLoc = P.Models[0].Inits[0].Loc;
  TrainingSetup Fixed = *Setup;
  ASSERT_TRUE(applyFix(Fixed, F).isOk());
  ASSERT_EQ(Fixed.Model.Inits.size(), 1u);
  StatusOr<RunData> W = prepareRun(*Setup, 5), X = prepareRun(Fixed, 5);
  ASSERT_TRUE(W.isOk() && X.isOk());
  // Biases stay zero (their init is kept); the weights change; the data
  // do not.
  std::vector<Param *> PW = W->Net->params(), PX = X->Net->params();
  EXPECT_TRUE(PX[1]->Value.isZero());
  EXPECT_NE(PW[0]->Value, PX[0]->Value);
  EXPECT_EQ(W->X, X->X);
  EXPECT_EQ(W->T, X->T);
}
