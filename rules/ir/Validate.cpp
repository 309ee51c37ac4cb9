//===- rules/ir/Validate.cpp - The IR's values are in range ---------------===//

#include "rules/ir/Validate.h"

#include <cmath>
#include <cstdio>
#include <limits>

namespace gradlint::ir {

namespace {

/// One walk over a Program, used both to refuse it (StopAtFirst: the JSON
/// path of the first bad value) and to repair it (every bad value made
/// unknown, one line each naming its source location).
class Walker {
public:
  explicit Walker(bool StopAtFirst) : StopAtFirst(StopAtFirst) {}

  std::vector<std::string> Problems;

  void program(Program &P) {
    for (size_t I = 0; I < P.Models.size() && !done(); ++I)
      model(P.Models[I], "models[" + std::to_string(I) + "]");
    for (size_t I = 0; I < P.Optimizers.size() && !done(); ++I)
      optimizer(P.Optimizers[I], "optimizers[" + std::to_string(I) + "]");
    for (size_t I = 0; I < P.Trainings.size() && !done(); ++I) {
      TrainingFunction &T = P.Trainings[I];
      std::string Path = "trainings[" + std::to_string(I) + "]";
      loc(T.Loc, Path + ".loc");
      nodes(T.Body, Path + ".body", T.Loc, P.Optimizers.size(), 1);
    }
  }

private:
  bool StopAtFirst;

  bool done() const { return StopAtFirst && !Problems.empty(); }

  void report(const std::string &Path, const SourceLoc &Loc,
              const std::string &What) {
    if (done())
      return;
    if (StopAtFirst) {
      Problems.push_back(Path + ": " + What);
      return;
    }
    std::string Where = Loc.File.empty() ? "<unknown>" : Loc.File;
    if (Loc.Line)
      Where += ":" + std::to_string(Loc.Line);
    if (Loc.Line && Loc.Column)
      Where += ":" + std::to_string(Loc.Column);
    std::string Field = Path.substr(Path.rfind('.') + 1);
    Problems.push_back(Where + ": " + Field + " " + What + "; ignored");
  }

  static std::string range(int64_t Min, int64_t Max) {
    return "[" + std::to_string(Min) + ", " + std::to_string(Max) + "]";
  }

  void integer(std::optional<int64_t> &V, int64_t Min, int64_t Max,
               const std::string &Path, const SourceLoc &Loc) {
    if (!V || (*V >= Min && *V <= Max))
      return;
    report(Path, Loc,
           std::to_string(*V) + " is out of range " + range(Min, Max));
    V.reset();
  }

  void real(std::optional<double> &V, const std::string &Path,
            const SourceLoc &Loc, double Min = -HUGE_VAL,
            double Max = HUGE_VAL) {
    if (!V || (std::isfinite(*V) && *V >= Min && *V <= Max))
      return;
    std::string What = std::isfinite(*V) ? " is out of range" : " is not finite";
    char Buf[32];
    std::snprintf(Buf, sizeof Buf, "%g", *V);
    report(Path, Loc, Buf + What);
    V.reset();
  }

  void loc(SourceLoc &L, const std::string &Path) {
    if (L.Line > Limits::MaxLine) {
      report(Path + ".line", SourceLoc{L.File, 0, 0, 0},
             std::to_string(L.Line) + " is out of range " +
                 range(0, Limits::MaxLine));
      L.Line = 0;
      L.Column = 0;
    }
    if (L.Column > Limits::MaxColumn) {
      report(Path + ".column", SourceLoc{L.File, L.Line, 0, 0},
             std::to_string(L.Column) + " is out of range " +
                 range(0, Limits::MaxColumn));
      L.Column = 0;
    }
  }

  bool tooDeep(unsigned Depth, const std::string &Path, const SourceLoc &Loc) {
    if (Depth <= Limits::MaxDepth)
      return false;
    report(Path, Loc,
           "nest deeper than " + std::to_string(Limits::MaxDepth) + " levels");
    return true;
  }

  void layers(std::vector<Layer> &Chain, const std::string &Path,
              unsigned Depth) {
    for (size_t I = 0; I < Chain.size() && !done(); ++I) {
      Layer &L = Chain[I];
      std::string P = Path + "[" + std::to_string(I) + "]";
      loc(L.Loc, P + ".loc");
      integer(L.In, 1, Limits::MaxSize, P + ".in", L.Loc);
      integer(L.Out, 1, Limits::MaxSize, P + ".out", L.Loc);
      integer(L.Kernel, 1, Limits::MaxWindow, P + ".kernel", L.Loc);
      integer(L.Stride, 1, Limits::MaxWindow, P + ".stride", L.Loc);
      integer(L.Padding, 0, Limits::MaxWindow, P + ".padding", L.Loc);
      real(L.P, P + ".p", L.Loc, 0.0, 1.0);
      real(L.ActParam, P + ".act_param", L.Loc);
      if (L.Children.empty())
        continue;
      if (tooDeep(Depth + 1, P + ".children", L.Loc)) {
        L.Children.clear();
        continue;
      }
      layers(L.Children, P + ".children", Depth + 1);
    }
  }

  void model(Model &M, const std::string &Path) {
    loc(M.Loc, Path + ".loc");
    loc(M.ForwardLoc, Path + ".forward_loc");
    layers(M.Chain, Path + ".chain", 1);
    for (size_t I = 0; I < M.Members.size(); ++I)
      loc(M.Members[I].Loc, Path + ".members[" + std::to_string(I) + "].loc");
    for (size_t I = 0; I < M.Inits.size(); ++I) {
      Init &In = M.Inits[I];
      std::string P = Path + ".inits[" + std::to_string(I) + "]";
      loc(In.Loc, P + ".loc");
      real(In.A, P + ".a", In.Loc);
      real(In.B, P + ".b", In.Loc);
      real(In.Gain, P + ".gain", In.Loc);
    }
  }

  void optimizer(Optimizer &O, const std::string &Path) {
    loc(O.Loc, Path + ".loc");
    loc(O.LoopLoc, Path + ".loop_loc");
    loc(O.LRLoc, Path + ".lr_loc");
    real(O.LR, Path + ".lr", O.LRLoc.isValid() ? O.LRLoc : O.Loc);
    real(O.Momentum, Path + ".momentum", O.Loc);
    real(O.WeightDecay, Path + ".weight_decay", O.Loc);
    real(O.Beta1, Path + ".beta1", O.Loc);
    real(O.Beta2, Path + ".beta2", O.Loc);
    real(O.Eps, Path + ".eps", O.Loc);
    for (size_t I = 0; I < O.LaterRateLocs.size(); ++I)
      loc(O.LaterRateLocs[I],
          Path + ".later_rate_locs[" + std::to_string(I) + "]");
    // Later rates and their locations are parallel: a bad rate goes with
    // its location.
    for (size_t I = O.LaterRates.size(); I-- > 0;) {
      std::optional<double> R = O.LaterRates[I];
      real(R, Path + ".later_rates[" + std::to_string(I) + "]", O.Loc);
      if (R)
        continue;
      O.LaterRates.erase(O.LaterRates.begin() + I);
      if (I < O.LaterRateLocs.size())
        O.LaterRateLocs.erase(O.LaterRateLocs.begin() + I);
    }
  }

  void data(std::optional<DataInfo> &D, const std::string &Path) {
    if (!D)
      return;
    loc(D->Loc, Path + ".loc");
    integer(D->Rows, 1, Limits::MaxSize, Path + ".rows", D->Loc);
    integer(D->Features, 1, Limits::MaxSize, Path + ".features", D->Loc);
    for (size_t I = 0; I < D->Blocks.size(); ++I) {
      FeatureBlock &B = D->Blocks[I];
      std::string P = Path + ".blocks[" + std::to_string(I) + "]";
      integer(B.Count, 0, Limits::MaxSize, P + ".count", D->Loc);
      if (!std::isfinite(B.Lo) || !std::isfinite(B.Hi) || B.Lo > B.Hi) {
        report(P, D->Loc, "is not a finite range lo <= hi");
        // An unknown range: the checks read an empty block list so.
        D->Blocks.clear();
        return;
      }
    }
  }

  void nodes(std::vector<StepNode> &Body, const std::string &Path,
             const SourceLoc &Parent, size_t Optimizers, unsigned Depth) {
    if (Body.empty())
      return;
    if (tooDeep(Depth, Path, Parent)) {
      Body.clear();
      return;
    }
    for (size_t I = 0; I < Body.size() && !done(); ++I) {
      StepNode &N = Body[I];
      std::string P = Path + "[" + std::to_string(I) + "]";
      loc(N.Loc, P + ".loc");
      StepEvent &E = N.Ev;
      std::string EP = P + ".event";
      loc(E.Loc, EP + ".loc");
      loc(E.GradDisabledLoc, EP + ".grad_disabled_loc");
      loc(E.CallSiteActLoc, EP + ".call_site_act_loc");
      loc(E.DetachLoc, EP + ".detach_loc");
      data(E.Input, EP + ".input");
      data(E.Target, EP + ".target");
      for (size_t J = 0; J < E.UnwrapCallSiteAct.size(); ++J) {
        TextDeletion &Del = E.UnwrapCallSiteAct[J];
        std::string DP = EP + ".unwrap_call_site_act[" + std::to_string(J) + "]";
        loc(Del.Loc, DP + ".loc");
        if (Del.Length > Limits::MaxColumn) {
          report(DP + ".length", Del.Loc,
                 std::to_string(Del.Length) + " is out of range " +
                     range(0, Limits::MaxColumn));
          // A fix with a part missing would be wrong: no fix at all.
          E.UnwrapCallSiteAct.clear();
          break;
        }
      }
      if (E.OptimizerIndex < -1 ||
          (E.OptimizerIndex >= 0 && size_t(E.OptimizerIndex) >= Optimizers)) {
        report(EP + ".optimizer_index", E.Loc,
               std::to_string(E.OptimizerIndex) + " names no optimizer");
        E.OptimizerIndex = -1;
      }
      nodes(N.Children, P + ".children", N.Loc, Optimizers, Depth + 1);
    }
  }
};

int64_t saturatingMul(int64_t A, int64_t B) {
  int64_t R;
  if (__builtin_mul_overflow(A, B, &R))
    return std::numeric_limits<int64_t>::max();
  return R;
}

int64_t saturatingAdd(int64_t A, int64_t B) {
  int64_t R;
  if (__builtin_add_overflow(A, B, &R))
    return std::numeric_limits<int64_t>::max();
  return R;
}

} // namespace

Status validate(const Program &P) {
  Program Copy = P;
  Walker W(/*StopAtFirst=*/true);
  W.program(Copy);
  if (W.Problems.empty())
    return Status::ok();
  return Status::error(W.Problems.front());
}

std::vector<std::string> dropInvalid(Program &P) {
  Walker W(/*StopAtFirst=*/false);
  W.program(P);
  return std::move(W.Problems);
}

int64_t parameterLowerBound(const std::vector<Layer> &Chain) {
  int64_t Total = 0;
  // The width entering the next layer, when the chain states it.
  std::optional<int64_t> Width;
  for (const Layer &L : flatten(Chain)) {
    // Sizes the IR does not state count as 1: a lower bound.
    int64_t In = L.In.value_or(Width.value_or(1));
    int64_t Out = L.Out.value_or(1);
    int64_t K = L.Kernel.value_or(1);
    In = In < 1 ? 1 : In;
    Out = Out < 1 ? 1 : Out;
    K = K < 1 ? 1 : K;
    int64_t N = 0;
    switch (L.Kind) {
    case LayerKind::Linear:
    case LayerKind::Embedding:
    case LayerKind::RNN:
    case LayerKind::LSTM:
    case LayerKind::GRU:
      N = saturatingMul(In, Out);
      break;
    case LayerKind::Conv1d:
    case LayerKind::ConvTranspose:
      N = saturatingMul(saturatingMul(In, Out), K);
      break;
    case LayerKind::Conv2d:
      N = saturatingMul(saturatingMul(In, Out), saturatingMul(K, K));
      break;
    case LayerKind::Conv3d:
      N = saturatingMul(saturatingMul(In, Out),
                        saturatingMul(K, saturatingMul(K, K)));
      break;
    case LayerKind::BatchNorm1d:
    case LayerKind::BatchNorm2d:
    case LayerKind::LayerNorm:
    case LayerKind::GroupNorm:
      N = L.In ? saturatingMul(2, *L.In) : 0;
      break;
    case LayerKind::Dropout:
    case LayerKind::MaxPool:
    case LayerKind::AvgPool:
    case LayerKind::AdaptivePool:
    case LayerKind::Flatten:
    case LayerKind::Activation:
    case LayerKind::Residual:
    case LayerKind::Sequential:
    case LayerKind::Unknown:
      break;
    }
    // Biases, unless the code turns them off: exact for a fully stated
    // chain of linear and convolution layers.
    if (isAffine(L.Kind) && L.Bias.value_or(true))
      N = saturatingAdd(N, Out);
    Total = saturatingAdd(Total, N);
    switch (L.Kind) {
    case LayerKind::Linear:
      Width = L.Out;
      break;
    case LayerKind::Dropout:
    case LayerKind::Activation:
    case LayerKind::BatchNorm1d:
    case LayerKind::LayerNorm:
      break;
    default:
      Width.reset();
      break;
    }
  }
  return Total;
}

} // namespace gradlint::ir
