//===- lint/driver/Nolint.h - NOLINT comments -------------------*- C++ -*-===//
//
// clang-tidy's suppression grammar on the source text of a finding's file:
// `// NOLINT`, `// NOLINT(check-glob,...)`, `// NOLINTNEXTLINE(...)`,
// `// NOLINTBEGIN(...)` ... `// NOLINTEND(...)`.
//
//===----------------------------------------------------------------------===//

#ifndef GRADLINT_LINT_DRIVER_NOLINT_H
#define GRADLINT_LINT_DRIVER_NOLINT_H

#include "rules/ir/Finding.h"

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <vector>

namespace gradlint::lint {

class SourceCache;

/// Removes suppressed findings from \p Findings, into \p Suppressed when
/// given (SARIF lists them as suppressed). Files that hold a finding and
/// have a NOLINTBEGIN without NOLINTEND (or the reverse) get an error
/// finding of `clang-tidy-nolint`, as clang-tidy reports it.
void applyNolint(std::vector<ir::Finding> &Findings, SourceCache &Sources,
                 std::vector<ir::Finding> *Suppressed = nullptr);

/// As above, with each file's text from \p TextOf (nullopt: unreadable);
/// the text must outlive the call. Linear in the size of the text.
void applyNolint(
    std::vector<ir::Finding> &Findings,
    llvm::function_ref<std::optional<llvm::StringRef>(llvm::StringRef)> TextOf,
    std::vector<ir::Finding> *Suppressed = nullptr);

} // namespace gradlint::lint

#endif // GRADLINT_LINT_DRIVER_NOLINT_H
