//===- lint/extract/Recovery.h - What an error touches is unknown -*- C++ -*-===//
//
// A file that does not compile by itself (a header not found, a name the API
// model lacks) still gives an AST: clang's recovery leaves RecoveryExprs and
// invalid declarations where names did not resolve. The extractors read what
// resolved; this pass marks the facts of absence that unreadable code may
// contradict as unknown, so no check concludes "never registered" or "no
// step()" from code it could not read.
//
//===----------------------------------------------------------------------===//

#ifndef GRADLINT_LINT_EXTRACT_RECOVERY_H
#define GRADLINT_LINT_EXTRACT_RECOVERY_H

#include "rules/ir/Model.h"

namespace clang {
class ASTContext;
}

namespace gradlint::lint {

/// For each module class an error touches (a member, base or constructor
/// that did not resolve), its registration facts become unknown; for each
/// training function, the operations unreadable code in it may perform are
/// listed in TrainingFunction::Unresolved.
void markErrorTouched(clang::ASTContext &Ctx, ir::Program &Prog);

} // namespace gradlint::lint

#endif // GRADLINT_LINT_EXTRACT_RECOVERY_H
