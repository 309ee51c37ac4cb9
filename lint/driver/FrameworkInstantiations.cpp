//===- lint/driver/FrameworkInstantiations.cpp - Skip framework bodies ----===//

#include "lint/driver/FrameworkInstantiations.h"

#include "lint/extract/Torch.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/Type.h"
#include "clang/Sema/ExternalSemaSource.h"
#include "clang/Sema/Sema.h"

#include <algorithm>

namespace gradlint::lint {

using namespace clang;

namespace {

/// Past this depth a type is taken as naming the user's code: kept.
constexpr unsigned MaxDepth = 32;

bool argsNameUser(ArrayRef<TemplateArgument> Args, const ASTContext &Ctx,
                  unsigned Depth);

bool userDecl(const Decl *D, const ASTContext &Ctx) {
  return D && isUserLoc(Ctx, D->getLocation());
}

/// Whether \p DC or a context around it is the user's, or a specialization
/// with an argument of the user's.
bool contextNamesUser(const DeclContext *DC, const ASTContext &Ctx,
                      unsigned Depth) {
  for (; DC && !DC->isFileContext(); DC = DC->getParent()) {
    if (const auto *S = dyn_cast<ClassTemplateSpecializationDecl>(DC)) {
      if (userDecl(S, Ctx) ||
          argsNameUser(S->getTemplateArgs().asArray(), Ctx, Depth + 1))
        return true;
    } else if (const auto *R = dyn_cast<CXXRecordDecl>(DC)) {
      if (userDecl(R, Ctx))
        return true;
    } else if (const auto *F = dyn_cast<FunctionDecl>(DC)) {
      if (userDecl(F, Ctx))
        return true;
      if (const TemplateArgumentList *A = F->getTemplateSpecializationArgs())
        if (argsNameUser(A->asArray(), Ctx, Depth + 1))
          return true;
    }
  }
  return false;
}

bool typeNamesUser(QualType T, const ASTContext &Ctx, unsigned Depth) {
  if (T.isNull())
    return false;
  if (Depth > MaxDepth)
    return true;
  const Type *Ty = T.getCanonicalType().getTypePtr();
  if (isa<BuiltinType>(Ty))
    return false;
  if (const auto *P = dyn_cast<PointerType>(Ty))
    return typeNamesUser(P->getPointeeType(), Ctx, Depth + 1);
  if (const auto *R = dyn_cast<ReferenceType>(Ty))
    return typeNamesUser(R->getPointeeType(), Ctx, Depth + 1);
  if (const auto *M = dyn_cast<MemberPointerType>(Ty))
    return typeNamesUser(M->getPointeeType(), Ctx, Depth + 1) ||
           typeNamesUser(QualType(M->getClass(), 0), Ctx, Depth + 1);
  if (const auto *A = dyn_cast<ArrayType>(Ty))
    return typeNamesUser(A->getElementType(), Ctx, Depth + 1);
  if (const auto *F = dyn_cast<FunctionProtoType>(Ty)) {
    if (typeNamesUser(F->getReturnType(), Ctx, Depth + 1))
      return true;
    for (QualType P : F->param_types())
      if (typeNamesUser(P, Ctx, Depth + 1))
        return true;
    return false;
  }
  if (const auto *F = dyn_cast<FunctionNoProtoType>(Ty))
    return typeNamesUser(F->getReturnType(), Ctx, Depth + 1);
  if (const auto *V = dyn_cast<VectorType>(Ty))
    return typeNamesUser(V->getElementType(), Ctx, Depth + 1);
  if (const auto *C = dyn_cast<ComplexType>(Ty))
    return typeNamesUser(C->getElementType(), Ctx, Depth + 1);
  if (const auto *A = dyn_cast<AtomicType>(Ty))
    return typeNamesUser(A->getValueType(), Ctx, Depth + 1);
  if (const auto *Tag = dyn_cast<TagType>(Ty)) {
    const TagDecl *D = Tag->getDecl();
    if (userDecl(D, Ctx))
      return true;
    if (const auto *S = dyn_cast<ClassTemplateSpecializationDecl>(D))
      if (argsNameUser(S->getTemplateArgs().asArray(), Ctx, Depth + 1))
        return true;
    return contextNamesUser(D->getDeclContext(), Ctx, Depth + 1);
  }
  // Anything else (a dependent or unusual type): kept, to be safe.
  return true;
}

bool argsNameUser(ArrayRef<TemplateArgument> Args, const ASTContext &Ctx,
                  unsigned Depth) {
  if (Depth > MaxDepth)
    return true;
  for (const TemplateArgument &A : Args) {
    switch (A.getKind()) {
    case TemplateArgument::Null:
    case TemplateArgument::Integral:
    case TemplateArgument::NullPtr:
      break;
    case TemplateArgument::Type:
      if (typeNamesUser(A.getAsType(), Ctx, Depth + 1))
        return true;
      break;
    case TemplateArgument::Declaration: {
      const ValueDecl *D = A.getAsDecl();
      if (userDecl(D, Ctx) ||
          (D && contextNamesUser(D->getDeclContext(), Ctx, Depth + 1)))
        return true;
      break;
    }
    case TemplateArgument::Template:
    case TemplateArgument::TemplateExpansion: {
      const TemplateDecl *T =
          A.getAsTemplateOrTemplatePattern().getAsTemplateDecl();
      if (!T || userDecl(T, Ctx))
        return true;
      break;
    }
    case TemplateArgument::Pack:
      if (argsNameUser(A.pack_elements(), Ctx, Depth + 1))
        return true;
      break;
    case TemplateArgument::Expression:
    case TemplateArgument::StructuralValue:
      return true; // not looked into: kept
    }
  }
  return false;
}

/// Sees the pending instantiations right before clang performs them at the
/// end of the translation unit (Sema reads them from its external sources
/// there, after the PCH's own).
class Filter : public ExternalSemaSource {
public:
  explicit Filter(Sema &S) : S(S) {}

  void ReadPendingInstantiations(
      SmallVectorImpl<std::pair<ValueDecl *, SourceLocation>> &Pending)
      override {
    auto Drop = [](const std::pair<ValueDecl *, SourceLocation> &P) {
      return frameworkOnlyInstantiation(P.first);
    };
    Pending.erase(std::remove_if(Pending.begin(), Pending.end(), Drop),
                  Pending.end());
    S.PendingInstantiations.erase(
        std::remove_if(S.PendingInstantiations.begin(),
                       S.PendingInstantiations.end(), Drop),
        S.PendingInstantiations.end());
  }

private:
  Sema &S;
};

} // namespace

bool frameworkOnlyInstantiation(const ValueDecl *D) {
  const auto *F = dyn_cast_or_null<FunctionDecl>(D);
  if (!F)
    return false;
  const FunctionDecl *Pattern = F->getTemplateInstantiationPattern();
  if (!Pattern)
    return false;
  const ASTContext &Ctx = F->getASTContext();
  if (userDecl(Pattern, Ctx))
    return false;
  if (const TemplateArgumentList *A = F->getTemplateSpecializationArgs())
    if (argsNameUser(A->asArray(), Ctx, 0))
      return false;
  return !contextNamesUser(F->getDeclContext(), Ctx, 0);
}

void skipFrameworkInstantiations(Sema &S) {
  // Sema holds its external sources by reference count.
  S.addExternalSource(new Filter(S));
}

} // namespace gradlint::lint
