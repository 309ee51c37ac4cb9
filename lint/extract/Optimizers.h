//===- lint/extract/Optimizers.h - Optimizer constructions ------*- C++ -*-===//
//
// Finds every optimizer construction (a variable, a member, a temporary,
// `new`, std::make_unique/shared), the model whose parameters it is given,
// its options, and the rates set on it later (param_groups()[i].options()
// .lr(x), set_lr(x), StepLR).
//
//===----------------------------------------------------------------------===//

#ifndef GRADLINT_LINT_EXTRACT_OPTIMIZERS_H
#define GRADLINT_LINT_EXTRACT_OPTIMIZERS_H

#include "rules/ir/Model.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/DenseMap.h"

#include <optional>
#include <vector>

namespace gradlint::lint {
class Folder;
class ModelInstances;
} // namespace gradlint::lint

namespace gradlint::lint::train {

/// The optimizer a framework class is, or std::nullopt.
std::optional<ir::OptimizerKind>
optimizerKindOf(const clang::CXXRecordDecl *RD);

/// Whether an expression is an optimizer object (any torch::optim one).
bool isOptimizerExpr(const clang::Expr *E);

/// Collects optimizer constructions and later rate changes.
class OptimizerFinder : public clang::RecursiveASTVisitor<OptimizerFinder> {
public:
  OptimizerFinder(clang::ASTContext &Ctx, Folder &Fold, ir::Program &Prog,
                  const ModelInstances &Instances)
      : Ctx(Ctx), Fold(Fold), Prog(Prog), Instances(Instances) {}

  bool shouldVisitLambdaBody() const { return true; }
  bool TraverseDecl(clang::Decl *D);
  bool VisitCXXConstructExpr(clang::CXXConstructExpr *CE);
  bool VisitCallExpr(clang::CallExpr *C);

  /// Resolves the rates set later, once every optimizer is known.
  void finish();

  /// Which optimizer an expression names, -1 if none.
  int optimizerOf(const clang::Expr *E) const;

  const ir::Program &program() const { return Prog; }

  /// Optimizer index by its construction expression.
  llvm::DenseMap<const clang::Expr *, int> ByExpr;

private:
  void add(const clang::Expr *E, ir::OptimizerKind K,
           const std::vector<const clang::Expr *> &Args);
  void readRate(ir::Optimizer &O, const clang::Expr *OptionsArg,
                clang::SourceLocation At);
  int paramGroupsOwner(const clang::Expr *E, unsigned Depth = 0) const;

  clang::ASTContext &Ctx;
  Folder &Fold;
  ir::Program &Prog;
  const ModelInstances &Instances;
  llvm::DenseMap<const clang::ValueDecl *, int> ByDecl;
  std::vector<const clang::CXXMemberCallExpr *> RateSets;
  std::vector<const clang::CXXConstructExpr *> Schedulers;
};

} // namespace gradlint::lint::train

#endif // GRADLINT_LINT_EXTRACT_OPTIMIZERS_H
