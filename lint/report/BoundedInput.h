//===- lint/report/BoundedInput.h - Inputs read within limits --*- C++ -*-===//
//
// Every file gradlint reads besides sources (a model JSON, a baseline, a
// configuration) is read within a size limit and only if it is a regular
// file: `gradlint probe /dev/zero` or a FIFO without a writer must end
// with one line, not exhaust memory or block forever. JSON texts are
// refused beyond a nesting depth before llvm::json parses them, since its
// recursive parser would overflow the stack on [[[[...]]]].
//
//===----------------------------------------------------------------------===//

#ifndef GRADLINT_LINT_REPORT_BOUNDEDINPUT_H
#define GRADLINT_LINT_REPORT_BOUNDEDINPUT_H

#include "rules/ir/Status.h"

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace gradlint::lint {

/// Size limits of the inputs gradlint reads whole.
struct InputLimits {
  static constexpr uint64_t ModelJsonBytes = uint64_t(64) << 20;
  static constexpr uint64_t BaselineBytes = uint64_t(64) << 20;
  static constexpr uint64_t ConfigBytes = uint64_t(1) << 20;
  /// Arrays and objects nested in one another in any JSON input.
  static constexpr unsigned JsonDepth = 512;
};

/// The contents of \p Path if it is a regular file of at most \p MaxBytes;
/// else one line naming it ("<path>: not a regular file", "<path>: over
/// the limit of N bytes", "<path>: <errno text>").
StatusOr<std::string> readBoundedFile(const std::string &Path,
                                      uint64_t MaxBytes);

/// Ok if no array or object of \p Json nests deeper than \p MaxDepth; else
/// an error in llvm::json's own form, "[line:col, byte=N]: <what>", at the
/// first bracket too deep. Strings are skipped, so brackets in them do not
/// count.
Status checkJsonDepth(llvm::StringRef Json,
                      unsigned MaxDepth = InputLimits::JsonDepth);

/// The members of the JSON object \p Object, each value as its own text,
/// without building the values: a 20 MB baseline parsed whole by llvm::json
/// takes over 100 times its size in memory, one element at a time does not.
/// Keys are taken verbatim (no escapes decoded). std::nullopt if the top
/// level is not an object of that shape; the caller then parses it whole
/// for the error message.
std::optional<std::vector<std::pair<std::string, llvm::StringRef>>>
jsonObjectMembers(llvm::StringRef Object);

/// The elements of the JSON array \p Array, each as its own text; as
/// above.
std::optional<std::vector<llvm::StringRef>> jsonArrayElements(llvm::StringRef Array);

} // namespace gradlint::lint

#endif // GRADLINT_LINT_REPORT_BOUNDEDINPUT_H
