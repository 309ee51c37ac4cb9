//===- lint/extract/ModelExtractor.h - Models, layers, init ----*- C++ -*-===//

#ifndef GRADLINT_LINT_EXTRACT_MODELEXTRACTOR_H
#define GRADLINT_LINT_EXTRACT_MODELEXTRACTOR_H

#include "rules/ir/Model.h"

namespace clang {
class ASTContext;
}

namespace gradlint::lint {

class Folder;

/// Adds the translation unit's models to \p Prog: module classes with their
/// members, registration, forward() chain and initialisation; Sequentials
/// built in functions (constructor, brace-init, named pairs, push_back,
/// factories); initialisation applied to model variables from outside.
void extractModels(clang::ASTContext &Ctx, Folder &Fold, ir::Program &Prog);

} // namespace gradlint::lint

#endif // GRADLINT_LINT_EXTRACT_MODELEXTRACTOR_H
