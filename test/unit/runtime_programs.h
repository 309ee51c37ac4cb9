//===- test/unit/runtime_programs.h - Hand-built IR for probe tests -*- C++ -*-===//
//
// Small builders for ir::Program values: the seed examples and healthy
// models the probe tests (and the calibration) train.
//
//===----------------------------------------------------------------------===//

#ifndef GRADLINT_TEST_UNIT_RUNTIME_PROGRAMS_H
#define GRADLINT_TEST_UNIT_RUNTIME_PROGRAMS_H

#include "rules/ir/Finding.h"
#include "rules/ir/Model.h"

#include <string>
#include <vector>

namespace gradlint::testing {

inline ir::Layer linear(int64_t In, int64_t Out, const std::string &Name = "") {
  ir::Layer L;
  L.Kind = ir::LayerKind::Linear;
  L.In = In;
  L.Out = Out;
  L.Name = Name;
  return L;
}

inline ir::Layer act(ir::ActivationKind K) {
  ir::Layer L;
  L.Kind = ir::LayerKind::Activation;
  L.Act = K;
  return L;
}

inline ir::Layer layer(ir::LayerKind K, std::optional<int64_t> In = {},
                       std::optional<int64_t> Out = {},
                       std::optional<int64_t> Kernel = {}) {
  ir::Layer L;
  L.Kind = K;
  L.In = In;
  L.Out = Out;
  L.Kernel = Kernel;
  return L;
}

inline ir::Init initAll(ir::ParamRole Role, ir::InitScheme S,
                        std::optional<double> A = {}, std::optional<double> B = {}) {
  ir::Init I;
  I.KindFilter = ir::LayerKind::Linear;
  I.Role = Role;
  I.Scheme = S;
  I.A = A;
  I.B = B;
  return I;
}

inline ir::FeatureBlock block(int64_t Count, double Lo, double Hi) {
  ir::FeatureBlock B;
  B.Count = Count;
  B.Lo = Lo;
  B.Hi = Hi;
  return B;
}

inline ir::StepNode event(ir::StepOp Op, const std::string &Var = "",
                          const std::string &Model = "") {
  ir::StepNode N;
  N.Kind = ir::StepNode::Event;
  N.Ev.Op = Op;
  N.Ev.Var = Var;
  N.Ev.ModelName = Model;
  return N;
}

/// One training program: \p Chain as model "Net", optimizer "opt" of
/// \p Kind at \p LR, loss \p Loss, a loop of zero_grad (unless
/// \p ZeroGrad is false), forward, loss, backward, step.
struct ProgramSpec {
  std::vector<ir::Layer> Chain;
  std::vector<ir::Init> Inits;
  ir::OptimizerKind Opt = ir::OptimizerKind::Adam;
  std::optional<double> LR = 1e-3;
  std::optional<double> Momentum;
  ir::LossKind Loss = ir::LossKind::MSE;
  std::vector<ir::ActivationKind> CallSiteActs;
  int64_t Rows = 100, Features = 10;
  std::vector<ir::FeatureBlock> InputBlocks;
  std::vector<ir::FeatureBlock> TargetBlocks;
  bool ZeroGrad = true;
  /// The loop's stated trip count; unknown by default.
  std::optional<int64_t> Trips;
  /// The input's full shape ({64, 1, 28, 28}); Rows and Features are then
  /// its first two dimensions, as the extractor records them.
  std::vector<int64_t> InputDims;
  ir::DataDist InputDist = ir::DataDist::Unknown;
  ir::DataDist TargetDist = ir::DataDist::Unknown;
  /// The targets as a postfix formula of "@x" (ir::DataInfo::Formula).
  std::vector<std::string> TargetFormula;
};

inline ir::Program makeProgram(const ProgramSpec &S) {
  ir::Program P;
  ir::Model M;
  M.Name = "Net";
  M.IsSequential = true;
  M.ChainKnown = true;
  M.Chain = S.Chain;
  M.Inits = S.Inits;
  P.Models.push_back(M);
  ir::Optimizer O;
  O.Var = "opt";
  O.Kind = S.Opt;
  O.LR = S.LR;
  O.Momentum = S.Momentum;
  O.ModelName = "Net";
  O.Function = "train";
  P.Optimizers.push_back(O);
  ir::TrainingFunction T;
  T.Name = "train";
  ir::StepNode Loop;
  Loop.Kind = ir::StepNode::Loop;
  Loop.Trips = S.Trips;
  if (S.ZeroGrad)
    Loop.Children.push_back(event(ir::StepOp::ZeroGrad, "opt"));
  ir::StepNode F = event(ir::StepOp::Forward, "model", "Net");
  ir::DataInfo In;
  In.Var = "x";
  In.Rows = S.Rows;
  In.Features = S.Features;
  In.Blocks = S.InputBlocks;
  In.Dist = S.InputDist;
  if (!S.InputDims.empty()) {
    In.Dims = S.InputDims;
    In.Rows = S.InputDims[0];
    In.Features = S.InputDims.size() > 1 ? S.InputDims[1] : 1;
  }
  F.Ev.Input = In;
  Loop.Children.push_back(F);
  ir::StepNode L = event(ir::StepOp::Loss);
  L.Ev.Loss = S.Loss;
  L.Ev.CallSiteActs = S.CallSiteActs;
  ir::DataInfo Tg;
  Tg.Var = "y";
  Tg.Rows = S.Rows;
  Tg.Blocks = S.TargetBlocks;
  Tg.Dist = S.TargetDist;
  Tg.Formula = S.TargetFormula;
  L.Ev.Target = Tg;
  Loop.Children.push_back(L);
  Loop.Children.push_back(event(ir::StepOp::Backward, "loss"));
  Loop.Children.push_back(event(ir::StepOp::Step, "opt"));
  T.Body.push_back(Loop);
  P.Trainings.push_back(T);
  return P;
}

/// Seed example 1: Linear(10,10) sigmoid Linear(10,10) sigmoid Linear(10,1)
/// sigmoid, weights U(0, 0.01), biases zero, Adam at its default rate, mse,
/// input and targets U(0, 1).
inline ProgramSpec seedOne() {
  using ir::ActivationKind;
  ProgramSpec S;
  S.Chain = {linear(10, 10, "0"), act(ActivationKind::Sigmoid),
             linear(10, 10, "2"), act(ActivationKind::Sigmoid),
             linear(10, 1, "4"),  act(ActivationKind::Sigmoid)};
  S.Inits = {initAll(ir::ParamRole::Weight, ir::InitScheme::Uniform, 0.0, 0.01),
             initAll(ir::ParamRole::Bias, ir::InitScheme::Zeros)};
  S.InputBlocks = {block(10, 0, 1)};
  S.TargetBlocks = {block(1, 0, 1)};
  return S;
}

/// Seed example 2: Linear(10,10) ReLU Linear(10,1), Adam at 1e-10, mse,
/// input and targets U(0, 1).
inline ProgramSpec seedTwo() {
  ProgramSpec S;
  S.Chain = {linear(10, 10, "0"), act(ir::ActivationKind::ReLU), linear(10, 1, "2")};
  S.LR = 1e-10;
  S.InputBlocks = {block(10, 0, 1)};
  S.TargetBlocks = {block(1, 0, 1)};
  return S;
}

inline ir::Claim claim(ir::Metric M, ir::Compare C, double T, ir::FixKind F,
                       double Factor = 1, std::optional<double> Value = {},
                       ir::ActivationKind NewAct = ir::ActivationKind::ReLU) {
  ir::Claim Cl;
  Cl.What = M;
  Cl.Cmp = C;
  Cl.Threshold = T;
  Cl.TheFix.Kind = F;
  Cl.TheFix.Value = Value;
  Cl.TheFix.NewAct = NewAct;
  Cl.FixFactor = Factor;
  Cl.ModelName = "Net";
  return Cl;
}

inline ir::Finding finding(const std::string &Check, std::vector<ir::Claim> Claims) {
  ir::Finding F;
  F.Check = Check;
  F.Claims = std::move(Claims);
  return F;
}

} // namespace gradlint::testing

#endif // GRADLINT_TEST_UNIT_RUNTIME_PROGRAMS_H
