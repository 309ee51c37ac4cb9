//===- runtime/Probe.h - Answer claims by training in Eigen ----*- C++ -*-===//

#ifndef GRADLINT_RUNTIME_PROBE_H
#define GRADLINT_RUNTIME_PROBE_H

#include "rules/ir/Finding.h"
#include "rules/ir/Model.h"

#include <cstdint>
#include <vector>

namespace gradlint::probe {

/// Bounds and knobs of a probe run. Nothing here depends on the machine's
/// speed or load: the same program gets the same verdict anywhere.
struct ProbeOptions {
  /// Training steps of each variant when the program's loop count is not
  /// stated (a stated count is used as is, within the budget).
  int Steps = 100;
  /// A model with more parameters is "not probed".
  int64_t MaxParameters = 2000000;
  /// Base seed; runs are deterministic for a given seed.
  unsigned Seed = 1;
  /// Seeds per variant when the budget allows; fewer (at least one) when
  /// it does not.
  int Seeds = 10;
  /// Multiply-adds one variant (all its seeds) may spend: forward and
  /// backward of each step counted as three forward passes of the batch.
  /// Over it, seeds go first, then steps; a single step over it is "not
  /// probed".
  double MaxMultiplyAdds = 5e9;
  /// The work of a whole probe run, shared by every finding, in
  /// multiply-adds. A variant that would go over what is left is not
  /// trained: its findings say they were not reached. Work, not seconds, so
  /// the verdicts do not depend on the machine's load.
  double MaxRunMultiplyAdds = 4e10;
};

/// One seed's answers for a claim: the metric as written \p A and fixed
/// \p B, the loss after training as written and fixed. Held: the claim
/// holds as written. Removed: the fix crosses the threshold and moves the
/// metric by FixFactor. Lowered: the fix lowers the loss by 10 % (keeps it
/// finite where the written run diverges). Helps: Lowered, or Held and
/// Removed without raising the loss by 10 %. Without a fix only Held counts.
struct SeedOutcome {
  bool Held = false, Removed = false, Lowered = false, Helps = false,
       Confirms = false;
};
SeedOutcome judgeSeed(const ir::Claim &C, double A, double B,
                      double LossWritten, double LossFixed, bool HasFix);

/// The seed of the \p I-th run of every variant (so the written and fixed
/// variants of a claim see the same data, init and dropout streams).
uint64_t runSeed(const ProbeOptions &O, int I);

/// The verdict rule over \p Seeds seeds (a clear majority is two thirds;
/// with fewer than three seeds, all of them): confirmed when the claim held,
/// the fix removed it and lowered the loss in a clear majority
/// (\p Confirming); not confirmed when the fix helped (lowered the loss, or
/// removed a mechanism that held without raising the loss) in at most a
/// third (\p Helping); otherwise inconclusive.
ir::VerdictKind decideVerdict(int Seeds, int Confirming, int Helping);

/// Answers every claim of every finding in \p Findings, in place: each
/// finding with claims gets a Verdict in Finding::Probe.
void probeFindings(const ir::Program &Program,
                   std::vector<ir::Finding> &Findings,
                   const ProbeOptions &Options);

} // namespace gradlint::probe

#endif // GRADLINT_RUNTIME_PROBE_H
