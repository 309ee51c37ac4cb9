//===- lint/driver/ProjectLayout.h - Files and folders of a project -*- C++ -*-===//
//
// What a person would do with a project and no compile database: lint every
// C++ file under a folder, and look for headers in the file's folder, the
// include/ and src/ folders on the way up, and the repository root.
//
//===----------------------------------------------------------------------===//

#ifndef GRADLINT_LINT_DRIVER_PROJECTLAYOUT_H
#define GRADLINT_LINT_DRIVER_PROJECTLAYOUT_H

#include <string>
#include <vector>

namespace gradlint::lint {

/// Whether \p Path names a C++ source or header by its extension.
bool isCxxFile(const std::string &Path);

/// The C++ files under \p Dir, sorted, as paths that begin with \p Dir.
/// Hidden folders (.git), build folders (build*, cmake-build-*, out) and
/// symbolic links to folders are not entered.
std::vector<std::string> cxxFilesUnder(const std::string &Dir);

/// The repository a file belongs to: the closest folder above it that holds
/// .git; without one, the current folder if the file is under it, else the
/// file's own folder.
std::string repositoryRoot(const std::string &AbsFile);

/// Include folders guessed for \p AbsFile: its own folder; include/ and
/// src/ in each folder from it up to the repository root; the root. Only
/// folders that exist; each once; nearest first.
std::vector<std::string> guessedIncludeDirs(const std::string &AbsFile);

} // namespace gradlint::lint

#endif // GRADLINT_LINT_DRIVER_PROJECTLAYOUT_H
