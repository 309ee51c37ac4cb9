//===- lint/report/Fixes.h - Fix-its ---------------------------*- C++ -*-===//

#ifndef GRADLINT_LINT_REPORT_FIXES_H
#define GRADLINT_LINT_REPORT_FIXES_H

#include "rules/ir/Finding.h"
#include "rules/ir/Status.h"

#include "llvm/Support/Chrono.h"

#include <string>
#include <vector>

namespace gradlint::lint {

/// Writes the fix-its of \p Findings as clang-tidy's --export-fixes YAML
/// (for clang-apply-replacements).
Status exportFixes(const std::string &Path, const std::string &MainSourceFile,
                   const std::vector<ir::Finding> &Findings);

/// Applies the fix-its of \p Findings to the files, later offsets first;
/// an overlapping replacement is skipped. Returns how many were applied.
/// Files are identified by real path; each is rewritten atomically, and
/// none at all if any was modified after \p AnalysedAt (the fixes' offsets
/// would no longer match its text).
StatusOr<unsigned> applyFixes(const std::vector<ir::Finding> &Findings,
                              llvm::sys::TimePoint<> AnalysedAt);

} // namespace gradlint::lint

#endif // GRADLINT_LINT_REPORT_FIXES_H
