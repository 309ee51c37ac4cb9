//===- lint/apigen/Printer.cpp - Declaration-only printing ----------------===//

#include "lint/apigen/Printer.h"

#include "clang/AST/Attr.h"
#include "clang/AST/DeclFriend.h"
#include "clang/AST/Expr.h"
#include "clang/AST/QualTypeNames.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;

namespace gradlint::apigen {

Printer::Printer(ASTContext &Ctx) : Ctx(Ctx), Policy(Ctx.getPrintingPolicy()) {
  Policy.SuppressTagKeyword = true;
  Policy.SuppressUnwrittenScope = true;
  Policy.PolishForDeclaration = true;
  Policy.Bool = true;
  Policy.TerseOutput = true;
}

bool Printer::usable(const Decl *D) {
  std::string Missing;
  if (!Closed || Closed->usable(D, Missing))
    return true;
  std::string Name;
  if (const auto *ND = dyn_cast<NamedDecl>(D))
    Name = ND->getQualifiedNameAsString();
  llvm::errs() << "apigen: left out " << Name << ": names " << Missing << "\n";
  return false;
}

std::string Printer::sourceText(SourceRange R) {
  const SourceManager &SM = Ctx.getSourceManager();
  if (R.isInvalid() || R.getBegin().isMacroID() || R.getEnd().isMacroID())
    return "";
  return Lexer::getSourceText(CharSourceRange::getTokenRange(R), SM,
                              Ctx.getLangOpts())
      .str();
}

namespace {
/// Whether a type names a member of a class template. Full qualification
/// would name such a member through one of the template's specializations
/// (clang's QualTypeNames picks the first one), so these types are printed
/// as the real headers write them, which means the same in the emitted
/// class and namespace.
class TemplatedMember : public RecursiveASTVisitor<TemplatedMember> {
public:
  bool Found = false;
  bool member(const Decl *D) {
    if (const auto *RD = dyn_cast<CXXRecordDecl>(D->getDeclContext()))
      Found |= RD->isTemplated() || RD->getDescribedClassTemplate();
    return !Found;
  }
  bool VisitTagType(TagType *T) { return member(T->getDecl()); }
  bool VisitTypedefType(TypedefType *T) { return member(T->getDecl()); }
  bool VisitUsingType(UsingType *T) { return member(T->getFoundDecl()); }
  bool VisitInjectedClassNameType(InjectedClassNameType *) {
    Found = true;
    return false;
  }
  bool VisitDependentNameType(DependentNameType *) {
    Found = true;
    return false;
  }
  bool VisitTemplateSpecializationType(TemplateSpecializationType *T) {
    if (TemplateDecl *TD = T->getTemplateName().getAsTemplateDecl())
      return member(TD);
    return true;
  }
};
} // namespace

std::string Printer::type(QualType T, llvm::StringRef Name) {
  // A deduced `auto` return type is printed as what it deduced to, so no
  // body is needed to use the declaration.
  if (const AutoType *AT = T->getContainedAutoType())
    if (!AT->getDeducedType().isNull() && T->getAs<AutoType>())
      T = AT->getDeducedType();
  TemplatedMember TM;
  TM.Found = T->isDependentType();
  if (!TM.Found)
    TM.TraverseType(T);
  QualType FQ = TM.Found ? T
                         : TypeName::getFullyQualifiedType(
                               T, Ctx, /*WithGlobalNsPrefix=*/false);
  std::string S;
  llvm::raw_string_ostream OS(S);
  FQ.print(OS, Policy, Name);
  return S;
}

std::string Printer::templateParams(const TemplateParameterList *TPL,
                                    bool WithDefaults) {
  std::string S = "template <";
  bool First = true;
  for (const NamedDecl *P : *TPL) {
    if (!First)
      S += ", ";
    First = false;
    if (const auto *TT = dyn_cast<TemplateTypeParmDecl>(P)) {
      S += TT->wasDeclaredWithTypename() ? "typename" : "class";
      if (TT->isParameterPack())
        S += "...";
      if (!TT->getName().empty())
        S += " " + TT->getNameAsString();
      if (WithDefaults && TT->hasDefaultArgument())
        S += " = " + type(TT->getDefaultArgument().getArgument().getAsType());
    } else if (const auto *NT = dyn_cast<NonTypeTemplateParmDecl>(P)) {
      std::string N = NT->getNameAsString();
      if (NT->isParameterPack())
        N = "..." + N;
      S += type(NT->isParameterPack() && NT->getType()->getAs<PackExpansionType>()
                    ? NT->getType()->getAs<PackExpansionType>()->getPattern()
                    : NT->getType(),
                N);
      if (WithDefaults && NT->hasDefaultArgument()) {
        std::string D = sourceText(NT->getDefaultArgument().getSourceRange());
        if (D.empty()) {
          llvm::raw_string_ostream OS(D);
          NT->getDefaultArgument().getArgument().print(Policy, OS, true);
        }
        S += " = " + D;
      }
    } else if (const auto *TTP = dyn_cast<TemplateTemplateParmDecl>(P)) {
      S += templateParams(TTP->getTemplateParameters(), false) + " class";
      if (TTP->isParameterPack())
        S += "...";
      S += " " + TTP->getNameAsString();
      if (WithDefaults && TTP->hasDefaultArgument())
        if (const TemplateDecl *TD = TTP->getDefaultArgument()
                                         .getArgument()
                                         .getAsTemplate()
                                         .getAsTemplateDecl())
          S += " = " + TD->getQualifiedNameAsString();
    }
  }
  return S + ">";
}

std::string Printer::defaultArg(const ParmVarDecl *P) {
  if (!P->hasDefaultArg() || P->hasUninstantiatedDefaultArg() ||
      P->hasUnparsedDefaultArg())
    return "";
  std::string D = sourceText(P->getDefaultArgRange());
  llvm::StringRef Trimmed = llvm::StringRef(D).trim();
  if (Trimmed.starts_with("="))
    D = Trimmed.drop_front().trim().str();
  if (D.empty()) {
    llvm::raw_string_ostream OS(D);
    P->getDefaultArg()->printPretty(OS, nullptr, Policy);
  }
  return " = " + D;
}

std::string Printer::function(const FunctionDecl *FD) {
  // A return type deduced from a body that depends on template parameters
  // (`decltype(auto) operator[]`) cannot be declared without the body.
  if (const AutoType *AT = FD->getReturnType()->getContainedAutoType())
    if (AT->getDeducedType().isNull()) {
      SourceRange R = FD->getSourceRange();
      if (const FunctionTemplateDecl *FTD = FD->getDescribedFunctionTemplate())
        R = FTD->getSourceRange();
      std::string Text = sourceText(R);
      if (!Text.empty()) {
        for (const auto &[From, To] : Substitutions) {
          size_t At;
          while ((At = Text.find(From)) != std::string::npos)
            Text.replace(At, From.size(), To);
        }
        return Text;
      }
    }
  std::string S;
  llvm::raw_string_ostream OS(S);
  if (const FunctionTemplateDecl *FTD = FD->getDescribedFunctionTemplate())
    OS << templateParams(FTD->getTemplateParameters(), true) << " ";
  const auto *MD = dyn_cast<CXXMethodDecl>(FD);
  if (MD && MD->isStatic())
    OS << "static ";
  if (MD && MD->isVirtualAsWritten())
    OS << "virtual ";
  if (const auto *CD = dyn_cast<CXXConstructorDecl>(FD); CD && CD->isExplicit())
    OS << "explicit ";
  if (const auto *CV = dyn_cast<CXXConversionDecl>(FD); CV && CV->isExplicit())
    OS << "explicit ";

  std::string Name;
  if (isa<CXXConstructorDecl>(FD))
    Name = MD->getParent()->getNameAsString();
  else if (isa<CXXDestructorDecl>(FD))
    Name = "~" + MD->getParent()->getNameAsString();
  else if (const auto *CV = dyn_cast<CXXConversionDecl>(FD))
    Name = "operator " + type(CV->getConversionType());
  else
    Name = FD->getNameInfo().getAsString();

  std::string Params = "(";
  for (unsigned I = 0; I < FD->getNumParams(); ++I) {
    const ParmVarDecl *P = FD->getParamDecl(I);
    if (I)
      Params += ", ";
    if (const auto *PE = P->getType()->getAs<PackExpansionType>())
      Params += type(PE->getPattern(), ("..." + P->getName()).str());
    else
      Params += type(P->getType(), P->getName()) + defaultArg(P);
  }
  const auto *FPT = FD->getType()->getAs<FunctionProtoType>();
  if (FPT && FPT->isVariadic())
    Params += FD->getNumParams() ? ", ..." : "...";
  Params += ")";

  std::string Quals;
  if (MD && MD->isConst())
    Quals += " const";
  if (MD && MD->isVolatile())
    Quals += " volatile";
  if (FPT) {
    switch (FPT->getRefQualifier()) {
    case RQ_None:
      break;
    case RQ_LValue:
      Quals += " &";
      break;
    case RQ_RValue:
      Quals += " &&";
      break;
    }
    switch (FPT->getExceptionSpecType()) {
    case EST_BasicNoexcept:
    case EST_NoexceptTrue:
    case EST_DynamicNone:
      Quals += " noexcept";
      break;
    default:
      break;
    }
  }

  bool NoReturnType = isa<CXXConstructorDecl>(FD) ||
                      isa<CXXDestructorDecl>(FD) || isa<CXXConversionDecl>(FD);
  if (NoReturnType)
    OS << Name << Params << Quals;
  else if (FPT && FPT->hasTrailingReturn())
    OS << "auto " << Name << Params << Quals << " -> "
       << type(FD->getReturnType());
  else
    OS << type(FD->getReturnType(), Name + Params + Quals);

  if (FD->hasAttr<OverrideAttr>())
    OS << " override";
  if (FD->hasAttr<FinalAttr>())
    OS << " final";
  if (FD->isDeletedAsWritten())
    OS << " = delete";
  else if (FD->isExplicitlyDefaulted())
    OS << " = default";
  else if (FD->isPureVirtual())
    OS << " = 0";
  else if (FD->getDescribedFunctionTemplate())
    // A function template may be instantiated with a lambda or a local
    // class, and a function whose type has no linkage must be defined in the
    // translation unit: a trivial body that is never run.
    OS << (isa<CXXConstructorDecl>(FD) || FD->getReturnType()->isVoidType()
               ? " {}"
               : " { __builtin_unreachable(); }");
  return S;
}

std::string Printer::forward(const CXXRecordDecl *RD, bool WithDefaults) {
  std::string S;
  if (const ClassTemplateDecl *CTD = RD->getDescribedClassTemplate())
    S += templateParams(CTD->getTemplateParameters(), WithDefaults) + " ";
  return S + RD->getKindName().str() + " " + RD->getNameAsString();
}

std::string Printer::member(const Decl *D, AccessSpecifier A) {
  bool Visible = A != AS_private;
  if (const auto *FTD = dyn_cast<FunctionTemplateDecl>(D))
    return Visible ? function(FTD->getTemplatedDecl()) : "";
  if (const auto *MD = dyn_cast<CXXMethodDecl>(D)) {
    // Private constructors, assignments and destructors still decide what
    // user code may do with the class; other private members do not.
    // Private virtuals keep a class abstract or make it concrete.
    bool Special = isa<CXXConstructorDecl>(MD) || isa<CXXDestructorDecl>(MD) ||
                   MD->isCopyAssignmentOperator() ||
                   MD->isMoveAssignmentOperator() || MD->isVirtual();
    return Visible || Special ? function(MD) : "";
  }
  // Member types stay even when private: public members name them.
  if (const auto *TD = dyn_cast<TypedefNameDecl>(D))
    return alias(TD);
  if (const auto *TD = dyn_cast<TypeAliasTemplateDecl>(D))
    return aliasTemplate(TD);
  if (const auto *UD = dyn_cast<UnresolvedUsingTypenameDecl>(D)) {
    std::string Q;
    llvm::raw_string_ostream QS(Q);
    UD->getQualifier()->print(QS, Policy);
    return "using typename " + Q + UD->getNameAsString();
  }
  if (const auto *UD = dyn_cast<UnresolvedUsingValueDecl>(D)) {
    std::string Q;
    llvm::raw_string_ostream QS(Q);
    UD->getQualifier()->print(QS, Policy);
    if (UD->getDeclName().getNameKind() == DeclarationName::CXXConstructorName)
      return "using " + Q + inheritedName(Q);
    return "using " + Q + UD->getNameAsString();
  }
  if (const auto *ED = dyn_cast<EnumDecl>(D))
    return enumeration(ED);
  if (const auto *CTD = dyn_cast<ClassTemplateDecl>(D))
    return CTD->getTemplatedDecl()->isCompleteDefinition()
               ? record(CTD->getTemplatedDecl())
               : forward(CTD->getTemplatedDecl());
  if (const auto *RD = dyn_cast<CXXRecordDecl>(D)) {
    if (RD->isInjectedClassName() || isa<ClassTemplateSpecializationDecl>(RD) ||
        !RD->getIdentifier())
      return "";
    // A nested class defined out of line (OrderedDict::Item) is printed
    // where it is declared.
    if (const CXXRecordDecl *Def = RD->getDefinition())
      return record(Def);
    return forward(RD);
  }
  if (const auto *FD = dyn_cast<FriendDecl>(D)) {
    // `friend struct X;` grants access to the framework classes that use
    // private member types (AnyModulePlaceholder and AnyValue::Placeholder).
    if (const TypeSourceInfo *TSI = FD->getFriendType())
      if (const CXXRecordDecl *RD = TSI->getType()->getAsCXXRecordDecl())
        if (!Closed || Closed->provided(RD))
          return "friend " + RD->getKindName().str() + " " + RD->getNameAsString();
    // A friend function found only by argument-dependent lookup
    // (`operator<<(std::ostream&, const Module&)`).
    if (const auto *F = dyn_cast_or_null<FunctionDecl>(FD->getFriendDecl()))
      if (!F->getDescribedFunctionTemplate() && usable(F))
        return "friend " + function(F);
    return "";
  }
  if (!Visible)
    return "";
  // Only public data members: the rest is storage no user code can name,
  // and instantiating it (ModuleHolder's std::shared_ptr<Contained>) was
  // most of the parse time.
  if (const auto *F = dyn_cast<FieldDecl>(D)) {
    if (const auto *RD = F->getType()->getAsRecordDecl(); RD && !RD->getIdentifier())
      return ""; // a member of an anonymous struct or union: storage too
    return A == AS_public ? type(F->getType(), F->getName()) : "";
  }
  if (const auto *V = dyn_cast<VarDecl>(D))
    return variable(V, true);
  if (const auto *TD = dyn_cast<TypedefNameDecl>(D))
    return alias(TD);
  if (const auto *TD = dyn_cast<TypeAliasTemplateDecl>(D))
    return aliasTemplate(TD);
  if (const auto *UD = dyn_cast<UsingDecl>(D))
    return usingDecl(UD);
  if (const auto *ED = dyn_cast<EnumDecl>(D))
    return enumeration(ED);
  if (const auto *CTD = dyn_cast<ClassTemplateDecl>(D))
    return CTD->getTemplatedDecl()->isCompleteDefinition()
               ? record(CTD->getTemplatedDecl())
               : forward(CTD->getTemplatedDecl());
  if (const auto *RD = dyn_cast<CXXRecordDecl>(D)) {
    if (RD->isInjectedClassName() || isa<ClassTemplateSpecializationDecl>(RD))
      return "";
    return RD->isCompleteDefinition() ? record(RD) : forward(RD);
  }
  return "";
}

static const char *accessName(AccessSpecifier A) {
  switch (A) {
  case AS_public:
    return "public";
  case AS_protected:
    return "protected";
  case AS_private:
  case AS_none:
    return "private";
  }
  return "private";
}

std::string Printer::record(const CXXRecordDecl *RD, bool WithTemplate) {
  std::string S;
  llvm::raw_string_ostream OS(S);
  if (const ClassTemplateDecl *CTD = RD->getDescribedClassTemplate();
      CTD && WithTemplate)
    OS << templateParams(CTD->getTemplateParameters(), true) << "\n";
  if (const auto *PS = dyn_cast<ClassTemplatePartialSpecializationDecl>(RD))
    OS << templateParams(PS->getTemplateParameters(), false) << "\n";
  else if (isa<ClassTemplateSpecializationDecl>(RD))
    OS << "template <>\n";
  OS << RD->getKindName() << " " << RD->getName();
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD)) {
    // Specialization arguments as the real headers write them.
    if (const ASTTemplateArgumentListInfo *Args = Spec->getTemplateArgsAsWritten()) {
      std::string A;
      llvm::raw_string_ostream AS(A);
      printTemplateArgumentList(AS, Args->arguments(), Policy);
      OS << A;
    } else {
      printTemplateArgumentList(OS, Spec->getTemplateArgs().asArray(), Policy);
    }
  }
  if (RD->hasAttr<FinalAttr>())
    OS << " final";
  bool First = true;
  for (const CXXBaseSpecifier &B : RD->bases()) {
    OS << (First ? " : " : ", ");
    First = false;
    if (B.isVirtual())
      OS << "virtual ";
    if (B.getAccessSpecifierAsWritten() != AS_none)
      OS << accessName(B.getAccessSpecifierAsWritten()) << " ";
    OS << type(B.getType());
    if (B.isPackExpansion())
      OS << "...";
  }
  OS << " {\n";
  AccessSpecifier Cur = RD->isClass() ? AS_private : AS_public;
  for (const Decl *D : RD->decls()) {
    if (D->isImplicit())
      continue;
    if (const auto *ND = dyn_cast<NamedDecl>(D))
      if (Excluded.count(ND->getNameAsString()))
        continue;
    if (!usable(D))
      continue;
    std::string M = member(D, D->getAccess());
    if (M.empty())
      continue;
    if (D->getAccess() != Cur) {
      Cur = D->getAccess();
      OS << accessName(Cur) << ":\n";
    }
    OS << "  " << M << ";\n";
  }
  OS << "}";
  return S;
}

std::string Printer::enumeration(const EnumDecl *ED) {
  std::string S;
  llvm::raw_string_ostream OS(S);
  OS << "enum ";
  if (ED->isScoped())
    OS << (ED->isScopedUsingClassTag() ? "class " : "struct ");
  OS << ED->getName();
  if (ED->isFixed())
    OS << " : " << type(ED->getIntegerType());
  if (!ED->isCompleteDefinition())
    return S;
  OS << " {";
  bool First = true;
  for (const EnumConstantDecl *EC : ED->enumerators()) {
    llvm::SmallString<16> V;
    EC->getInitVal().toString(V, 10);
    OS << (First ? " " : ", ") << EC->getName() << " = " << V;
    First = false;
  }
  OS << " }";
  return S;
}

std::string Printer::alias(const TypedefNameDecl *TD) {
  return "using " + TD->getNameAsString() + " = " +
         type(TD->getUnderlyingType());
}

std::string Printer::aliasTemplate(const TypeAliasTemplateDecl *TD) {
  return templateParams(TD->getTemplateParameters(), true) + "\n" +
         alias(TD->getTemplatedDecl());
}

std::string Printer::variable(const VarDecl *VD, bool InClass) {
  std::string S;
  if (InClass && VD->isStaticDataMember())
    S += "static ";
  if (VD->isConstexpr()) {
    S += "constexpr ";
  } else if (!InClass) {
    S += "extern ";
  }
  S += type(VD->getType(), VD->getName());
  if (VD->isConstexpr() || (InClass && VD->getInit())) {
    if (const Expr *Init = VD->getInit()) {
      std::string I = sourceText(Init->getSourceRange());
      if (I.empty()) {
        llvm::raw_string_ostream OS(I);
        Init->printPretty(OS, nullptr, Policy);
      }
      if (VD->getInitStyle() == VarDecl::ListInit)
        S += I;
      else
        S += " = " + I;
    }
  }
  return S;
}

/// The last component of a printed qualifier `a::B<T>::`, without its
/// template arguments: the name of an inherited constructor.
std::string Printer::inheritedName(llvm::StringRef Q) {
  llvm::StringRef Base = Q.drop_back(2);
  if (Base.ends_with(">")) {
    int Depth = 0;
    size_t I = Base.size();
    while (I > 0) {
      --I;
      if (Base[I] == '>')
        ++Depth;
      else if (Base[I] == '<' && --Depth == 0)
        break;
    }
    Base = Base.take_front(I);
  }
  size_t Colon = Base.rfind("::");
  return (Colon == llvm::StringRef::npos ? Base : Base.drop_front(Colon + 2)).str();
}

std::string Printer::usingDecl(const UsingDecl *UD) {
  std::string S;
  llvm::raw_string_ostream OS(S);
  OS << "using ";
  const NestedNameSpecifier *NNS = UD->getQualifier();
  std::string Q;
  llvm::raw_string_ostream QS(Q);
  if (NNS)
    NNS->print(QS, Policy);
  OS << Q;
  // An inheriting constructor is named after the base as written (the
  // last component of the qualifier, without template arguments), not
  // after the class that inherits it.
  if (UD->getDeclName().getNameKind() == DeclarationName::CXXConstructorName) {
    OS << inheritedName(Q);
    return S;
  }
  OS << UD->getNameAsString();
  return S;
}

} // namespace gradlint::apigen
