//===- lint/report/Baseline.h - Fingerprints and baselines -----*- C++ -*-===//
//
// A baseline records the findings a team accepts today so that only new
// ones are reported. A finding is known by its fingerprint: what it means,
// not where it is. Formatting (clang-format joining or splitting a line,
// re-indenting), unrelated lines above it and a new line number leave it
// unchanged; a new check, file, model, named variable or statement text
// changes it.
//
//===----------------------------------------------------------------------===//

#ifndef GRADLINT_LINT_REPORT_BASELINE_H
#define GRADLINT_LINT_REPORT_BASELINE_H

#include "rules/ir/Finding.h"
#include "rules/ir/Status.h"

#include "llvm/ADT/StringRef.h"

#include <set>
#include <string>
#include <vector>

namespace gradlint::lint {

class SourceCache;

/// The fingerprint format the baseline file and SARIF's
/// partialFingerprints ("gradlintFingerprint/v2") carry.
constexpr int FingerprintVersion = 2;

/// The statement around byte \p Offset of \p Text (from the end of the
/// previous statement or brace to the next ';', '{' or '}'), its comments
/// and preprocessor lines dropped and every whitespace character removed:
/// the same tokens however clang-format lays them out.
std::string statementTokens(llvm::StringRef Text, size_t Offset);

/// The names \p Message quotes, in order: 'fc2', 'optimizer' (the
/// layers and variables a finding is about).
std::vector<std::string> quotedNames(llvm::StringRef Message);

/// The fingerprint of each finding: a hash of the check, the file relative
/// to \p Root, the models its claims name, the names its message quotes
/// ('fc2', 'optimizer'), the tokens of its statement (statementTokens; the
/// message when the source cannot be read) and its occurrence index among
/// findings sharing all of those. Never the line number or the line text.
std::vector<std::string> fingerprints(const std::vector<ir::Finding> &Findings,
                                      SourceCache &Sources,
                                      const std::string &Root);

/// Reads a baseline written by writeBaseline: its fingerprints.
StatusOr<std::multiset<std::string>> readBaseline(const std::string &Path);
/// The same from the text of one; errors name \p Path.
StatusOr<std::multiset<std::string>> parseBaseline(llvm::StringRef Text,
                                                   const std::string &Path);

/// Writes {"version": 2, "findings": [{"fingerprint", "check", "file",
/// "message"}]}.
Status writeBaseline(const std::string &Path,
                     const std::vector<ir::Finding> &Findings,
                     const std::vector<std::string> &Fingerprints,
                     const std::string &Root);

} // namespace gradlint::lint

#endif // GRADLINT_LINT_REPORT_BASELINE_H
