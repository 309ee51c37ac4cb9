//===- lint/extract/TrainingCalls.h - Calls and bindings --------*- C++ -*-===//
//
// How the training extractor reads calls: the object a call is made on, its
// arguments, the variable an expression names, the function and loop that
// enclose a node, and the variable or member a constructed object is
// stored in.
//
//===----------------------------------------------------------------------===//

#ifndef GRADLINT_LINT_EXTRACT_TRAININGCALLS_H
#define GRADLINT_LINT_EXTRACT_TRAININGCALLS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/ASTTypeTraits.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace gradlint::lint::train {

/// A declaration's identifier, or "" for operators and constructors.
llvm::StringRef declName(const clang::NamedDecl *D);

/// The class a type names, through references, pointers, unique_ptr and
/// shared_ptr.
const clang::CXXRecordDecl *heldRecord(clang::QualType T);

/// Whether \p RD is the framework class \p Base or derives from it.
bool derivesFromFramework(const clang::CXXRecordDecl *RD, llvm::StringRef Base);

/// The object a member call or a call operator is invoked on.
const clang::Expr *objectOf(const clang::CallExpr *C);

/// The arguments after the object (for `obj(a, b)` a and b).
std::vector<const clang::Expr *> callArgs(const clang::CallExpr *C);

/// The name of the variable an expression refers to, or "".
std::string varName(const clang::Expr *E);

/// The enclosing function of a node, and the innermost loop whose body
/// holds it.
struct Context {
  const clang::FunctionDecl *Function = nullptr;
  const clang::Stmt *Loop = nullptr;
};

/// The context of \p N; a lambda's body belongs to the function that
/// defines the lambda.
Context contextOf(clang::ASTContext &Ctx, clang::DynTypedNode N);

/// The member a constructor's init-list entry initialises with \p Child
/// (the parent map skips CXXCtorInitializer and names the constructor).
const clang::FieldDecl *initializedMember(clang::DynTypedNode Parent,
                                          clang::DynTypedNode Child);

/// The variable or member that receives a constructed object.
std::string receiverName(clang::ASTContext &Ctx, const clang::Expr *E);

/// The first lambda in \p E (a closure handed to step()), or null.
const clang::LambdaExpr *findLambda(const clang::Expr *E, unsigned Depth = 0);

/// Every function the user wrote, with a body.
class FunctionCollector : public clang::RecursiveASTVisitor<FunctionCollector> {
public:
  explicit FunctionCollector(clang::ASTContext &Ctx) : Ctx(Ctx) {}
  bool shouldVisitLambdaBody() const { return true; }
  bool TraverseDecl(clang::Decl *D);
  bool VisitFunctionDecl(clang::FunctionDecl *FD);
  bool VisitLambdaExpr(clang::LambdaExpr *L) {
    Lambdas.push_back(L);
    return true;
  }
  std::vector<const clang::FunctionDecl *> Functions;
  std::vector<const clang::LambdaExpr *> Lambdas;

private:
  clang::ASTContext &Ctx;
};

} // namespace gradlint::lint::train

#endif // GRADLINT_LINT_EXTRACT_TRAININGCALLS_H
