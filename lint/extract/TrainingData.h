//===- lint/extract/TrainingData.h - Values fed to a model ------*- C++ -*-===//
//
// Follows a tensor expression back through local variables to where it was
// created, and reads what the code states about its values: shape, range per
// feature, normalisation. Also follows a loss's input back to the model
// output, collecting the activations and detach() applied on the way.
//
//===----------------------------------------------------------------------===//

#ifndef GRADLINT_LINT_EXTRACT_TRAININGDATA_H
#define GRADLINT_LINT_EXTRACT_TRAININGDATA_H

#include "rules/ir/Model.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"

#include <optional>
#include <vector>

namespace gradlint::lint {

class Folder;

/// Where local variables are assigned, so that a use can be traced to the
/// value it holds: the last assignment that completes before it, else the
/// initializer. In-place tensor methods (`x.mul_(3)`) and compound
/// assignments make the value unknown from there on.
class AssignmentIndex {
public:
  explicit AssignmentIndex(clang::ASTContext &Ctx) : Ctx(Ctx) {}
  /// Records every `v = e` in \p Body.
  void addFunction(const clang::Stmt *Body);
  /// The expression \p V holds at \p Use, or null when unknown.
  const clang::Expr *valueAt(const clang::VarDecl *V, const clang::Expr *Use) const;

private:
  clang::ASTContext &Ctx;
  llvm::DenseMap<const clang::VarDecl *,
                 std::vector<std::pair<unsigned, const clang::Expr *>>>
      Assigns;
  friend class AssignCollector;
};

/// The byte offset of \p Loc's expansion in its file.
unsigned fileOffset(const clang::ASTContext &Ctx, clang::SourceLocation Loc);

/// What the code states about the tensor \p E (a model input or a loss
/// target).
ir::DataInfo traceData(clang::ASTContext &Ctx, Folder &Fold,
                       const AssignmentIndex &Assigns, const clang::Expr *E);

/// How many times a counted loop's body runs (`for (int i = 0; i < 30;
/// ++i)` is 30), or std::nullopt when the code does not state it.
std::optional<int64_t> loopTrips(Folder &Fold, const clang::Stmt *Loop);

} // namespace gradlint::lint

#endif // GRADLINT_LINT_EXTRACT_TRAININGDATA_H
