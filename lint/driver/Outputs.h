//===- lint/driver/Outputs.h - Every report of a run -----------*- C++ -*-===//
//
// One analysis, several reports: --format to -o (or stdout), the text log
// on stdout when -o takes a JSON or SARIF report, and --sarif / --json
// files. Each is written whole or not at all (SafeWrite). A SARIF report
// asked for is written whatever the exit status, so a CI upload step
// always finds it.
//
//===----------------------------------------------------------------------===//

#ifndef GRADLINT_LINT_DRIVER_OUTPUTS_H
#define GRADLINT_LINT_DRIVER_OUTPUTS_H

#include "lint/driver/Options.h"
#include "rules/ir/Status.h"

#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>

namespace gradlint::lint {

struct Report;
class SourceCache;

class Outputs {
public:
  explicit Outputs(const Options &O) : O(O) {}

  /// Writes every report the command line asks for; the first write that
  /// failed, as one line naming its file. \p Root is the directory paths
  /// are made relative to.
  Status write(const Report &R, SourceCache &Sources, const std::string &Root);

  /// When a SARIF report is asked for and was not written, or an error came
  /// after it, writes \p R there (its RunErrors say why the run stopped);
  /// best effort.
  void writeSarifOnFailure(const Report &R, const std::string &Root);

  /// Writes \p Text to \p Path ("" or "-": stdout), whole or not at all.
  static Status writeTo(const std::string &Path, llvm::StringRef Text);

private:
  std::string render(const Report &R, OutputFormat Format, SourceCache &Sources,
                     const std::string &Root, bool Color) const;
  /// Where SARIF goes: --sarif, or -o / stdout with --format=sarif.
  std::optional<std::string> sarifDestination() const;
  std::string docsUrl() const;

  const Options &O;
  bool SarifWritten = false;
};

} // namespace gradlint::lint

#endif // GRADLINT_LINT_DRIVER_OUTPUTS_H
