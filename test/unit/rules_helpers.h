//===- test/unit/rules_helpers.h - Hand-built IR for rule tests -*- C++ -*-===//

#ifndef GRADLINT_TEST_UNIT_RULES_HELPERS_H
#define GRADLINT_TEST_UNIT_RULES_HELPERS_H

#include "rules/Registry.h"
#include "rules/ir/Finding.h"
#include "rules/ir/Model.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace gradlint::test {

inline ir::SourceLoc loc(unsigned Line, unsigned Column = 3) {
  ir::SourceLoc L;
  L.File = "model.cpp";
  L.Line = Line;
  L.Column = Column;
  return L;
}

inline ir::Layer layer(ir::LayerKind K, unsigned Line, std::string Name = "") {
  ir::Layer L;
  L.Kind = K;
  L.Name = std::move(Name);
  L.Loc = loc(Line);
  return L;
}

inline ir::Layer linear(std::string Name, int64_t In, int64_t Out,
                        unsigned Line) {
  ir::Layer L = layer(ir::LayerKind::Linear, Line, std::move(Name));
  L.In = In;
  L.Out = Out;
  return L;
}

inline ir::Layer conv2d(std::string Name, int64_t In, int64_t Out,
                        int64_t Kernel, unsigned Line) {
  ir::Layer L = layer(ir::LayerKind::Conv2d, Line, std::move(Name));
  L.In = In;
  L.Out = Out;
  L.Kernel = Kernel;
  return L;
}

inline ir::Layer act(ir::ActivationKind K, unsigned Line) {
  ir::Layer L = layer(ir::LayerKind::Activation, Line);
  L.Act = K;
  return L;
}

inline ir::Model model(std::string Name, std::vector<ir::Layer> Chain) {
  ir::Model M;
  M.Name = std::move(Name);
  M.ChainKnown = true;
  M.Chain = std::move(Chain);
  M.Loc = loc(1);
  return M;
}

inline ir::Init init(std::string Layer, ir::InitScheme S, unsigned Line,
                     std::optional<double> A = std::nullopt,
                     std::optional<double> B = std::nullopt) {
  ir::Init I;
  I.Layer = std::move(Layer);
  I.Scheme = S;
  I.A = A;
  I.B = B;
  I.Loc = loc(Line, 5);
  return I;
}

inline ir::StepNode event(ir::StepOp Op, unsigned Line, std::string Var = "",
                          std::string ModelName = "") {
  ir::StepNode N;
  N.Kind = ir::StepNode::Event;
  N.Ev.Op = Op;
  N.Ev.Loc = loc(Line, 5);
  N.Ev.Var = std::move(Var);
  N.Ev.ModelName = std::move(ModelName);
  N.Loc = N.Ev.Loc;
  return N;
}

inline ir::StepNode node(ir::StepNode::NodeKind K, unsigned Line,
                         std::vector<ir::StepNode> Children) {
  ir::StepNode N;
  N.Kind = K;
  N.Loc = loc(Line, 3);
  N.Children = std::move(Children);
  return N;
}

inline ir::StepNode loop(unsigned Line, std::vector<ir::StepNode> Children) {
  return node(ir::StepNode::Loop, Line, std::move(Children));
}

inline ir::StepNode branch(unsigned Line, std::vector<ir::StepNode> Children) {
  return node(ir::StepNode::Branch, Line, std::move(Children));
}

inline ir::TrainingFunction training(std::vector<ir::StepNode> Body,
                                     std::string Name = "train") {
  ir::TrainingFunction T;
  T.Name = std::move(Name);
  T.Loc = loc(100, 1);
  T.Body = std::move(Body);
  return T;
}

/// A program with one training function whose body is \p Body.
inline ir::Program trainingProgram(std::vector<ir::StepNode> Body) {
  ir::Program P;
  P.Trainings.push_back(training(std::move(Body)));
  return P;
}

// The calls of a training step on 'model' (of 'Net') and 'optimizer'.
inline ir::StepNode fwd(unsigned L) {
  return event(ir::StepOp::Forward, L, "model", "Net");
}
inline ir::StepNode bwd(unsigned L) { return event(ir::StepOp::Backward, L); }
inline ir::StepNode stp(unsigned L) {
  return event(ir::StepOp::Step, L, "optimizer");
}
inline ir::StepNode zg(unsigned L) {
  return event(ir::StepOp::ZeroGrad, L, "optimizer");
}

inline ir::Optimizer optimizer(ir::OptimizerKind K, std::optional<double> LR,
                               unsigned Line, std::string Var = "optimizer",
                               std::string ModelName = "Net") {
  ir::Optimizer O;
  O.Kind = K;
  O.LR = LR;
  O.Var = std::move(Var);
  O.ModelName = std::move(ModelName);
  O.Function = "train";
  O.Loc = loc(Line, 3);
  O.LRLoc = loc(Line, 40);
  return O;
}

/// Runs the check \p Name on \p P with \p Options; fails the test on option
/// errors.
inline std::vector<ir::Finding> run(const std::string &Name,
                                    const ir::Program &P,
                                    const rules::OptionMap &Options = {}) {
  std::vector<std::string> Errors;
  std::unique_ptr<rules::Check> C = rules::createCheck(Name, Options, Errors);
  EXPECT_NE(C, nullptr) << Name;
  EXPECT_TRUE(Errors.empty());
  if (!C)
    return {};
  rules::Context Ctx(P);
  C->check(Ctx);
  for (const ir::Finding &F : Ctx.findings())
    EXPECT_EQ(F.Check, Name);
  return Ctx.findings();
}

inline rules::OptionMap storedOptions(const std::string &Name,
                                      const rules::OptionMap &Options = {}) {
  std::vector<std::string> Errors;
  std::unique_ptr<rules::Check> C = rules::createCheck(Name, Options, Errors);
  rules::OptionMap Out;
  if (C)
    C->storeOptions(Out);
  return Out;
}

} // namespace gradlint::test

#endif // GRADLINT_TEST_UNIT_RULES_HELPERS_H
