//===- runtime/Probe.cpp - Answer claims by training in Eigen -------------===//

#include "runtime/Probe.h"

namespace gradlint::probe {

void probeFindings(const ir::Program &Program,
                   std::vector<ir::Finding> &Findings,
                   const ProbeOptions &Options) {
  for (ir::Finding &F : Findings) {
    if (F.Claims.empty())
      continue;
    ir::Verdict V;
    V.Kind = ir::VerdictKind::NotProbed;
    V.Summary = "not probed: the probe cannot train this model yet";
    F.Probe = V;
  }
}

} // namespace gradlint::probe
