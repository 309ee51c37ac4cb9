//===- lint/extract/TrainingBindings.h - Parameters bound at call sites -*- C++
//-*-===//
//
// A training function often takes the model and the optimizer as
// parameters (`void train_step(Net &model, torch::optim::Optimizer &opt)`),
// and a Trainer or an Agent holds them as members set by its constructor.
// Which model or optimizer such a parameter or member holds is read from
// every call site and constructor in the translation unit, a few calls
// deep: when they all agree, `model` in train_step is main's model; when
// they disagree or none is seen, it stays unknown.
//
//===----------------------------------------------------------------------===//

#ifndef GRADLINT_LINT_EXTRACT_TRAININGBINDINGS_H
#define GRADLINT_LINT_EXTRACT_TRAININGBINDINGS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"

#include <string>
#include <vector>

namespace gradlint::lint {
class ModelInstances;
} // namespace gradlint::lint

namespace gradlint::lint::train {

class OptimizerFinder;

/// What the parameters and members of user functions and classes are bound
/// to at their call sites and constructors.
class Bindings {
public:
  Bindings(clang::ASTContext &Ctx, const OptimizerFinder &Opts,
           const ModelInstances &Instances);

  /// Records the calls, constructions and member initialisations of the
  /// user's code.
  void collect();

  /// The model an expression refers to through a bound parameter or
  /// member ("" when not bound, or when its call sites disagree).
  std::string modelOf(const clang::Expr *E) const;

  /// The model an expression refers to: through a bound parameter or
  /// member, else directly (ModelInstances::modelName).
  std::string modelName(const clang::Expr *E) const;

  /// The optimizer (index into Program::Optimizers) an expression refers
  /// to, directly or through a bound parameter or member; -1 if unknown.
  int optimizerOf(const clang::Expr *E) const;

  /// Whether \p D is a parameter or member bound at some call site or
  /// constructor.
  bool isBound(const clang::ValueDecl *D) const;

  /// Records that \p Target (a parameter or a member) receives \p Value.
  void bind(const clang::ValueDecl *Target, const clang::Expr *Value);

private:
  const clang::ValueDecl *key(const clang::ValueDecl *D) const;
  std::string modelOfDecl(const clang::ValueDecl *D, unsigned Depth) const;
  std::string modelOfValue(const clang::Expr *E, unsigned Depth) const;
  int optimizerOfDecl(const clang::ValueDecl *D, unsigned Depth) const;
  int optimizerOfValue(const clang::Expr *E, unsigned Depth) const;

  clang::ASTContext &Ctx;
  const OptimizerFinder &Opts;
  const ModelInstances &Instances;
  /// Parameter (of the canonical declaration, or of the template pattern)
  /// or member -> the values it receives.
  llvm::DenseMap<const clang::ValueDecl *, std::vector<const clang::Expr *>>
      Values;
};

} // namespace gradlint::lint::train

#endif // GRADLINT_LINT_EXTRACT_TRAININGBINDINGS_H
