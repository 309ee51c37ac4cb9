//===- lint/apigen/Printer.h - Declaration-only printing ----------*- C++ -*-===//
//
// Prints declarations of the real LibTorch AST as declaration-only C++:
// types fully qualified (so a declaration means the same wherever it is
// emitted), bodies dropped, `inline`/`static` dropped from free functions
// (Clang warns about undefined inline and internal functions that are used).
//
//===----------------------------------------------------------------------===//

#ifndef GRADLINT_LINT_APIGEN_PRINTER_H
#define GRADLINT_LINT_APIGEN_PRINTER_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"

#include "lint/apigen/Closure.h"

#include <set>
#include <string>
#include <utility>
#include <vector>

namespace gradlint::apigen {

class Printer {
public:
  explicit Printer(clang::ASTContext &Ctx);

  /// Members a class entry leaves out (by name), e.g. storage whose type
  /// would drag in instantiation-heavy templates.
  void setExcludedMembers(std::set<std::string> Names) {
    Excluded = std::move(Names);
  }

  /// With a closure, members whose signatures name declarations the model
  /// does not provide are left out and logged to stderr.
  void setClosure(const Closure *C) { Closed = C; }
  bool usable(const clang::Decl *D);

  /// Text replacements in the few bodies the model must keep (functions
  /// whose return type is deduced from them), for members it does not keep.
  void addSubstitution(std::string From, std::string To) {
    Substitutions.push_back({std::move(From), std::move(To)});
  }

  std::string type(clang::QualType T, llvm::StringRef Name = "");
  std::string templateParams(const clang::TemplateParameterList *TPL,
                             bool WithDefaults);
  std::string function(const clang::FunctionDecl *FD);
  std::string record(const clang::CXXRecordDecl *RD, bool WithTemplate = true);
  std::string forward(const clang::CXXRecordDecl *RD, bool WithDefaults = false);
  std::string enumeration(const clang::EnumDecl *ED);
  std::string alias(const clang::TypedefNameDecl *TD);
  std::string aliasTemplate(const clang::TypeAliasTemplateDecl *TD);
  std::string variable(const clang::VarDecl *VD, bool InClass);
  std::string usingDecl(const clang::UsingDecl *UD);
  std::string sourceText(clang::SourceRange R);
  static std::string inheritedName(llvm::StringRef Qualifier);

private:
  std::string member(const clang::Decl *D, clang::AccessSpecifier A);
  std::string defaultArg(const clang::ParmVarDecl *P);

  clang::ASTContext &Ctx;
  clang::PrintingPolicy Policy;
  std::set<std::string> Excluded;
  const Closure *Closed = nullptr;
  std::vector<std::pair<std::string, std::string>> Substitutions;
};

} // namespace gradlint::apigen

#endif
