//===- lint/extract/Torch.cpp - Recognising the LibTorch API ---------------===//

#include "lint/extract/Torch.h"

#include "lint/extract/LoopRecovery.h"

#include "clang/AST/ParentMapContext.h"
#include "clang/AST/TemplateBase.h"
#include "clang/Analysis/Analyses/ExprMutationAnalyzer.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringSwitch.h"

#include <cmath>

using namespace clang;

namespace gradlint::lint {

static const NamespaceDecl *outermostNamespace(const DeclContext *DC) {
  const NamespaceDecl *Outer = nullptr;
  for (; DC; DC = DC->getParent())
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC))
      if (!NS->isInlineNamespace())
        Outer = NS;
  return Outer;
}

bool isFrameworkDecl(const Decl *D) {
  if (!D)
    return false;
  const NamespaceDecl *NS = outermostNamespace(D->getDeclContext());
  if (!NS) {
    if (const auto *ND = dyn_cast<NamespaceDecl>(D))
      NS = ND;
    else
      return false;
  }
  StringRef N = NS->getName();
  return N == "torch" || N == "at" || N == "c10";
}

bool touchedByError(const Expr *E) {
  if (!E)
    return false;
  if (E->containsErrors())
    return true;
  QualType T = E->getType();
  return !T.isNull() && (T->containsErrors() || isRecoveredUnknownType(T));
}

bool touchedByError(const Decl *D) {
  if (!D)
    return false;
  if (D->isInvalidDecl())
    return true;
  if (const auto *VD = dyn_cast<ValueDecl>(D))
    return !VD->getType().isNull() && (VD->getType()->containsErrors() ||
                                       isRecoveredUnknownType(VD->getType()));
  return false;
}

bool isUserLoc(const ASTContext &Ctx, SourceLocation Loc) {
  if (Loc.isInvalid())
    return false;
  const SourceManager &SM = Ctx.getSourceManager();
  Loc = SM.getExpansionLoc(Loc);
  if (SM.isInSystemHeader(Loc))
    return false;
  // The bundled API model and the real LibTorch headers are framework code
  // even when included with -I rather than -isystem.
  StringRef File = SM.getFilename(Loc);
  return !File.contains("/lint/api/") && !File.contains("/torch/csrc/") &&
         !File.contains("/ATen/") && !File.contains("/c10/");
}

const Expr *strip(const Expr *E) {
  while (E) {
    const Expr *Prev = E;
    E = E->IgnoreParenImpCasts();
    if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E))
      E = M->getSubExpr();
    else if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(E))
      E = B->getSubExpr();
    else if (const auto *C = dyn_cast<ExprWithCleanups>(E))
      E = C->getSubExpr();
    else if (const auto *F = dyn_cast<CXXFunctionalCastExpr>(E)) {
      if (F->getCastKind() == CK_ConstructorConversion ||
          F->getCastKind() == CK_NoOp)
        E = F->getSubExpr();
    } else if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
      // A copy or move of the same type: look through.
      if (CE->getNumArgs() == 1 && !isa<CXXTemporaryObjectExpr>(CE) &&
          CE->getConstructor()->isCopyOrMoveConstructor())
        E = CE->getArg(0);
    } else if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
      // Conversion operators (holder -> shared_ptr) keep the object.
      if (isa_and_nonnull<CXXConversionDecl>(MC->getMethodDecl()))
        E = MC->getImplicitObjectArgument();
    }
    if (E == Prev)
      break;
  }
  return E;
}

static const CXXRecordDecl *recordOf(QualType T) {
  T = T.getNonReferenceType().getCanonicalType();
  if (const auto *PT = T->getAs<PointerType>())
    T = PT->getPointeeType().getCanonicalType();
  return T->getAsCXXRecordDecl();
}

static const CXXRecordDecl *templateArgRecord(const CXXRecordDecl *RD) {
  const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD);
  if (!Spec || Spec->getTemplateArgs().size() < 1)
    return nullptr;
  const TemplateArgument &A = Spec->getTemplateArgs()[0];
  if (A.getKind() != TemplateArgument::Type)
    return nullptr;
  return A.getAsType()->getAsCXXRecordDecl();
}

bool isModuleClass(const CXXRecordDecl *RD) {
  if (!RD || !RD->hasDefinition())
    return false;
  RD = RD->getDefinition();
  if (RD->getName() == "Module" && isFrameworkDecl(RD))
    return true;
  bool Found = false;
  RD->forallBases([&](const CXXRecordDecl *Base) {
    if (Base->getName() == "Module" && isFrameworkDecl(Base))
      Found = true;
    return true;
  });
  return Found;
}

bool isUserModuleClass(const CXXRecordDecl *RD) {
  return RD && !isFrameworkDecl(RD) && isModuleClass(RD);
}

const CXXRecordDecl *moduleClassOf(QualType T) {
  const CXXRecordDecl *RD = recordOf(T);
  for (unsigned Depth = 0; RD && Depth < 4; ++Depth) {
    if (RD->getName() == "shared_ptr" || RD->getName() == "ModuleHolder") {
      RD = templateArgRecord(RD);
      continue;
    }
    if (isModuleClass(RD))
      return RD;
    // A TORCH_MODULE holder derives from ModuleHolder<XImpl>.
    const CXXRecordDecl *Def = RD->getDefinition();
    if (!Def)
      return nullptr;
    const CXXRecordDecl *Next = nullptr;
    for (const CXXBaseSpecifier &B : Def->bases()) {
      const CXXRecordDecl *BR = B.getType()->getAsCXXRecordDecl();
      if (BR && BR->getName() == "ModuleHolder") {
        Next = templateArgRecord(BR);
        break;
      }
    }
    RD = Next;
  }
  return nullptr;
}

std::string frameworkModuleName(const CXXRecordDecl *RD) {
  std::string N = RD->getNameAsString();
  if (llvm::StringRef(N).ends_with("Impl"))
    N.resize(N.size() - 4);
  return N;
}

bool isTensorType(QualType T) {
  const CXXRecordDecl *RD = recordOf(T);
  return RD && (RD->getName() == "Tensor" || RD->getName() == "TensorBase") &&
         isFrameworkDecl(RD);
}

std::string modelNameOf(const CXXRecordDecl *RD) {
  // `struct NetImpl` + `TORCH_MODULE(Net)`: users know the model as 'Net'.
  std::string N = RD->getQualifiedNameAsString();
  if (llvm::StringRef(N).ends_with("Impl") && N.size() > 4)
    N.resize(N.size() - 4);
  return N;
}

static std::string functionName(const FunctionDecl *FD) {
  return FD->getQualifiedNameAsString();
}

std::string sequentialModelName(const VarDecl *V) {
  if (const Expr *Init = V->getInit()) {
    const Expr *I = strip(Init);
    if (const auto *Call = dyn_cast_or_null<CallExpr>(I))
      if (const FunctionDecl *FD = Call->getDirectCallee())
        if (!isFrameworkDecl(FD) && !isa<CXXMethodDecl>(FD))
          return functionName(FD);
  }
  if (V->isLocalVarDecl() || isa<ParmVarDecl>(V))
    if (const auto *FD = dyn_cast_or_null<FunctionDecl>(V->getParentFunctionOrMethod()))
      return functionName(FD) + "::" + V->getNameAsString();
  return V->getQualifiedNameAsString();
}

const ValueDecl *referencedDecl(const Expr *E) {
  for (unsigned Depth = 0; E && Depth < 8; ++Depth) {
    E = strip(E);
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      return DRE->getDecl();
    if (const auto *ME = dyn_cast<MemberExpr>(E))
      return ME->getMemberDecl();
    if (const auto *U = dyn_cast<UnaryOperator>(E)) {
      if (U->getOpcode() != UO_Deref && U->getOpcode() != UO_AddrOf)
        return nullptr;
      E = U->getSubExpr();
      continue;
    }
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
      // holder->x / *holder: the object is the first argument.
      if (OC->getOperator() == OO_Arrow || OC->getOperator() == OO_Star) {
        E = OC->getArg(0);
        continue;
      }
      return nullptr;
    }
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
      const CXXMethodDecl *MD = MC->getMethodDecl();
      if (MD && MD->getDeclName().isIdentifier() &&
          (MD->getName() == "get" || MD->getName() == "ptr")) {
        E = MC->getImplicitObjectArgument();
        continue;
      }
      return nullptr;
    }
    return nullptr;
  }
  return nullptr;
}

std::string modelNameOfExpr(const Expr *E) {
  if (!E)
    return "";
  const CXXRecordDecl *RD = moduleClassOf(strip(E)->getType());
  if (!RD)
    return "";
  if (isUserModuleClass(RD))
    return modelNameOf(RD);
  if (frameworkModuleName(RD) != "Sequential")
    return "";
  const ValueDecl *D = referencedDecl(E);
  if (const auto *V = dyn_cast_or_null<VarDecl>(D))
    return sequentialModelName(V);
  if (const auto *F = dyn_cast_or_null<FieldDecl>(D))
    return F->getParent()->getQualifiedNameAsString() + "::" + F->getNameAsString();
  if (const auto *Call = dyn_cast<CallExpr>(strip(E)))
    if (const FunctionDecl *FD = Call->getDirectCallee())
      if (!isFrameworkDecl(FD))
        return functionName(FD);
  return "";
}

std::optional<ir::ActivationKind> activationOfFunction(llvm::StringRef N) {
  using ir::ActivationKind;
  if (N.ends_with("_") && !N.ends_with("__"))
    N = N.drop_back();
  return llvm::StringSwitch<std::optional<ActivationKind>>(N)
      .Case("relu", ActivationKind::ReLU)
      .Case("sigmoid", ActivationKind::Sigmoid)
      .Case("tanh", ActivationKind::Tanh)
      .Case("leaky_relu", ActivationKind::LeakyReLU)
      .Cases("elu", "selu", "celu", ActivationKind::ELU)
      .Case("gelu", ActivationKind::GELU)
      .Case("silu", ActivationKind::SiLU)
      .Case("softplus", ActivationKind::Softplus)
      .Case("softmax", ActivationKind::Softmax)
      .Case("log_softmax", ActivationKind::LogSoftmax)
      .Case("hardtanh", ActivationKind::Hardtanh)
      .Case("relu6", ActivationKind::ReLU6)
      .Default(std::nullopt);
}

std::string frameworkCallee(const CallExpr *Call) {
  const FunctionDecl *FD = Call->getDirectCallee();
  if (!FD || !isFrameworkDecl(FD))
    return "";
  if (FD->getDeclName().isIdentifier())
    return FD->getName().str();
  return "";
}

OptionsExpr readOptions(const Expr *E) {
  OptionsExpr O;
  E = strip(E);
  // Builder calls, outermost last: collect them innermost-first so that a
  // later setter of the same name wins.
  std::vector<std::pair<std::string, const Expr *>> Calls;
  while (const auto *MC = dyn_cast_or_null<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *MD = MC->getMethodDecl();
    if (!MD || !MD->getDeclName().isIdentifier() || MC->getNumArgs() != 1)
      return O;
    Calls.push_back({MD->getName().str(), MC->getArg(0)});
    E = strip(MC->getImplicitObjectArgument());
  }
  const auto *CE = dyn_cast_or_null<CXXConstructExpr>(E);
  if (!CE)
    return O;
  const CXXRecordDecl *RD = CE->getConstructor()->getParent();
  if (!RD || !isFrameworkDecl(RD))
    return O;
  O.Class = RD->getNameAsString();
  for (const Expr *A : CE->arguments()) {
    if (isa<CXXDefaultArgExpr>(A))
      break;
    O.Args.push_back(A);
  }
  for (auto It = Calls.rbegin(); It != Calls.rend(); ++It)
    O.Setters[It->first] = It->second;
  O.Valid = true;
  return O;
}

bool Folder::isUnmodifiedLocal(const VarDecl *V) {
  auto It = Unmodified.find(V);
  if (It != Unmodified.end())
    return It->second;
  bool Result = false;
  if (V->isLocalVarDecl() && !V->getType()->isReferenceType()) {
    const auto *FD = dyn_cast_or_null<FunctionDecl>(V->getParentFunctionOrMethod());
    if (FD && FD->hasBody())
      Result = !ExprMutationAnalyzer(*FD->getBody(), Ctx).isMutated(V);
  }
  Unmodified[V] = Result;
  return Result;
}

const Expr *Folder::stableInit(const VarDecl *V) {
  if (!V || !V->hasInit())
    return nullptr;
  const VarDecl *Def = V->getDefinition() ? V->getDefinition() : V;
  const Expr *Init = Def->getInit();
  if (!Init)
    Init = V->getAnyInitializer();
  if (!Init)
    return nullptr;
  QualType T = V->getType();
  if (T.isConstQualified() || V->isConstexpr())
    return Init;
  if (isUnmodifiedLocal(V))
    return Init;
  return nullptr;
}

std::optional<double> Folder::number(const Expr *E) { return fold(E, 0); }

std::optional<int64_t> Folder::integer(const Expr *E) {
  std::optional<double> D = fold(E, 0);
  if (!D || std::floor(*D) != *D || std::fabs(*D) > 9e15)
    return std::nullopt;
  return static_cast<int64_t>(*D);
}

std::optional<bool> Folder::boolean(const Expr *E) {
  std::optional<double> D = fold(E, 0);
  if (!D)
    return std::nullopt;
  return *D != 0;
}

std::optional<std::string> Folder::string(const Expr *E) {
  E = strip(E);
  if (const auto *CE = dyn_cast_or_null<CXXConstructExpr>(E))
    if (CE->getNumArgs() >= 1)
      E = strip(CE->getArg(0));
  if (const auto *S = dyn_cast_or_null<StringLiteral>(E))
    return S->getString().str();
  if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(E))
    if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl()))
      if (const Expr *Init = stableInit(V))
        return string(Init);
  return std::nullopt;
}

std::optional<std::vector<int64_t>> Folder::integers(const Expr *E) {
  E = strip(E);
  if (const auto *CE = dyn_cast_or_null<CXXConstructExpr>(E)) {
    // IntArrayRef / std::vector from a braced list.
    if (CE->getNumArgs() == 1)
      return integers(CE->getArg(0));
    if (CE->isListInitialization() || CE->getNumArgs() > 1) {
      std::vector<int64_t> Out;
      for (const Expr *A : CE->arguments()) {
        std::optional<int64_t> I = integer(A);
        if (!I)
          return std::nullopt;
        Out.push_back(*I);
      }
      return Out;
    }
  }
  if (const auto *SIL = dyn_cast_or_null<CXXStdInitializerListExpr>(E))
    return integers(SIL->getSubExpr());
  if (const auto *IL = dyn_cast_or_null<InitListExpr>(E)) {
    std::vector<int64_t> Out;
    for (const Expr *A : IL->inits()) {
      std::optional<int64_t> I = integer(A);
      if (!I)
        return std::nullopt;
      Out.push_back(*I);
    }
    return Out;
  }
  if (std::optional<int64_t> I = integer(E))
    return std::vector<int64_t>{*I};
  return std::nullopt;
}

std::optional<double> Folder::fold(const Expr *E, unsigned Depth) {
  if (!E || Depth > 32)
    return std::nullopt;
  E = strip(E);
  if (!E)
    return std::nullopt;
  if (const auto *F = dyn_cast<FloatingLiteral>(E))
    return F->getValueAsApproximateDouble();
  if (const auto *I = dyn_cast<IntegerLiteral>(E))
    return static_cast<double>(I->getValue().getSExtValue());
  if (const auto *B = dyn_cast<CXXBoolLiteralExpr>(E))
    return B->getValue() ? 1.0 : 0.0;
  if (const auto *C = dyn_cast<CStyleCastExpr>(E))
    return fold(C->getSubExpr(), Depth + 1);
  if (const auto *C = dyn_cast<CXXStaticCastExpr>(E))
    return fold(C->getSubExpr(), Depth + 1);
  if (const auto *C = dyn_cast<CXXFunctionalCastExpr>(E))
    return fold(C->getSubExpr(), Depth + 1);
  if (const auto *U = dyn_cast<UnaryOperator>(E)) {
    std::optional<double> V = fold(U->getSubExpr(), Depth + 1);
    if (!V)
      return std::nullopt;
    switch (U->getOpcode()) {
    case UO_Minus:
      return -*V;
    case UO_Plus:
      return *V;
    case UO_LNot:
      return *V == 0 ? 1.0 : 0.0;
    default:
      return std::nullopt;
    }
  }
  if (const auto *B = dyn_cast<BinaryOperator>(E)) {
    std::optional<double> L = fold(B->getLHS(), Depth + 1);
    std::optional<double> R = fold(B->getRHS(), Depth + 1);
    if (!L || !R)
      return std::nullopt;
    bool Int = B->getType()->isIntegerType();
    switch (B->getOpcode()) {
    case BO_Add:
      return *L + *R;
    case BO_Sub:
      return *L - *R;
    case BO_Mul:
      return *L * *R;
    case BO_Div:
      if (*R == 0)
        return std::nullopt;
      return Int ? std::trunc(*L / *R) : *L / *R;
    case BO_LT:
      return *L < *R ? 1.0 : 0.0;
    case BO_GT:
      return *L > *R ? 1.0 : 0.0;
    case BO_LE:
      return *L <= *R ? 1.0 : 0.0;
    case BO_GE:
      return *L >= *R ? 1.0 : 0.0;
    case BO_EQ:
      return *L == *R ? 1.0 : 0.0;
    case BO_NE:
      return *L != *R ? 1.0 : 0.0;
    default:
      return std::nullopt;
    }
  }
  if (const auto *C = dyn_cast<ConditionalOperator>(E)) {
    std::optional<double> Cond = fold(C->getCond(), Depth + 1);
    std::optional<double> T = fold(C->getTrueExpr(), Depth + 1);
    std::optional<double> F = fold(C->getFalseExpr(), Depth + 1);
    if (Cond)
      return *Cond != 0 ? T : F;
    // `argc > 1 ? std::stod(argv[1]) : 1e-10`: the default literal is the
    // value the program runs with unless told otherwise.
    if (T && !F)
      return T;
    if (F && !T)
      return F;
    if (T && F && *T == *F)
      return T;
    return std::nullopt;
  }
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl())) {
      auto It = Bound.find(V);
      if (It != Bound.end())
        return It->second;
      if (const Expr *Init = stableInit(V))
        return fold(Init, Depth + 1);
      return std::nullopt;
    }
    if (const auto *EC = dyn_cast<EnumConstantDecl>(DRE->getDecl()))
      return static_cast<double>(EC->getInitVal().getSExtValue());
    return std::nullopt;
  }
  if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
    // double(x), c10::Scalar(x), c10::optional<double>(x), std::tuple...
    if (CE->getNumArgs() == 1)
      return fold(CE->getArg(0), Depth + 1);
    return std::nullopt;
  }
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *FD = Call->getDirectCallee();
    if (FD && FD->getDeclName().isIdentifier()) {
      StringRef N = FD->getName();
      if ((N == "pow" || N == "powf") && Call->getNumArgs() == 2) {
        std::optional<double> A = fold(Call->getArg(0), Depth + 1);
        std::optional<double> B = fold(Call->getArg(1), Depth + 1);
        if (A && B)
          return std::pow(*A, *B);
      }
      if (N == "sqrt" && Call->getNumArgs() == 1)
        if (std::optional<double> A = fold(Call->getArg(0), Depth + 1))
          return std::sqrt(*A);
    }
  }
  // constexpr functions and anything else Clang can evaluate.
  if (!E->isValueDependent() && !E->isTypeDependent()) {
    Expr::EvalResult R;
    if (E->EvaluateAsRValue(R, Ctx) && !R.HasSideEffects) {
      if (R.Val.isInt())
        return static_cast<double>(R.Val.getInt().getSExtValue());
      if (R.Val.isFloat())
        return R.Val.getFloat().convertToDouble();
    }
  }
  return std::nullopt;
}

} // namespace gradlint::lint
