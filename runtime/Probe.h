//===- runtime/Probe.h - Answer claims by training in Eigen ----*- C++ -*-===//

#ifndef GRADLINT_RUNTIME_PROBE_H
#define GRADLINT_RUNTIME_PROBE_H

#include "rules/ir/Finding.h"
#include "rules/ir/Model.h"

#include <cstdint>
#include <vector>

namespace gradlint::probe {

/// Bounds and knobs of a probe run.
struct ProbeOptions {
  /// Training steps of each variant.
  int Steps = 100;
  /// A model with more parameters is "not probed".
  int64_t MaxParameters = 2000000;
  /// Base seed; runs are deterministic for a given seed.
  unsigned Seed = 1;
  /// Seeds per variant for models up to SmallModel parameters (symptoms
  /// that depend on luck, such as dying ReLUs); larger models get one.
  int Seeds = 3;
  int64_t SmallModel = 50000;
  /// Wall-clock bound of one training run; over it the claim is not probed.
  double MaxSeconds = 20;
  /// The work of the whole probe run, shared by every finding, in
  /// multiply-adds (with a fixed charge per layer and step for the work
  /// that does not scale with the sizes). A variant that would go over what
  /// is left is not trained: its findings say they were not reached. Work,
  /// not seconds, so the verdicts do not depend on the machine's load.
  double MaxMultiplyAdds = 4e10;
};

/// Answers every claim of every finding in \p Findings, in place: each
/// finding with claims gets a Verdict in Finding::Probe.
void probeFindings(const ir::Program &Program,
                   std::vector<ir::Finding> &Findings,
                   const ProbeOptions &Options);

} // namespace gradlint::probe

#endif // GRADLINT_RUNTIME_PROBE_H
