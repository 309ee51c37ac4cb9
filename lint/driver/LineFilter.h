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

#include "llvm/ADT/StringRef.h"

#include <string>
#include <utility>
#include <vector>

namespace gradlint::lint {

/// The files \p F's evidence lies in: its own and its notes' files, and
/// those of the models it is about in \p P (the class's header, the file
/// of its forward()): a model is one when the finding or a note is at the
/// model, one of its members, layers or initialisations, or a claim names
/// it.
std::vector<std::string> evidenceFiles(const ir::Program &P,
                                       const ir::Finding &F);

class LineFilter {
public:
  /// `[{"name": "file.cpp", "lines": [[1, 3], [5, 7]]}, {"name": "x.h"}]`:
  /// a name matches a file whose path ends with it; no "lines" means all.
  static StatusOr<LineFilter> fromJson(const std::string &Json);
  /// The lines changed since \p Rev, from `git diff -U0 Rev`: added lines,
  /// and the two lines around each place lines were removed.
  static StatusOr<LineFilter> fromGitDiff(const std::string &Rev);
  /// The staged lines, from `git diff -U0 --cached` (every line of a new
  /// file; before the first commit, every staged line).
  static StatusOr<LineFilter> fromStagedChanges();

  /// Whether \p F is touched by the change: its location or one of its
  /// notes' is on a listed line; or (--diff) a line added or removed in
  /// one of \p EvidenceFiles names, as a whole identifier, a layer or
  /// variable the finding's message quotes ('fc2' unregistered, 'model'
  /// left in eval mode), so dropping the register_module or hoisting the
  /// train() touches the finding reported elsewhere.
  bool accepts(const ir::Finding &F,
               const std::vector<std::string> &EvidenceFiles = {}) const;

private:
  /// `git diff -U0 <Which> --` in the current directory, parsed.
  static StatusOr<LineFilter> fromDiff(std::vector<llvm::StringRef> Which);
  bool acceptsLoc(const ir::SourceLoc &Loc) const;
  bool sameFile(const std::string &Name, const std::string &File) const;
  struct Entry {
    std::string Name;
    /// Inclusive ranges; empty = the whole file.
    std::vector<std::pair<unsigned, unsigned>> Lines;
    bool AllLines = true;
    /// --diff: the text of every line added or removed.
    std::vector<std::string> Changed;
  };
  std::vector<Entry> Entries;
  /// --diff: names are absolute paths and match exactly.
  bool Exact = false;
};

} // namespace gradlint::lint

#endif // GRADLINT_LINT_DRIVER_LINEFILTER_H
