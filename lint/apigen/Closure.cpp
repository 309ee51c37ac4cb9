//===- lint/apigen/Closure.cpp - Keeping the generated model closed -------===//

#include "lint/apigen/Closure.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace gradlint::apigen {

/// Whether the model must provide D itself: anything but the C++ and C
/// standard libraries (LibTorch's signatures also name caffe2:: and
/// Python's PyObject, which the model does not declare).
static bool inFramework(const Decl *D) {
  const NamespaceDecl *Outer = nullptr;
  for (const DeclContext *DC = D->getDeclContext(); DC; DC = DC->getParent())
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC))
      Outer = NS;
  if (Outer) {
    StringRef N = Outer->getName();
    return N != "std" && N != "__gnu_cxx" && N != "__cxxabiv1";
  }
  const SourceManager &SM = D->getASTContext().getSourceManager();
  SourceLocation Loc = SM.getExpansionLoc(D->getLocation());
  if (Loc.isInvalid())
    return false;
  StringRef File = SM.getFilename(Loc);
  if (File.starts_with("/usr/include/c++/") ||
      File.starts_with("/usr/include/x86_64-linux-gnu/") ||
      File.starts_with("/usr/lib/llvm") || File.contains("/clang/"))
    return false;
  // /usr/include/stdint.h and the like; not /usr/include/python3.11/...
  return File.count('/') != 3 || !File.starts_with("/usr/include/");
}

std::string providedName(const Decl *D) {
  if (!D || isa<TemplateTypeParmDecl>(D) || isa<NonTypeTemplateParmDecl>(D) ||
      isa<TemplateTemplateParmDecl>(D) || isa<ParmVarDecl>(D))
    return "";
  if (const auto *EC = dyn_cast<EnumConstantDecl>(D))
    D = cast<Decl>(EC->getDeclContext());
  // Members are provided with their outermost class.
  while (const auto *RD = dyn_cast<CXXRecordDecl>(D->getDeclContext()))
    D = RD;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(D))
    D = Spec->getSpecializedTemplate();
  if (!inFramework(D))
    return "";
  const auto *ND = dyn_cast<NamedDecl>(D);
  // An unscoped enum's enumerators live in the enclosing namespace.
  if (const auto *ED = dyn_cast<EnumDecl>(D); ED && ED->getName().empty())
    return "";
  return ND ? ND->getQualifiedNameAsString() : "";
}

bool Closure::omitted(const NamedDecl *D) const {
  return !Omitted.empty() && Omitted.count(D->getQualifiedNameAsString());
}

bool Closure::provided(const Decl *Ref) const {
  std::string N = providedName(Ref);
  return N.empty() || Available.count(N);
}

namespace {

/// Collects the declarations a signature names.
class Refs : public RecursiveASTVisitor<Refs> {
public:
  explicit Refs(const Closure &C) : C(C) {}
  bool shouldVisitTemplateInstantiations() const { return false; }

  bool check(const Decl *D) {
    if (!Missing.empty())
      return true;
    if (!C.provided(D)) {
      Missing = providedName(D);
      return true;
    }
    // A member type of a provided class may itself be left out.
    if (isa<CXXRecordDecl>(D->getDeclContext()) &&
        (isa<TypedefNameDecl>(D) || isa<TypeAliasTemplateDecl>(D)) &&
        Seen.insert(D).second) {
      std::string Inner;
      if (!C.usable(D, Inner))
        Missing = Inner;
    }
    return true;
  }
  bool VisitTagType(TagType *T) { return check(T->getDecl()); }
  bool VisitTypedefType(TypedefType *T) { return check(T->getDecl()); }
  bool VisitUsingType(UsingType *T) {
    check(T->getFoundDecl());
    return check(T->getFoundDecl()->getTargetDecl());
  }
  bool VisitInjectedClassNameType(InjectedClassNameType *T) {
    return check(T->getDecl());
  }
  bool VisitTemplateSpecializationType(TemplateSpecializationType *T) {
    if (TemplateDecl *TD = T->getTemplateName().getAsTemplateDecl())
      check(TD);
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *E) { return check(E->getDecl()); }
  bool VisitCXXConstructExpr(CXXConstructExpr *E) {
    return check(E->getConstructor()->getParent());
  }
  bool TraverseNestedNameSpecifier(NestedNameSpecifier *NNS) {
    if (NNS && NNS->getAsType())
      TraverseType(QualType(NNS->getAsType(), 0));
    if (NNS && NNS->getPrefix())
      TraverseNestedNameSpecifier(NNS->getPrefix());
    return true;
  }

  std::string Missing;
  std::set<const Decl *> Seen;

private:
  const Closure &C;
};

} // namespace

static void templateParams(Refs &R, const TemplateParameterList *TPL) {
  for (const NamedDecl *P : *TPL)
    if (const auto *TT = dyn_cast<TemplateTypeParmDecl>(P)) {
      if (TT->hasDefaultArgument())
        R.TraverseType(TT->getDefaultArgument().getArgument().getAsType());
    } else if (const auto *NT = dyn_cast<NonTypeTemplateParmDecl>(P)) {
      R.TraverseType(NT->getType());
    }
}

bool Closure::usable(const Decl *D, std::string &Missing) const {
  if (const auto *ND = dyn_cast<NamedDecl>(D); ND && omitted(ND)) {
    Missing = "(omitted by the manifest)";
    return false;
  }
  Refs R(*this);
  if (const auto *CTD = dyn_cast<ClassTemplateDecl>(D)) {
    templateParams(R, CTD->getTemplateParameters());
    D = CTD->getTemplatedDecl();
  }
  if (const auto *FTD = dyn_cast<FunctionTemplateDecl>(D)) {
    templateParams(R, FTD->getTemplateParameters());
    D = FTD->getTemplatedDecl();
  }
  if (const auto *FD = dyn_cast<FunctionDecl>(D)) {
    R.TraverseType(FD->getReturnType());
    for (const ParmVarDecl *P : FD->parameters()) {
      R.TraverseType(P->getType());
      if (P->hasDefaultArg() && !P->hasUninstantiatedDefaultArg() &&
          !P->hasUnparsedDefaultArg())
        R.TraverseStmt(const_cast<Expr *>(P->getDefaultArg()));
    }
  } else if (const auto *VD = dyn_cast<ValueDecl>(D)) {
    R.TraverseType(VD->getType());
    if (const auto *Var = dyn_cast<VarDecl>(D); Var && Var->getInit())
      R.TraverseStmt(const_cast<Expr *>(Var->getInit()));
  } else if (const auto *TD = dyn_cast<TypeAliasTemplateDecl>(D)) {
    templateParams(R, TD->getTemplateParameters());
    R.TraverseType(TD->getTemplatedDecl()->getUnderlyingType());
  } else if (const auto *TD = dyn_cast<TypedefNameDecl>(D)) {
    R.TraverseType(TD->getUnderlyingType());
  } else if (const auto *RD = dyn_cast<CXXRecordDecl>(D)) {
    if (RD->hasDefinition())
      for (const CXXBaseSpecifier &B : RD->getDefinition()->bases())
        R.TraverseType(B.getType());
  } else if (const auto *UD = dyn_cast<UsingDecl>(D)) {
    if (UD->getQualifier())
      R.TraverseNestedNameSpecifier(UD->getQualifier());
    // `using Base::f;` needs some f that is itself kept.
    bool AnyTarget = UD->shadow_size() == 0;
    std::string TargetMissing;
    for (const UsingShadowDecl *S : UD->shadows())
      AnyTarget |= usable(S->getTargetDecl(), TargetMissing);
    if (!AnyTarget && R.Missing.empty())
      R.Missing = TargetMissing;
  }
  Missing = R.Missing;
  return Missing.empty();
}

} // namespace gradlint::apigen
