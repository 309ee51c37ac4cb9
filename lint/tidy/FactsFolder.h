//===- lint/tidy/FactsFolder.h - Other translation units' facts -*- C++ -*-===//
//
// clang-tidy checks one translation unit at a time; the gradlint command
// merges the Model IR of every file it is given, so a model built in
// model.cpp and trained in train.cpp is checked as one. The plugin gets the
// same view from a folder of facts files (`gradlint extract -o DIR`, option
// gradlint.FactsDir): the translation unit being checked is extracted
// afresh and merged with the facts of the others, in the order `gradlint
// check DIR` merges them (by source path).
//
//===----------------------------------------------------------------------===//

#ifndef GRADLINT_LINT_TIDY_FACTSFOLDER_H
#define GRADLINT_LINT_TIDY_FACTSFOLDER_H

#include "lint/driver/Facts.h"
#include "rules/ir/Model.h"

#include "llvm/ADT/StringRef.h"

#include <map>
#include <string>
#include <vector>

namespace clang::tidy::gradlint {

/// The facts files of one folder, read once and merged into each
/// translation unit checked.
class FactsFolder {
public:
  /// Reads every *.facts.json in \p Dir. A file that cannot be read, is
  /// not a facts file or is of another facts version is left out with a
  /// one-line warning naming it; a folder that cannot be read gives one
  /// warning and no facts. Paths written relative to the facts root
  /// ("${root}/src/net.cpp") are taken under \p Root. Never fails.
  static FactsFolder read(llvm::StringRef Dir, llvm::StringRef Root);

  /// One line each, without a "warning:" prefix.
  const std::vector<std::string> &warnings() const { return Warnings; }

  /// How many translation units' facts were read.
  size_t size() const { return All.size(); }

  /// \p Fresh, the Model IR of the file at \p MainPath just extracted,
  /// merged with the facts of every other file, by source path as `gradlint
  /// check` merges; the folder's own (stale) facts of \p MainPath are
  /// replaced by \p Fresh. Files nothing could be read from are left out,
  /// as the command leaves them out.
  ///
  /// Every file name in the result is absolute: the merge tells a header's
  /// facts seen by two files apart from two headers by their file names,
  /// and the fresh parse and the extraction may spell one header two ways
  /// ("net.h", "/src/net.h"). Relative names are taken in \p WorkingDir
  /// (the compile command's directory, where clang resolved them), or for
  /// the facts of another file, when no such file is there, in that
  /// file's folder. \p Spellings receives, for each such name of another
  /// file's facts taken in \p WorkingDir, the name as written: how
  /// clang-tidy names that file when it checks it with the same compile
  /// database, and so where a finding there must say it is for clang-tidy
  /// to print it once when it checks both files.
  ::gradlint::ir::Program
  merge(const ::gradlint::ir::Program &Fresh, llvm::StringRef MainPath,
        llvm::StringRef WorkingDir,
        std::map<std::string, std::string> &Spellings) const;

private:
  struct Entry {
    ::gradlint::lint::Facts Facts;
    /// The source's path with symbolic links resolved, when it exists.
    std::string RealPath;
  };
  std::vector<Entry> All;
  std::vector<std::string> Warnings;
};

} // namespace clang::tidy::gradlint

#endif // GRADLINT_LINT_TIDY_FACTSFOLDER_H
