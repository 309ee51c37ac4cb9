//===- lint/apigen/Closure.h - Keeping the generated model closed -*- C++ -*-===//
//
// A generated declaration may only name framework (torch, at, c10)
// declarations the model itself provides: the ones the manifest emits and
// the ones the hand-written prelude declares. A member or function whose
// signature names anything else is left out (and logged), so the model
// always compiles and its closure is decided by the manifest.
//
//===----------------------------------------------------------------------===//

#ifndef GRADLINT_LINT_APIGEN_CLOSURE_H
#define GRADLINT_LINT_APIGEN_CLOSURE_H

#include "clang/AST/Decl.h"

#include <set>
#include <string>

namespace gradlint::apigen {

class Closure {
public:
  void provide(std::string QualifiedName) { Available.insert(std::move(QualifiedName)); }
  void withdraw(const std::string &QualifiedName) { Available.erase(QualifiedName); }
  /// A declaration the manifest leaves out however it is reached.
  void omit(std::string QualifiedName) { Omitted.insert(std::move(QualifiedName)); }
  bool omitted(const clang::NamedDecl *D) const;

  /// Whether every framework declaration D's signature (types, default
  /// arguments, template parameter defaults, initialiser) names is provided.
  /// Otherwise sets Missing to one that is not.
  bool usable(const clang::Decl *D, std::string &Missing) const;

  /// Whether Ref, named by a signature, is provided (or not framework code).
  bool provided(const clang::Decl *Ref) const;

private:
  std::set<std::string> Available;
  std::set<std::string> Omitted;
};

/// The qualified name a declaration is provided under: the outermost class
/// for a member, the enum for an enumerator, the template for a
/// specialization. Empty when it is not torch, at or c10 code.
std::string providedName(const clang::Decl *D);

} // namespace gradlint::apigen

#endif
