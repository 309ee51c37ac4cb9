//===- lint/extract/TrainingSteps.h - The step tree of a function -*- C++
//-*-===//
//
// Walks a function that trains in source order and records what it does as
// a tree of loops, branches and events: forward calls, losses, backward(),
// zero_grad(), step(), eval()/train(), clipping, optimizer constructions,
// each with the grad mode in effect.
//
//===----------------------------------------------------------------------===//

#ifndef GRADLINT_LINT_EXTRACT_TRAININGSTEPS_H
#define GRADLINT_LINT_EXTRACT_TRAININGSTEPS_H

#include "lint/extract/GradMode.h"
#include "lint/extract/Losses.h"
#include "rules/ir/Model.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace gradlint::lint {
class AssignmentIndex;
class Folder;
} // namespace gradlint::lint

namespace gradlint::lint::train {

class Bindings;
class OptimizerFinder;

/// Builds the step tree of one function.
class StepWalker {
public:
  StepWalker(clang::ASTContext &Ctx, Folder &Fold, const OptimizerFinder &Opts,
             const AssignmentIndex &Assigns, const Bindings &Binds,
             std::set<const clang::LambdaExpr *> &Closures)
      : Ctx(Ctx), Fold(Fold), Opts(Opts), Assigns(Assigns), Binds(Binds),
        Closures(Closures) {}

  void walk(const clang::Stmt *S, std::vector<ir::StepNode> &Out);
  bool trains() const { return SawBackward || SawStep; }
  /// Whether it computes a loss on an activation applied at the call
  /// (`nll_loss(softmax(out, 1), y)` in a loss helper): that pairing is
  /// judged wherever it is, in a function that trains or not.
  bool judgesLoss() const { return SawLossOnActivation; }

private:
  void walkExpr(const clang::Expr *E, std::vector<ir::StepNode> &Out);
  void classify(const clang::CallExpr *C, std::vector<ir::StepNode> &Out);
  void classifyDependent(const clang::CallExpr *C,
                         std::vector<ir::StepNode> &Out);
  void guardFrom(const clang::VarDecl *V);
  void event(ir::StepEvent Ev, clang::SourceLocation Loc,
             std::vector<ir::StepNode> &Out);
  /// The model \p Obj holds: bound at the call sites, or by its type.
  std::string modelName(const clang::Expr *Obj) const;
  bool isModel(const clang::Expr *Obj) const;
  void tracePred(const clang::Expr *E, PredTrace &T, unsigned Depth);
  void traceHelper(const clang::FunctionDecl *FD, PredTrace &T, unsigned Depth);
  const clang::CallExpr *forwardCall(const clang::Expr *E) const;
  /// The model a forward call is made on, or null when \p C is none.
  const clang::Expr *forwardObject(const clang::CallExpr *C) const;

  clang::ASTContext &Ctx;
  Folder &Fold;
  const OptimizerFinder &Opts;
  const AssignmentIndex &Assigns;
  const Bindings &Binds;
  std::set<const clang::LambdaExpr *> &Closures;
  std::vector<GradGuard> Guards;
  std::optional<GradGuard> GradMode;
  bool SawBackward = false, SawStep = false, SawLossOnActivation = false;
};

} // namespace gradlint::lint::train

#endif // GRADLINT_LINT_EXTRACT_TRAININGSTEPS_H
