//===- runtime/Probe.cpp - Answer claims by training in Eigen -------------===//
//
// For each claim: resolve how the program trains the claim's model, train
// it as written and with the claim's fix (several seeds for small models,
// medians), and compare the claim's metric with its threshold.
//
//===----------------------------------------------------------------------===//

#include "runtime/Probe.h"
#include "runtime/Lowering.h"
#include "runtime/Setup.h"
#include "runtime/Trainer.h"
#include "rules/ir/Validate.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

namespace gradlint::probe {

namespace {

struct Variant {
  bool Ok = false;
  std::string Error;
  Measurements M;
  std::string OptName;
  int Steps = 0;
};

std::string num(double V) {
  char Buf[32];
  std::snprintf(Buf, sizeof Buf, "%.2g", V);
  return Buf;
}

std::string percent(double V) {
  char Buf[32];
  std::snprintf(Buf, sizeof Buf, "%.3g%%", 100 * V);
  return Buf;
}

double medianOf(std::vector<double> V) {
  std::sort(V.begin(), V.end());
  size_t N = V.size();
  return N % 2 ? V[N / 2] : 0.5 * (V[N / 2 - 1] + V[N / 2]);
}

/// Bookkeeping of work per layer and step that does not scale with the
/// sizes (measurements, small-matrix overhead), in multiply-add
/// equivalents; calibrated so that a 4-layer MLP of 121 parameters costs
/// what it takes (about 0.25 ms a step).
constexpr double LayerStepCharge = 1e5;

/// The multiply-adds of training \p Net: forward and backward (about three
/// forward passes) over \p Batch samples per step.
double trainingCost(Network &Net, int64_t Batch, int Steps, int Seeds) {
  double PerSample = 0;
  for (Network::Entry &E : Net.Layers) {
    double Params = 0;
    for (Param *X : E.L->params())
      Params += double(X->Value.size());
    // A convolution's weights are applied at every output position.
    double Positions = E.Out.Dims ? double(E.Out.H) * double(E.Out.W) : 1.0;
    PerSample += Params * Positions + double(E.In.size()) + double(E.Out.size());
  }
  double PerStep = 3 * PerSample * double(Batch) +
                   LayerStepCharge * double(Net.Layers.size());
  return PerStep * Steps * Seeds;
}

Variant runVariant(const ir::Program &P, const std::string &Model,
                   const ir::Fix &F, const ProbeOptions &O, double &Left) {
  Variant R;
  StatusOr<TrainingSetup> S = resolveSetup(P, Model);
  if (!S) {
    R.Error = S.status().message();
    return R;
  }
  if (Status FS = applyFix(*S, F); !FS) {
    R.Error = FS.message();
    return R;
  }
  // Refused before a single weight is allocated (a stated Linear(40000,
  // 40000) would take gigabytes first). The count is a lower bound from
  // the stated sizes, exact when all are stated.
  if (int64_t Least = ir::parameterLowerBound(S->Model.Chain);
      Least > O.MaxParameters) {
    R.Error = std::to_string(Least) + " parameters over the limit of " +
              std::to_string(O.MaxParameters);
    return R;
  }
  {
    std::mt19937 Rng(O.Seed);
    auto Net = lower(S->Model, S->Input.Features, S->CallSiteActs, Rng);
    if (!Net) {
      R.Error = Net.status().message();
      return R;
    }
    int64_t N = (*Net)->parameterCount();
    if (N > O.MaxParameters) {
      R.Error = std::to_string(N) + " parameters over the limit of " +
                std::to_string(O.MaxParameters);
      return R;
    }
    int Seeds = N <= O.SmallModel ? std::max(1, O.Seeds) : 1;
    double Cost = trainingCost(**Net, S->Batch, O.Steps, Seeds);
    if (Cost > O.MaxMultiplyAdds) {
      R.Error = "training it takes about " + num(Cost) +
                " multiply-adds, over the probe's budget of " +
                num(O.MaxMultiplyAdds);
      return R;
    }
    if (Cost > Left) {
      R.Error = "not reached: the probe's budget of " +
                num(O.MaxMultiplyAdds) +
                " multiply-adds for this run is spent";
      return R;
    }
    Left -= Cost;
    R.Ok = true;
    std::map<std::string, std::vector<double>> All;
    for (int I = 0; I < Seeds; ++I) {
      StatusOr<Measurements> M =
          train(*S, O.Steps, O.Seed + 7919u * unsigned(I), O.MaxSeconds);
      if (!M) {
        R.Ok = false;
        R.Error = M.status().message();
        return R;
      }
      for (auto &[K, V] : *M)
        All[K].push_back(V);
    }
    for (auto &[K, V] : All)
      if (int(V.size()) == Seeds)
        R.M[K] = medianOf(V);
    R.M["seeds"] = Seeds;
    R.M["parameters"] = double(N);
  }
  R.OptName = S->OptName;
  R.Steps = int(R.M.count("steps") ? R.M["steps"] : 0);
  return R;
}

std::string fixKey(const std::string &Model, const ir::Fix &F) {
  return Model + "|" + std::string(ir::name(F.Kind)) + "|" +
         (F.Value ? num(*F.Value) + std::to_string(*F.Value) : "") + "|" +
         std::string(ir::name(F.NewAct));
}

/// "the first layer's gradient norm is 3.1e-05 of the last layer's".
std::string phrase(ir::Metric M, double V) {
  switch (M) {
  case ir::Metric::FirstLastGradRatio:
    return "the first layer's gradient norm is " + num(V) + " of the last layer's";
  case ir::Metric::SaturatedShare:
    return percent(V) + " of the sigmoid/tanh inputs are saturated (|x| >= 5)";
  case ir::Metric::DeadShare:
    return percent(V) + " of the ReLU units are dead (active on < 1% of samples)";
  case ir::Metric::OutputSpreadRatio:
    return "the output spread is " + num(V) + " of the target spread";
  case ir::Metric::RelativeUpdate:
    return "the median relative weight update per step is " + num(V);
  case ir::Metric::LossDecrease:
    return "the loss falls by " + percent(V);
  case ir::Metric::HiddenUnitSimilarity:
    return "hidden units' incoming weights have cosine similarity up to " + num(V);
  case ir::Metric::GradNormGrowth:
    return "the gradient norm at the last step is " + num(V) + "x that at the first";
  case ir::Metric::ZeroOutputShare:
    return percent(V) + " of the outputs are exactly zero";
  case ir::Metric::NonFinite:
    return V > 0.5 ? "values become NaN/inf" : "all values stay finite";
  case ir::Metric::ActivationSpreadRatio:
    return "the last layer's activation spread is " + num(V) + " of the first layer's";
  case ir::Metric::OutputGradNorm:
    return "the gradient reaching the output is " + num(V) + " of that with the fix";
  case ir::Metric::RelativeFinalLoss:
    return "the final loss is " + num(V) + " of a constant prediction's";
  }
  return num(V);
}

/// The same number in the short form used after "with the fix it is".
std::string shortValue(ir::Metric M, double V) {
  switch (M) {
  case ir::Metric::SaturatedShare:
  case ir::Metric::DeadShare:
  case ir::Metric::LossDecrease:
  case ir::Metric::ZeroOutputShare:
    return percent(V);
  case ir::Metric::NonFinite:
    return V > 0.5 ? "NaN/inf" : "finite";
  default:
    return num(V);
  }
}

bool holds(const ir::Claim &C, double V) {
  return C.Cmp == ir::Compare::Less ? V < C.Threshold : V > C.Threshold;
}

struct ClaimResult {
  ir::VerdictKind Kind = ir::VerdictKind::NotProbed;
  std::string Clause;
  std::string OptName;
  int Steps = 0;
};

} // namespace

void probeFindings(const ir::Program &Program,
                   std::vector<ir::Finding> &Findings,
                   const ProbeOptions &Options) {
  std::map<std::string, Variant> Cache;
  double Left = Options.MaxMultiplyAdds;
  auto Get = [&](const std::string &Model, const ir::Fix &F) -> const Variant & {
    std::string Key = fixKey(Model, F);
    auto It = Cache.find(Key);
    if (It == Cache.end())
      It = Cache.emplace(Key, runVariant(Program, Model, F, Options, Left)).first;
    return It->second;
  };

  for (ir::Finding &Fd : Findings) {
    if (Fd.Claims.empty())
      continue;
    ir::Verdict V;
    std::vector<ClaimResult> Results;
    for (const ir::Claim &C : Fd.Claims) {
      ClaimResult R;
      const Variant &W = Get(C.ModelName, ir::Fix());
      std::string Key(ir::name(C.What));
      if (!W.Ok) {
        R.Clause = W.Error;
        Results.push_back(R);
        continue;
      }
      R.OptName = W.OptName;
      R.Steps = W.Steps;
      for (auto &[K, X] : W.M)
        V.AsWritten.emplace(K, X);
      bool HasFix = C.TheFix.Kind != ir::FixKind::None;
      const Variant *Fx = HasFix ? &Get(C.ModelName, C.TheFix) : nullptr;
      if (Fx && !Fx->Ok) {
        R.Clause = "the fixed variant cannot be trained: " + Fx->Error;
        Results.push_back(R);
        continue;
      }
      if (!W.M.count(Key) || (Fx && !Fx->M.count(Key))) {
        R.Clause = "the network has nothing to measure " + Key + " on";
        Results.push_back(R);
        continue;
      }
      double A = W.M.at(Key), B = Fx ? Fx->M.at(Key) : A;
      if (C.What == ir::Metric::OutputGradNorm && Fx) {
        // Documented as a ratio: as written over fixed.
        A = B > 0 ? A / B : (A > 0 ? INFINITY : 1);
        B = 1;
      }
      V.AsWritten[Key] = A;
      if (Fx) {
        for (auto &[K, X] : Fx->M)
          V.Fixed.emplace(K, X);
        V.Fixed[Key] = B;
      }
      bool Written = holds(C, A);
      bool Gone = true, Factor = true;
      if (Fx) {
        Gone = !holds(C, B);
        if (C.Cmp == ir::Compare::Less)
          Factor = A > 0 ? B >= A * C.FixFactor : B > A;
        else
          Factor = B > 0 ? A >= B * C.FixFactor : A > B;
      }
      R.Kind = Written && Gone && Factor ? ir::VerdictKind::Confirmed
                                         : ir::VerdictKind::NotConfirmed;
      R.Clause = phrase(C.What, A);
      if (Fx)
        R.Clause += "; with " + describeFix(C.TheFix) + " it is " +
                    shortValue(C.What, B);
      if (R.Kind == ir::VerdictKind::NotConfirmed) {
        std::string Cmp = C.Cmp == ir::Compare::Less ? "<" : ">";
        if (!Written)
          R.Clause += " (the claim needs " + Cmp + " " + num(C.Threshold) + ")";
        else if (!Gone || !Factor)
          R.Clause += " (the fix needs to change it " + num(C.FixFactor) + "x and cross " +
                      num(C.Threshold) + ")";
      }
      Results.push_back(R);
    }

    bool AnyNot = false, AnyUnprobed = false;
    for (const ClaimResult &R : Results) {
      AnyNot |= R.Kind == ir::VerdictKind::NotConfirmed;
      AnyUnprobed |= R.Kind == ir::VerdictKind::NotProbed;
    }
    V.Kind = AnyNot ? ir::VerdictKind::NotConfirmed
             : AnyUnprobed ? ir::VerdictKind::NotProbed
                           : ir::VerdictKind::Confirmed;
    std::string Summary;
    if (V.Kind == ir::VerdictKind::NotProbed) {
      for (const ClaimResult &R : Results)
        if (R.Kind == ir::VerdictKind::NotProbed) {
          Summary = "not probed: " + R.Clause;
          break;
        }
    } else {
      Summary = V.Kind == ir::VerdictKind::Confirmed ? "confirmed: " : "not confirmed: ";
      const ClaimResult *First = nullptr;
      for (const ClaimResult &R : Results)
        if (R.Kind != ir::VerdictKind::NotProbed) {
          First = &R;
          break;
        }
      Summary += "after " + std::to_string(First->Steps) + " " + First->OptName +
                 " steps ";
      bool Lead = true;
      for (const ClaimResult &R : Results) {
        if (!Lead)
          Summary += "; and ";
        if (R.Kind == ir::VerdictKind::NotProbed)
          Summary += "not probed: ";
        Summary += R.Clause;
        Lead = false;
      }
    }
    V.Summary = Summary;
    Fd.Probe = V;
  }
}

} // namespace gradlint::probe
