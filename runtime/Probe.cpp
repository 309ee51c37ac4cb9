//===- runtime/Probe.cpp - Answer claims by training in Eigen -------------===//
//
// For each claim: resolve how the program trains the claim's model, plan
// the run within a budget of multiply-adds (the program's step count, as
// many seeds as fit up to ProbeOptions::Seeds), train it as written and
// with the claim's fix on the same seeds, and decide per seed whether the
// claim held, the fix removed it and the fix lowered the loss. The verdict
// counts seeds (see decide()).
//
//===----------------------------------------------------------------------===//

#include "runtime/Probe.h"
#include "runtime/Lowering.h"
#include "runtime/Random.h"
#include "runtime/Setup.h"
#include "runtime/Trainer.h"
#include "rules/ir/Validate.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <map>

namespace gradlint::probe {

namespace {

/// Steps and seeds of one claim's runs; the fixed variant reuses the
/// written one's plan so both see the same seeds for the same steps.
struct Plan {
  int Steps = 0;
  int Seeds = 0;
  /// Multiply-adds of one training step (forward + backward of a batch).
  double StepCost = 0;
  std::vector<std::string> Assumptions;
};

struct Variant {
  bool Ok = false;
  std::string Error;
  std::vector<Measurements> PerSeed;
  /// Each seed's run step by step, parallel to PerSeed.
  std::vector<ir::SeedCurve> Curves;
  std::vector<std::string> CurveLayers;
  Measurements Median;
  std::string OptName;
  Plan ThePlan;
  std::vector<std::string> Assumptions;
};

double medianOf(std::vector<double> V) {
  if (V.empty())
    return std::nan("");
  std::sort(V.begin(), V.end());
  size_t N = V.size();
  return N % 2 ? V[N / 2] : 0.5 * (V[N / 2 - 1] + V[N / 2]);
}

std::string num(double V) { return ir::shortNumber(V); }



StatusOr<Plan> makePlan(const TrainingSetup &S, Network &Net,
                        const ProbeOptions &O) {
  Plan P;
  // Forward + backward: about three forward passes of the batch.
  P.StepCost = 3.0 * double(Net.multiplyAdds()) * double(S.Batch);
  int64_t Wanted = O.Steps;
  if (S.LoopSteps)
    Wanted = std::max<int64_t>(1, *S.LoopSteps);
  else
    P.Assumptions.push_back("the loop count is not stated: " +
                            std::to_string(O.Steps) + " steps");
  // Whatever fits the budget also fits an int (a budget of 2^31 steps of
  // one multiply-add each is far beyond any default).
  auto AsInt = [](int64_t N) { return int(std::min<int64_t>(N, INT32_MAX)); };
  if (P.StepCost * double(Wanted) * O.Seeds <= O.MaxMultiplyAdds) {
    P.Steps = AsInt(Wanted);
    P.Seeds = O.Seeds;
    return P;
  }
  double PerSeed = P.StepCost * double(Wanted);
  int Seeds = int(O.MaxMultiplyAdds / PerSeed);
  if (Seeds >= 1) {
    P.Steps = AsInt(Wanted);
    P.Seeds = Seeds;
    return P;
  }
  int64_t Steps = int64_t(O.MaxMultiplyAdds / P.StepCost);
  if (Steps < 1)
    return Status::error("one training step needs " + num(P.StepCost) +
                         " multiply-adds, over the budget of " +
                         num(O.MaxMultiplyAdds));
  P.Steps = AsInt(Steps);
  P.Seeds = 1;
  P.Assumptions.push_back("the budget of " + num(O.MaxMultiplyAdds) +
                          " multiply-adds allows " + std::to_string(Steps) +
                          " of " + std::to_string(Wanted) + " steps");
  return P;
}

Variant runVariant(const ir::Program &P, const std::string &Model,
                   const ir::Fix &F, const ProbeOptions &O, const Plan *Given,
                   double &Left) {
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
  std::mt19937 Rng(O.Seed);
  auto Net = lower(S->Model, S->Input.Features, S->CallSiteActs, Rng,
                   S->Input.SampleDims);
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
  if (Given) {
    R.ThePlan = *Given;
  } else {
    StatusOr<Plan> Pl = makePlan(*S, **Net, O);
    if (!Pl) {
      R.Error = Pl.status().message();
      return R;
    }
    R.ThePlan = *Pl;
  }
  double Cost = R.ThePlan.StepCost * R.ThePlan.Steps * R.ThePlan.Seeds;
  if (Cost > Left) {
    R.Error = "not reached: the probe's budget of " +
              num(O.MaxRunMultiplyAdds) +
              " multiply-adds for this run is spent";
    return R;
  }
  Left -= Cost;
  std::map<std::string, std::vector<double>> All;
  for (int I = 0; I < R.ThePlan.Seeds; ++I) {
    ir::SeedCurve Curve;
    StatusOr<Measurements> M = train(*S, R.ThePlan.Steps, runSeed(O, I),
                                     &Curve, &R.CurveLayers);
    if (!M) {
      R.Error = M.status().message();
      return R;
    }
    R.Curves.push_back(std::move(Curve));
    for (auto &[K, V] : *M)
      All[K].push_back(V);
    R.PerSeed.push_back(std::move(*M));
  }
  for (auto &[K, V] : All)
    if (int(V.size()) == R.ThePlan.Seeds)
      R.Median[K] = medianOf(V);
  R.Median["seeds"] = R.ThePlan.Seeds;
  R.Median["parameters"] = double(N);
  R.Median["multiply_adds"] =
      R.ThePlan.StepCost * R.ThePlan.Steps * R.ThePlan.Seeds;
  R.OptName = S->OptName;
  R.Assumptions = S->Assumptions;
  R.Ok = true;
  return R;
}

std::string fixKey(const std::string &Model, const ir::Fix &F) {
  return Model + "|" + std::string(ir::name(F.Kind)) + "|" +
         (F.Value ? std::to_string(*F.Value) : "") + "|" +
         std::string(ir::name(F.NewAct)) + "|" + F.InitLoc.File + ":" +
         std::to_string(F.InitLoc.Line) + ":" + std::to_string(F.InitLoc.Column);
}

bool holds(const ir::Claim &C, double V) {
  if (std::isnan(V))
    return false;
  return C.Cmp == ir::Compare::Less ? V < C.Threshold : V > C.Threshold;
}

/// The fix moves the metric by FixFactor in the claim's direction.
bool movesEnough(const ir::Claim &C, double A, double B) {
  if (std::isnan(A) || std::isnan(B))
    return false;
  if (C.Cmp == ir::Compare::Less)
    return A > 0 ? B >= A * C.FixFactor : B > A;
  return B > 0 ? A >= B * C.FixFactor : A > B;
}

/// The fix lowers the loss after training by at least 10 % (or keeps it
/// finite where the code as written diverges).
bool lowersLoss(double Written, double Fixed) {
  if (!std::isfinite(Fixed))
    return false;
  if (!std::isfinite(Written))
    return true;
  return Fixed < Written - 0.1 * std::abs(Written);
}

/// The fix raises the loss after training by over 10 %.
bool raisesLoss(double Written, double Fixed) {
  if (!std::isfinite(Written))
    return false;
  if (!std::isfinite(Fixed))
    return true;
  return Fixed > Written + 0.1 * std::abs(Written);
}

/// Per-seed answers of one claim.
struct ClaimSeeds {
  std::vector<bool> Held, Removed, Lowered, Helps, Confirms;
  std::vector<double> A, B;
};

/// The verdict rule. n seeds; a clear majority is at least two thirds.
/// Confirmed: in a clear majority of seeds the claim holds as written and
/// the fix both removes it and lowers the loss (a claim without a fix: it
/// holds). Not confirmed: the fix clearly does not help: in at most a third
/// of the seeds does it lower the loss or remove a mechanism that held
/// without raising the loss (without a fix: the claim holds in at most a
/// third). Anything between is inconclusive, and keeps the finding.
ir::VerdictKind decide(const ClaimSeeds &CS) {
  return decideVerdict(int(CS.Held.size()),
                       int(std::count(CS.Confirms.begin(), CS.Confirms.end(), true)),
                       int(std::count(CS.Helps.begin(), CS.Helps.end(), true)));
}

struct ClaimResult {
  ir::VerdictKind Kind = ir::VerdictKind::NotProbed;
  std::string Clause;
  ClaimSeeds Seeds;
};

std::string countOf(const std::vector<bool> &V) {
  return std::to_string(std::count(V.begin(), V.end(), true)) + " of " +
         std::to_string(V.size());
}

/// ", median of 10 seeds (1.1e-04 to 8e-04)".
std::string spread(std::vector<double> V) {
  if (V.size() < 2)
    return "";
  std::sort(V.begin(), V.end());
  if (V.front() == V.back() || (std::isnan(V.front()) && std::isnan(V.back())))
    return ", in every one of " + std::to_string(V.size()) + " seeds";
  return ", median of " + std::to_string(V.size()) + " seeds (" +
         num(V.front()) + " to " + num(V.back()) + ")";
}

ClaimResult evaluate(const ir::Claim &C, const Variant &W, const Variant *Fx,
                     ir::Verdict &V) {
  ClaimResult R;
  std::string Key(ir::name(C.What));
  for (const Measurements &M : W.PerSeed)
    if (!M.count(Key)) {
      R.Clause = "the network has nothing to measure " + Key + " on";
      return R;
    }
  if (Fx)
    for (const Measurements &M : Fx->PerSeed)
      if (!M.count(Key)) {
        R.Clause = "the fixed network has nothing to measure " + Key + " on";
        return R;
      }
  ClaimSeeds &CS = R.Seeds;
  std::vector<double> LW, LF;
  for (size_t I = 0; I < W.PerSeed.size(); ++I) {
    double A = W.PerSeed[I].at(Key);
    double B = Fx ? Fx->PerSeed[I].at(Key) : A;
    if ((C.What == ir::Metric::OutputGradNorm ||
         C.What == ir::Metric::LossRatio) && Fx) {
      // Documented as a ratio: as written over fixed (a diverged fixed run
      // against a finite written one is 0; both diverged, 1).
      if (!std::isfinite(B))
        A = std::isfinite(A) ? 0 : 1;
      else
        A = B > 0 ? A / B : (A > 0 ? INFINITY : 1);
      B = 1;
    }
    CS.A.push_back(A);
    CS.B.push_back(B);
    double LWi = NAN, LFi = NAN;
    if (Fx) {
      LW.push_back(LWi = W.PerSeed[I].at("task_loss"));
      LF.push_back(LFi = Fx->PerSeed[I].at("task_loss"));
    }
    SeedOutcome O = judgeSeed(C, A, B, LWi, LFi, Fx != nullptr);
    CS.Held.push_back(O.Held);
    CS.Removed.push_back(O.Removed);
    CS.Lowered.push_back(O.Lowered);
    CS.Helps.push_back(O.Helps);
    CS.Confirms.push_back(O.Confirms);
  }
  R.Kind = decide(CS);

  double MA = medianOf(CS.A), MB = medianOf(CS.B);
  V.AsWritten[Key] = MA;
  if (Fx)
    V.Fixed[Key] = MB;
  R.Clause = ir::describeMeasurement(C.What, MA) + spread(CS.A);
  if (Fx) {
    R.Clause += "; with " + describeFix(C.TheFix) + " it is " +
                ir::shortMeasurement(C.What, MB);
    R.Clause += "; the loss after training is " + num(medianOf(LW)) +
                " as written and " + num(medianOf(LF)) + " with the fix";
  }
  std::string Cmp = C.Cmp == ir::Compare::Less ? "<" : ">";
  switch (R.Kind) {
  case ir::VerdictKind::Confirmed:
    break;
  case ir::VerdictKind::NotConfirmed:
  case ir::VerdictKind::Inconclusive:
    R.Clause += " (the claim, " + Cmp + " " + num(C.Threshold) + ", holds in " +
                countOf(CS.Held) + " seeds";
    if (Fx)
      R.Clause += "; the fix removes it in " + countOf(CS.Removed) +
                  " and lowers the loss by 10% in " + countOf(CS.Lowered);
    R.Clause += ")";
    break;
  case ir::VerdictKind::Proven:
  case ir::VerdictKind::NotProbed:
    break;
  }
  return R;
}

/// A proof the probe could not measure (\p Why, or nothing to train).
ir::Verdict proofOnly(const std::string &Proof, const std::string &Why) {
  ir::Verdict V;
  V.Kind = ir::VerdictKind::Proven;
  V.Summary = Proof;
  if (!Why.empty())
    V.Summary += " (the probe cannot show it: " + Why + ")";
  return V;
}

void addAssumptions(ir::Verdict &V, const std::vector<std::string> &A) {
  for (const std::string &S : A)
    if (std::find(V.Assumptions.begin(), V.Assumptions.end(), S) ==
        V.Assumptions.end())
      V.Assumptions.push_back(S);
}

} // namespace

SeedOutcome judgeSeed(const ir::Claim &C, double A, double B,
                      double LossWritten, double LossFixed, bool HasFix) {
  SeedOutcome O;
  O.Held = holds(C, A);
  O.Removed = !HasFix || (!holds(C, B) && movesEnough(C, A, B));
  O.Lowered = !HasFix || lowersLoss(LossWritten, LossFixed);
  bool Raised = HasFix && raisesLoss(LossWritten, LossFixed);
  O.Helps = HasFix ? O.Lowered || (O.Held && O.Removed && !Raised) : O.Held;
  O.Confirms = O.Held && O.Removed && O.Lowered;
  return O;
}

uint64_t runSeed(const ProbeOptions &O, int I) {
  return mix64(uint64_t(O.Seed) * 0x100000001b3ull + uint64_t(I));
}

ir::VerdictKind decideVerdict(int Seeds, int Confirming, int Helping) {
  bool Clear = Seeds >= 3 ? 3 * Confirming >= 2 * Seeds : Confirming == Seeds;
  if (Seeds > 0 && Clear)
    return ir::VerdictKind::Confirmed;
  if (3 * Helping <= Seeds)
    return ir::VerdictKind::NotConfirmed;
  return ir::VerdictKind::Inconclusive;
}

void probeFindings(const ir::Program &Program,
                   std::vector<ir::Finding> &Findings,
                   const ProbeOptions &Options) {
  std::map<std::string, Variant> Cache;
  // The work of the whole run, shared by every finding (a variant of one
  // finding's may be another's, and is then trained once).
  double Left = Options.MaxRunMultiplyAdds;
  auto Get = [&](const std::string &Model, const ir::Fix &F,
                 const Plan *Given) -> const Variant & {
    std::string Key = fixKey(Model, F);
    auto It = Cache.find(Key);
    if (It == Cache.end())
      It = Cache.emplace(Key, runVariant(Program, Model, F, Options, Given, Left))
               .first;
    return It->second;
  };

  for (ir::Finding &Fd : Findings) {
    if (Fd.Claims.empty()) {
      if (!Fd.Proof.empty())
        Fd.Probe = proofOnly(Fd.Proof, "");
      continue;
    }
    ir::Verdict V;
    std::vector<ClaimResult> Results;
    const Variant *Lead = nullptr;
    // The fixed runs drawn beside the written ones: the first probed
    // claim's.
    const Variant *LeadFix = nullptr;
    std::string LeadFixText;
    for (const ir::Claim &C : Fd.Claims) {
      ClaimResult R;
      const Variant &W = Get(C.ModelName, ir::Fix(), nullptr);
      if (!W.Ok) {
        R.Clause = W.Error;
        Results.push_back(R);
        continue;
      }
      if (!Lead)
        Lead = &W;
      for (auto &[K, X] : W.Median)
        V.AsWritten.emplace(K, X);
      addAssumptions(V, W.Assumptions);
      addAssumptions(V, W.ThePlan.Assumptions);
      bool HasFix = C.TheFix.Kind != ir::FixKind::None;
      const Variant *Fx = HasFix ? &Get(C.ModelName, C.TheFix, &W.ThePlan) : nullptr;
      if (Fx && !Fx->Ok) {
        R.Clause = "the fixed variant cannot be trained: " + Fx->Error;
        Results.push_back(R);
        continue;
      }
      if (Fx) {
        for (auto &[K, X] : Fx->Median)
          V.Fixed.emplace(K, X);
        if (!LeadFix) {
          LeadFix = Fx;
          LeadFixText = describeFix(C.TheFix);
        }
      }
      Results.push_back(evaluate(C, W, Fx, V));
    }

    bool AnyNot = false, AnyInconclusive = false, AnyUnprobed = false;
    for (const ClaimResult &R : Results) {
      AnyNot |= R.Kind == ir::VerdictKind::NotConfirmed;
      AnyInconclusive |= R.Kind == ir::VerdictKind::Inconclusive;
      AnyUnprobed |= R.Kind == ir::VerdictKind::NotProbed;
    }
    V.Kind = AnyNot            ? ir::VerdictKind::NotConfirmed
             : AnyInconclusive ? ir::VerdictKind::Inconclusive
             : AnyUnprobed     ? ir::VerdictKind::NotProbed
                               : ir::VerdictKind::Confirmed;
    if (V.Kind == ir::VerdictKind::NotProbed) {
      V.Assumptions.clear();
      std::string Why;
      for (const ClaimResult &R : Results)
        if (R.Kind == ir::VerdictKind::NotProbed) {
          Why = R.Clause;
          V.Summary = "not probed: " + R.Clause;
          break;
        }
      Fd.Probe = Fd.Proof.empty() ? V : proofOnly(Fd.Proof, Why);
      continue;
    }
    // Seeds in which every probed claim confirms.
    V.Seeds = Lead->ThePlan.Seeds;
    for (int I = 0; I < V.Seeds; ++I) {
      bool All = true;
      for (const ClaimResult &R : Results)
        if (R.Kind != ir::VerdictKind::NotProbed)
          All = All && size_t(I) < R.Seeds.Confirms.size() && R.Seeds.Confirms[size_t(I)];
      V.SeedsConfirming += All ? 1 : 0;
    }
    V.AsWritten["seeds_confirming"] = V.SeedsConfirming;
    std::string Count = std::to_string(V.SeedsConfirming) + " of " +
                        std::to_string(V.Seeds) + " seeds";
    std::string Head = V.Kind == ir::VerdictKind::Confirmed
                           ? "confirmed in " + Count
                       : V.Kind == ir::VerdictKind::NotConfirmed
                           ? "not confirmed (confirmed in " + Count + ")"
                           : "inconclusive (confirmed in " + Count + ")";
    std::string Body = "over " + std::to_string(Lead->ThePlan.Steps) + " " +
                       Lead->OptName + " steps, ";
    bool First = true;
    for (const ClaimResult &R : Results) {
      if (!First)
        Body += "; and ";
      if (R.Kind == ir::VerdictKind::NotProbed)
        Body += "not probed: ";
      Body += R.Clause;
      First = false;
    }
    V.Summary = Head + ": " + Body;
    if (!Fd.Proof.empty()) {
      // The code proves the mechanism; the probe shows it. Proven when
      // every probed claim's mechanism held in every seed, whatever the
      // loss did (the harm depends on the task, the mechanism does not);
      // otherwise the probe saw something the proof rules out, and the
      // verdict says so without downgrading the finding.
      int Held = V.Seeds;
      for (const ClaimResult &R : Results)
        if (R.Kind != ir::VerdictKind::NotProbed)
          Held = std::min<int>(Held, int(std::count(R.Seeds.Held.begin(),
                                                    R.Seeds.Held.end(), true)));
      std::string Seen = std::to_string(Held) + " of " + std::to_string(V.Seeds) +
                         " seeds";
      if (Held == V.Seeds) {
        V.Kind = ir::VerdictKind::Proven;
        V.Summary = Fd.Proof + "; the probe measures it in " + Seen + ": " + Body;
      } else {
        V.Kind = ir::VerdictKind::Inconclusive;
        V.Summary = "inconclusive (the probe measures the proof's effect in " +
                    Seen + "): " + Body + "; the code proves: " + Fd.Proof;
      }
    }
    ir::ProbeCurves Curves;
    Curves.Layers = Lead->CurveLayers;
    Curves.AsWritten = Lead->Curves;
    if (LeadFix && LeadFix->CurveLayers == Lead->CurveLayers) {
      Curves.Fixed = LeadFix->Curves;
      Curves.FixDescription = LeadFixText;
    }
    V.Curves = std::move(Curves);
    Fd.Probe = V;
  }
}

} // namespace gradlint::probe
