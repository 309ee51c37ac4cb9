//===- lint/report/SafeWrite.h - Writes that cannot lose data --*- C++ -*-===//
//
// A report, a baseline, exported fixes and a source rewritten by --fix
// are written whole or not at all: into a temporary file beside the target,
// then renamed over it (atomic on POSIX), so a full disk or a killed run
// leaves the old file intact. A target that is not a regular file
// (/dev/stdout, a pipe) is written directly, and any write error, there or
// on stdout, is reported as one line naming it instead of LLVM's
// "IO failure on output stream" abort.
//
//===----------------------------------------------------------------------===//

#ifndef GRADLINT_LINT_REPORT_SAFEWRITE_H
#define GRADLINT_LINT_REPORT_SAFEWRITE_H

#include "rules/ir/Status.h"

#include "llvm/ADT/StringRef.h"

#include <string>

namespace gradlint::lint {

/// Writes \p Content to \p Path (through its symbolic links) atomically,
/// keeping the permissions of an existing file. The error names \p Path.
Status writeFileAtomically(const std::string &Path, llvm::StringRef Content);

/// Writes \p Content to stdout and flushes; "<stdout>: <error>" if it fails.
Status writeStdout(llvm::StringRef Content);

/// The real path of \p File (symbolic links and dot segments resolved) if
/// it exists, else its absolute path: one name per file, however spelled.
std::string canonicalPath(llvm::StringRef File);

} // namespace gradlint::lint

#endif // GRADLINT_LINT_REPORT_SAFEWRITE_H
