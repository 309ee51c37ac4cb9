//===- lint/extract/TrainingExtractor.cpp - Optimizers, steps, data -------===//

#include "lint/extract/TrainingExtractor.h"

#include "lint/extract/Torch.h"

namespace gradlint::lint {

void extractTraining(clang::ASTContext &Ctx, Folder &Fold, ir::Program &Prog) {}

} // namespace gradlint::lint
