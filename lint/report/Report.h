//===- lint/report/Report.h - What a run reports ---------------*- C++ -*-===//
//
// The reporters: clang-style text, the JSON of docs/usage.md, SARIF 2.1.0.
// Each writes a whole report to a stream; none decides the exit status.
//
//===----------------------------------------------------------------------===//

#ifndef GRADLINT_LINT_REPORT_REPORT_H
#define GRADLINT_LINT_REPORT_REPORT_H

#include "rules/ir/Finding.h"

#include <string>
#include <vector>

namespace llvm {
class raw_ostream;
}

namespace gradlint::lint {

class SourceCache;

/// A file that could not be analysed (or read), and why.
struct FileError {
  std::string File;
  std::string Message;
};

/// A file read only in part (a header not found, a name that did not
/// resolve): what parsed was analysed, what the errors touch is unknown.
struct PartialFile {
  /// The file as the user named it.
  std::string File;
  /// Where the first missing header is included, else the first error.
  ir::SourceLoc Loc;
  /// One line: "'net.h' not found" or "error: unknown type name 'Foo'".
  std::string Reason;
  /// Headers not found, in include order.
  std::vector<std::string> MissingHeaders;
  /// The first error clang reported other than a missing header, or "".
  std::string FirstError;
  /// How many errors clang reported.
  unsigned Errors = 0;
};

/// A rule's metadata for SARIF.
struct RuleInfo {
  std::string Id;
  std::string Summary;
  bool DefaultOn = false;
};

/// A finding the report lists in SARIF only: held back by the baseline
/// (baselineState "unchanged") or by a NOLINT comment (a suppression).
struct HeldFinding {
  ir::Finding Finding;
  std::string Fingerprint;
};

struct Report {
  std::vector<ir::Finding> Findings;
  /// The fingerprint of each of Findings (SARIF's partialFingerprints).
  std::vector<std::string> Fingerprints;
  /// Whether --baseline was given: SARIF then says each result's
  /// baselineState.
  bool HasBaseline = false;
  std::vector<HeldFinding> Baselined;
  std::vector<HeldFinding> Suppressed;
  /// Errors that stopped the run before or instead of a report (usage,
  /// configuration, a write that failed): SARIF's tool notifications.
  std::vector<std::string> RunErrors;
  std::vector<FileError> Errors;
  /// Files analysed in part, in the order they were named.
  std::vector<PartialFile> Partial;
  /// The checks that ran (SARIF's rules).
  std::vector<RuleInfo> Rules;
};

/// clang's diagnostic format: `file:line:col: warning: message [check]`, the
/// source line and a caret, fix-it hints, notes, and the probe's verdict as
/// a note.
void writeText(llvm::raw_ostream &OS, const Report &R, SourceCache &Sources,
               bool Color);

/// {"version": 1, "findings": [...], "errors": [...]}.
void writeJson(llvm::raw_ostream &OS, const Report &R);

/// SARIF 2.1.0. \p Root is the directory paths are made relative to;
/// \p DocsUrl the absolute address of gradlint's docs/ folder (helpUri and
/// the links of the rules' help). The run is executionSuccessful when
/// R.Errors and R.RunErrors are empty.
void writeSarif(llvm::raw_ostream &OS, const Report &R,
                const std::string &Root, const std::string &DocsUrl);

/// \p Path relative to \p Root when inside it, else as given; '/'-separated.
std::string relativePath(const std::string &Path, const std::string &Root);

} // namespace gradlint::lint

#endif // GRADLINT_LINT_REPORT_REPORT_H
