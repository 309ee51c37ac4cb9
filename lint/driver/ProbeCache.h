//===- lint/driver/ProbeCache.h - Probe verdicts kept between runs -*- C++ -*-===//
//
// The probe is deterministic: the same merged model IR, the same claims in
// the same order and the same probe options give the same verdicts. A
// re-run on unchanged code takes them from the result cache instead of
// training again.
//
//===----------------------------------------------------------------------===//

#ifndef GRADLINT_LINT_DRIVER_PROBECACHE_H
#define GRADLINT_LINT_DRIVER_PROBECACHE_H

#include "rules/ir/Finding.h"
#include "rules/ir/Model.h"
#include "runtime/Probe.h"

#include <optional>
#include <string>
#include <vector>

namespace gradlint::lint {

class ResultCache;

/// The cache key: the program's JSON, every finding's claims and the
/// options, every field and every double bit-exact.
std::string probeKey(const ir::Program &P,
                     const std::vector<ir::Finding> &Findings,
                     const probe::ProbeOptions &O);

/// The verdicts of \p Findings (one per finding, none without claims),
/// every double bit-exact.
std::string verdictsToText(const std::vector<ir::Finding> &Findings);

/// Reads verdictsToText's text back into \p Findings; false (and nothing
/// changed) if it is not exactly one entry per finding.
bool verdictsFromText(const std::string &Text,
                      std::vector<ir::Finding> &Findings);

/// probe::probeFindings, through \p Cache. Returns whether the verdicts
/// came from the cache.
bool probeWithCache(const ir::Program &P, std::vector<ir::Finding> &Findings,
                    const probe::ProbeOptions &O, const ResultCache &Cache);

} // namespace gradlint::lint

#endif // GRADLINT_LINT_DRIVER_PROBECACHE_H
