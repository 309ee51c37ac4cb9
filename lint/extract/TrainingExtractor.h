//===- lint/extract/TrainingExtractor.h - Optimizers, steps, data -*- C++ -*-===//

#ifndef GRADLINT_LINT_EXTRACT_TRAININGEXTRACTOR_H
#define GRADLINT_LINT_EXTRACT_TRAININGEXTRACTOR_H

#include "rules/ir/Model.h"

namespace clang {
class ASTContext;
}

namespace gradlint::lint {

class Folder;

/// Adds the translation unit's optimizers and training functions (with
/// their losses, input data and step calls) to \p Prog. Runs after the
/// models are extracted, so Prog.Models can be consulted.
void extractTraining(clang::ASTContext &Ctx, Folder &Fold, ir::Program &Prog);

} // namespace gradlint::lint

#endif // GRADLINT_LINT_EXTRACT_TRAININGEXTRACTOR_H
