//===- lint/driver/PreCommit.h - The pre-commit hook mode ------*- C++ -*-===//
//
// `gradlint --pre-commit FILE...`: what pre-commit runs on the staged files.
// A model is spread over several files (a header declaring it, a source
// defining forward(), a training main calling the loss), so a change to one
// can make a finding whose evidence is in another: a softmax added in the
// header feeds cross_entropy in an unchanged source. The hook therefore
// lints, with the staged files, the repository's other C++ sources that are
// connected to them by includes; findings are then kept only on staged lines
// (LineFilter::fromStagedChanges).
//
//===----------------------------------------------------------------------===//

#ifndef GRADLINT_LINT_DRIVER_PRECOMMIT_H
#define GRADLINT_LINT_DRIVER_PRECOMMIT_H

#include <string>
#include <vector>

namespace gradlint::lint {

struct Options;

/// \p Given, then the C++ sources of their repository that share a model
/// with them. Files are nodes, `#include "x/y.h"` and `#include <x/y.h>`
/// edges to every file of the repository whose path ends with `x/y.h`; every
/// source (not header: headers are read through the sources) in a connected
/// component of a given file is added. Sound for the models gradlint sees: a
/// translation unit uses a model of another only through a header both
/// include (gradlint merges models by their declarations), and a name
/// matched too widely only adds files. Paths under the current folder stay
/// relative, as pre-commit gives them.
std::vector<std::string> preCommitFiles(const std::vector<std::string> &Given);

/// pre-commit appends the staged files after the hook's `args:`; after an
/// `args: [--, -std=c++20]` they would be read as compiler arguments. Moves
/// the trailing compiler arguments that name existing C++ files (and are not
/// the value of a flag such as `-include x.h`) to the sources.
void takeTrailingFiles(Options &O);

} // namespace gradlint::lint

#endif // GRADLINT_LINT_DRIVER_PRECOMMIT_H
