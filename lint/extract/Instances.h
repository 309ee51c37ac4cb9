//===- lint/extract/Instances.h - One model per variable it builds -*- C++ -*-===//
//
// A model definition (a module class, or a factory function returning a
// Sequential) may be built more than once: `auto actor = make_model(4, 2);
// auto critic = make_model(4, 1);`, a GAN's generator and discriminator from
// one builder, a DQN's online and target networks (`DQN policy_net_,
// target_net_;` constructed in an Agent). Each variable (or member of a
// non-module class) that holds a freshly built model is a *holder*; when a
// definition has two or more holders in one function (or one class), each
// of them is its own model instance, named after it ("main::actor",
// "DQNAgent::target_net_"), with ir::Model::InstanceOf naming the
// definition. Optimizers and training steps then name the instance, so an
// optimizer over one and a loop over the other are told apart.
//
// A definition built once keeps its own name (nothing changes for it). An
// expression that reaches a multiply-built definition but no one holder (a
// copy of unknown origin, a parameter bound nowhere) names no model: which
// instance it is, is unknown.
//
//===----------------------------------------------------------------------===//

#ifndef GRADLINT_LINT_EXTRACT_INSTANCES_H
#define GRADLINT_LINT_EXTRACT_INSTANCES_H

#include "rules/ir/Model.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"

#include <map>
#include <set>
#include <string>

namespace gradlint::lint {

/// The model instances of one translation unit.
class ModelInstances {
public:
  explicit ModelInstances(clang::ASTContext &Ctx) : Ctx(Ctx) {}

  /// Finds the holders in the user's code.
  void collect();

  /// The model an expression refers to: a holder's instance name when its
  /// definition is built more than once, else the definition's name
  /// (modelNameOfExpr); "" when not statically one model.
  std::string modelName(const clang::Expr *E) const;

  /// The instance name of a holder (a variable or member) whose definition
  /// is built more than once, or "".
  std::string holderName(const clang::ValueDecl *D) const;

  /// Adds one model per instance (InstanceOf set, nothing else known: its
  /// chain and members are the definition's).
  void addModels(ir::Program &Prog) const;

  /// The definition a construction or factory call builds afresh, or "".
  /// Public for the collector.
  std::string definitionBuilt(const clang::Expr *E) const;

  /// Records that \p D receives \p Value (its initialiser or an
  /// assignment).
  void noteValue(const clang::ValueDecl *D, const clang::Expr *Value);

private:
  struct Holder {
    std::string Def;
    std::string Name;
    ir::SourceLoc Loc;
    /// The function (locals) or class (members) it is declared in.
    const clang::Decl *Scope = nullptr;
    /// Received something other than a fresh build of Def.
    bool Invalid = false;
  };
  /// Whether some scope builds \p Def more than once.
  bool multiplyBuilt(const std::string &Def) const;
  /// Whether \p H is one of several holders of its definition in its scope.
  bool isInstance(const Holder &H) const;

  clang::ASTContext &Ctx;
  llvm::DenseMap<const clang::ValueDecl *, Holder> Holders;
  /// A variable initialised from another (`auto net = policy;`).
  llvm::DenseMap<const clang::ValueDecl *, const clang::ValueDecl *> Aliases;
  /// Valid holders per scope and definition, after collect().
  std::map<std::pair<const clang::Decl *, std::string>, int> Count;
  /// The definitions some scope builds more than once.
  std::set<std::string> Multiple;
};

} // namespace gradlint::lint

#endif // GRADLINT_LINT_EXTRACT_INSTANCES_H
