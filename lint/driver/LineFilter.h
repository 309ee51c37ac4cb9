//===- lint/driver/LineFilter.h - Changed lines only -----------*- C++ -*-===//
//
// clang-tidy's --line-filter JSON and --diff REV (the lines `git diff -U0`
// shows as added or changed).
//
//===----------------------------------------------------------------------===//

#ifndef GRADLINT_LINT_DRIVER_LINEFILTER_H
#define GRADLINT_LINT_DRIVER_LINEFILTER_H

#include "rules/ir/Finding.h"
#include "rules/ir/Status.h"

#include <string>
#include <utility>
#include <vector>

namespace gradlint::lint {

class LineFilter {
public:
  /// `[{"name": "file.cpp", "lines": [[1, 3], [5, 7]]}, {"name": "x.h"}]`:
  /// a name matches a file whose path ends with it; no "lines" means all.
  static StatusOr<LineFilter> fromJson(const std::string &Json);
  /// The lines changed since \p Rev, from `git diff -U0 Rev`.
  static StatusOr<LineFilter> fromGitDiff(const std::string &Rev);

  /// Whether \p F is touched: its location or one of its notes' passes
  /// the filter.
  bool accepts(const ir::Finding &F) const;

private:
  bool acceptsLoc(const ir::SourceLoc &Loc) const;
  struct Entry {
    std::string Name;
    /// Inclusive ranges; empty = the whole file.
    std::vector<std::pair<unsigned, unsigned>> Lines;
    bool AllLines = true;
  };
  std::vector<Entry> Entries;
  /// --diff: names are absolute paths and match exactly.
  bool Exact = false;
};

} // namespace gradlint::lint

#endif // GRADLINT_LINT_DRIVER_LINEFILTER_H
