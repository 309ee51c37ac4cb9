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

struct Report {
  std::vector<ir::Finding> Findings;
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
/// \p Fingerprints are parallel to R.Findings.
void writeSarif(llvm::raw_ostream &OS, const Report &R,
                const std::string &Root,
                const std::vector<std::string> &Fingerprints);

/// The fingerprint of each finding: stable under unrelated edits. A hash of
/// the check, the root-relative file, the finding's source line with
/// whitespace collapsed, and its occurrence index among findings sharing
/// those three; never the line number.
std::vector<std::string> fingerprints(const std::vector<ir::Finding> &Findings,
                                      SourceCache &Sources,
                                      const std::string &Root);

/// \p Path relative to \p Root when inside it, else as given; '/'-separated.
std::string relativePath(const std::string &Path, const std::string &Root);

} // namespace gradlint::lint

#endif // GRADLINT_LINT_REPORT_REPORT_H
