//===- lint/extract/Torch.h - Recognising the LibTorch API ------*- C++ -*-===//
//
// Shared by the model and training extractors: which declarations belong to
// the framework, what module a type holds, how options builders read, and
// constant folding of the values the code states.
//
// Framework entities are recognised by their unqualified name and by living
// in the framework's top-level namespaces (torch, at, c10), never by their
// exact nested namespace: `torch::relu` is `at::relu` in the real headers,
// and findings on the real headers and the bundled API model must agree.
//
//===----------------------------------------------------------------------===//

#ifndef GRADLINT_LINT_EXTRACT_TORCH_H
#define GRADLINT_LINT_EXTRACT_TORCH_H

#include "rules/ir/Model.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringRef.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace gradlint::lint {

/// Whether \p D is declared in the framework (namespaces torch, at, c10).
bool isFrameworkDecl(const clang::Decl *D);

/// Whether Clang's error recovery touched \p E: it is or contains a
/// RecoveryExpr (a call or name that did not resolve, e.g. one declared in a
/// header that was not found), or its type is not known (contains errors, or
/// is the opaque element type of a recovered loop, see LoopRecovery.h). A
/// fact read from it would be a guess, so extractors make it Unknown.
bool touchedByError(const clang::Expr *E);

/// Whether \p D is invalid (its type or a base did not resolve) or has a
/// type that is not known (as for an expression).
bool touchedByError(const clang::Decl *D);

/// Whether \p Loc is in code the user wrote (not a system or framework
/// header).
bool isUserLoc(const clang::ASTContext &Ctx, clang::SourceLocation Loc);

/// Calls \p Visit on each top-level declaration written in user code. The
/// framework's own declarations (possibly in a precompiled header, where
/// visiting them would deserialize them all) are skipped.
template <typename Fn>
void forEachUserDecl(clang::ASTContext &Ctx, Fn Visit) {
  for (clang::Decl *D : Ctx.getTranslationUnitDecl()->decls())
    if (!D->isFromASTFile() &&
        (isUserLoc(Ctx, D->getLocation()) || isUserLoc(Ctx, D->getBeginLoc())))
      Visit(D);
}

/// Strips implicit casts, temporaries, parentheses, and copy/move
/// constructions of the same type.
const clang::Expr *strip(const clang::Expr *E);

/// The module class a type refers to: through references, pointers,
/// std::shared_ptr<M> and torch::nn::ModuleHolder<M> (and TORCH_MODULE
/// holders deriving from it). Null when the type holds no module.
const clang::CXXRecordDecl *moduleClassOf(clang::QualType T);

/// Whether \p RD is torch::nn::Module or derives from it.
bool isModuleClass(const clang::CXXRecordDecl *RD);

/// Whether \p RD is a module the user defined (derives from Module, is not
/// in the framework).
bool isUserModuleClass(const clang::CXXRecordDecl *RD);

/// The framework module's name without "Impl": "Linear", "Sequential".
std::string frameworkModuleName(const clang::CXXRecordDecl *RD);

/// Whether \p T is a tensor (at::Tensor), through references.
bool isTensorType(clang::QualType T);

/// The IR name of a user module class: its qualified name, without the
/// "Impl" of the TORCH_MODULE convention (`NetImpl` is the model 'Net').
std::string modelNameOf(const clang::CXXRecordDecl *RD);

/// The IR name of a Sequential held by variable \p V: its factory
/// function's qualified name when initialised from a user function's result,
/// else "<enclosing function>::<variable>" (or the qualified name of a
/// global).
std::string sequentialModelName(const clang::VarDecl *V);

/// The IR name of the model an expression refers to (`model`, `*model`,
/// `model.get()`, `net->seq`), or "" when it is not statically a model.
std::string modelNameOfExpr(const clang::Expr *E);

/// The variable an expression names, through `*`, `->`, `.get()`; or null.
const clang::ValueDecl *referencedDecl(const clang::Expr *E);

/// The activation a framework function or tensor method computes, by name
/// ("sigmoid", "relu_", "log_softmax"), or std::nullopt.
std::optional<ir::ActivationKind> activationOfFunction(llvm::StringRef Name);

/// A call's callee name if it is a framework function or method, else "".
std::string frameworkCallee(const clang::CallExpr *Call);

/// An options object as written: constructor arguments and builder calls,
/// e.g. `LinearOptions(12, 24).bias(false)` -> Class "LinearOptions",
/// Args {12, 24}, Setters {bias: false}.
struct OptionsExpr {
  std::string Class;
  std::vector<const clang::Expr *> Args;
  std::map<std::string, const clang::Expr *> Setters;
  bool Valid = false;
};

/// Reads an options builder chain.
OptionsExpr readOptions(const clang::Expr *E);

/// Constant folding of what the code states statically. Unknown values are
/// std::nullopt; nothing is guessed.
class Folder {
public:
  explicit Folder(clang::ASTContext &Ctx) : Ctx(Ctx) {}

  std::optional<double> number(const clang::Expr *E);
  std::optional<int64_t> integer(const clang::Expr *E);
  std::optional<bool> boolean(const clang::Expr *E);
  std::optional<std::string> string(const clang::Expr *E);
  /// A braced list or IntArrayRef of integers: `{100, 10}`.
  std::optional<std::vector<int64_t>> integers(const clang::Expr *E);

  /// Binds a loop variable while a loop body is unrolled.
  void bind(const clang::VarDecl *V, double Value) { Bound[V] = Value; }
  void unbind(const clang::VarDecl *V) { Bound.erase(V); }

  /// The initializer of a variable whose value cannot change: const, or a
  /// local never modified after its declaration.
  const clang::Expr *stableInit(const clang::VarDecl *V);

private:
  std::optional<double> fold(const clang::Expr *E, unsigned Depth);
  bool isUnmodifiedLocal(const clang::VarDecl *V);

  clang::ASTContext &Ctx;
  llvm::DenseMap<const clang::VarDecl *, double> Bound;
  llvm::DenseMap<const clang::VarDecl *, bool> Unmodified;
};

} // namespace gradlint::lint

#endif // GRADLINT_LINT_EXTRACT_TORCH_H
