//===- lint/extract/Losses.h - Loss functions and modules -------*- C++ -*-===//
//
// Which calls compute a loss: framework loss functions (`torch::nll_loss`,
// `F::cross_entropy`) and loss modules called as objects (`criterion(out,
// y)`, `criterion->forward(out, y)`), and how to undo an activation applied
// to a loss's input (the fix-it of gradlint-loss-mismatch).
//
//===----------------------------------------------------------------------===//

#ifndef GRADLINT_LINT_EXTRACT_LOSSES_H
#define GRADLINT_LINT_EXTRACT_LOSSES_H

#include "rules/ir/Model.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <utility>
#include <vector>

namespace gradlint::lint::train {

/// The loss a framework function computes, by name ("nll_loss").
std::optional<ir::LossKind> lossFunction(llvm::StringRef N);

/// The loss a framework module computes, by name without Impl ("NLLLoss").
std::optional<ir::LossKind> lossModule(llvm::StringRef N);

/// The loss module an expression holds (`criterion`, `*criterion`).
std::optional<ir::LossKind> lossModuleOf(const clang::Expr *E);

/// What the model output went through before reaching a loss.
struct PredTrace {
  const clang::Expr *ModelObj = nullptr;
  /// Activations from the loss back to the model (reversed at the end).
  std::vector<std::pair<ir::ActivationKind, clang::SourceLocation>> Acts;
  bool Detached = false;
  clang::SourceLocation DetachLoc;
};

/// The deletions that turn `torch::softmax(out, 1)` / `F::softmax(out, o)`
/// into `out`, and `out.sigmoid()` into `out`, when \p E is directly such a
/// call written outside any macro. Empty when the call is anything else.
std::vector<ir::TextDeletion> unwrapActivation(clang::ASTContext &Ctx,
                                               const clang::Expr *E);

} // namespace gradlint::lint::train

#endif // GRADLINT_LINT_EXTRACT_LOSSES_H
