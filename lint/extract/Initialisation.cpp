//===- lint/extract/Initialisation.cpp - Initialisation of parameters -----===//
//
// Initialisation statements and what they target: `init::*` functions,
// tensor methods (`fill_`, `zero_`, `uniform_`), `model->apply(fn)`, loops
// over parameters()/modules()/named_parameters() with their type and name
// filters, and `model->fc->weight` from outside the class.
//
//===----------------------------------------------------------------------===//

#include "lint/extract/ModelExtractorInternal.h"

#include "clang/AST/RecursiveASTVisitor.h"

using namespace clang;

namespace gradlint::lint::models {

static std::optional<LayerKind> kindOfModuleType(QualType T) {
  const CXXRecordDecl *RD = moduleClassOf(T);
  if (!RD || !isFrameworkDecl(RD))
    return std::nullopt;
  return layerKindOfModule(frameworkModuleName(RD));
}

/// `m.as<Linear>()`, `dynamic_cast<LinearImpl*>(&m)`: the kind it selects.
static std::optional<LayerKind> castKind(const Expr *E) {
  E = strip(E);
  if (const auto *MC = dyn_cast_or_null<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *MD = MC->getMethodDecl();
    if (MD && MD->getDeclName().isIdentifier() && MD->getName() == "as")
      return kindOfModuleType(MC->getType());
  }
  if (const auto *DC = dyn_cast_or_null<CXXDynamicCastExpr>(E))
    return kindOfModuleType(DC->getType());
  if (const auto *SC = dyn_cast_or_null<CXXStaticCastExpr>(E))
    return kindOfModuleType(SC->getType());
  return std::nullopt;
}

ParamTarget Extractor::paramTarget(const Expr *E, const std::string &SelfModel) {
  ParamTarget T;
  for (unsigned Depth = 0; E && Depth < 8; ++Depth) {
    E = strip(E);
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
      const CXXMethodDecl *MD = MC->getMethodDecl();
      if (!MD || !MD->getDeclName().isIdentifier())
        return T;
      StringRef N = MD->getName();
      if (N == "data" || N == "detach" || N == "view" || N == "value" ||
          N == "get") {
        E = MC->getImplicitObjectArgument();
        continue;
      }
      return T;
    }
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
      if (OC->getOperator() == OO_Arrow || OC->getOperator() == OO_Star) {
        E = OC->getArg(0);
        continue;
      }
      return T;
    }
    break;
  }
  if (!E)
    return T;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl())) {
      auto It = BoundTargets.find(V);
      if (It != BoundTargets.end())
        return It->second;
    }
    return T;
  }
  const auto *ME = dyn_cast<MemberExpr>(E);
  if (!ME)
    return T;
  const auto *Param = dyn_cast<FieldDecl>(ME->getMemberDecl());
  if (!Param)
    return T;
  StringRef PN = Param->getName();
  if (PN != "weight" && PN != "bias") {
    // A tensor member of a user module registered as a parameter.
    if (isUserModuleClass(dyn_cast<CXXRecordDecl>(Param->getParent())) && isTensorType(Param->getType())) {
      T.Model = modelNameOf(cast<CXXRecordDecl>(Param->getParent()));
      T.Layer = Param->getNameAsString();
      T.Valid = true;
    }
    return T;
  }
  ir::ParamRole Role = PN == "weight" ? ir::ParamRole::Weight : ir::ParamRole::Bias;
  // The module the parameter belongs to.
  const Expr *Base = ME->getBase();
  for (unsigned Depth = 0; Base && Depth < 8; ++Depth) {
    Base = strip(Base);
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(Base)) {
      if (OC->getOperator() == OO_Arrow || OC->getOperator() == OO_Star) {
        Base = OC->getArg(0);
        continue;
      }
    }
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Base)) {
      const CXXMethodDecl *MD = MC->getMethodDecl();
      if (MD && MD->getOverloadedOperator() == OO_Arrow) {
        Base = MC->getImplicitObjectArgument();
        continue;
      }
      if (std::optional<LayerKind> K = castKind(MC)) {
        T.Model = ApplyModel.empty() ? SelfModel : ApplyModel;
        T.KindFilter = K;
        T.Role = Role;
        T.Valid = !T.Model.empty();
        return T;
      }
    }
    break;
  }
  if (const auto *BM = dyn_cast_or_null<MemberExpr>(Base)) {
    if (const auto *F = dyn_cast<FieldDecl>(BM->getMemberDecl())) {
      if (isUserModuleClass(dyn_cast<CXXRecordDecl>(F->getParent()))) {
        T.Model = modelNameOf(cast<CXXRecordDecl>(F->getParent()));
        T.Layer = F->getNameAsString();
        T.Role = Role;
        T.Valid = true;
      }
    }
    return T;
  }
  if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(Base)) {
    if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl())) {
      auto It = BoundTargets.find(V);
      if (It != BoundTargets.end()) {
        T = It->second;
        T.Role = Role;
        return T;
      }
      // A local module later put into a Sequential: its layer there.
      auto Local = LocalLayers.find(V);
      if (Local != LocalLayers.end()) {
        T.Model = Local->second->Name;
        T.Layer = V->getNameAsString();
        T.Role = Role;
        T.Valid = !T.Model.empty();
        return T;
      }
    }
  }
  if (Base)
    if (std::optional<LayerKind> K = castKind(Base)) {
      T.Model = ApplyModel.empty() ? SelfModel : ApplyModel;
      T.KindFilter = K;
      T.Role = Role;
      T.Valid = !T.Model.empty();
    }
  return T;
}

void Extractor::addInit(const ParamTarget &T, ir::InitScheme S,
                        std::optional<double> A, std::optional<double> B,
                        std::optional<double> Gain, const Expr *At) {
  if (!T.Valid || T.Model.empty())
    return;
  ir::Init I;
  I.Layer = T.Layer;
  I.KindFilter = T.KindFilter;
  I.Role = T.Role;
  I.NameContains = T.NameContains;
  if (I.Role == ir::ParamRole::Any) {
    if (StringRef(T.NameContains).contains("weight"))
      I.Role = ir::ParamRole::Weight;
    else if (StringRef(T.NameContains).contains("bias"))
      I.Role = ir::ParamRole::Bias;
  }
  if (!I.KindFilter && TypeidFilter && I.Layer.empty())
    I.KindFilter = TypeidFilter;
  I.Scheme = S;
  I.A = A;
  I.B = B;
  I.Gain = Gain;
  // `w.fill_(0)`: the caret goes under the method's name.
  I.Loc = isa<CXXMemberCallExpr>(At) ? irLoc(Ctx, At->getExprLoc()) : loc(At);
  ir::Model &M = model(T.Model);
  for (const ir::Init &X : M.Inits)
    if (X.Loc.Offset == I.Loc.Offset && X.Loc.File == I.Loc.File)
      return;
  M.Inits.push_back(I);
}

void Extractor::initCall(const CallExpr *Call, const std::string &SelfModel,
                         const CXXRecordDecl *SelfClass) {
  const FunctionDecl *FD = Call->getDirectCallee();
  if (!FD || !FD->getDeclName().isIdentifier())
    return;
  StringRef N = FD->getName();
  const auto *MC = dyn_cast<CXXMemberCallExpr>(Call);

  // model->apply(fn)
  if (MC && N == "apply" && Call->getNumArgs() >= 1 && isFrameworkDecl(FD)) {
    const Expr *Obj = strip(MC->getImplicitObjectArgument());
    std::string Model;
    if (isa<CXXThisExpr>(Obj))
      Model = SelfModel;
    else {
      if (const auto *Arrow = dyn_cast<CXXOperatorCallExpr>(Obj))
        if (Arrow->getOperator() == OO_Arrow)
          Obj = Arrow->getArg(0);
      Model = modelNameOfExpr(Obj);
    }
    if (Model.empty())
      return;
    const Expr *Fn = peelCallable(Call->getArg(0));
    if (const auto *L = dyn_cast_or_null<LambdaExpr>(Fn)) {
      const CXXMethodDecl *Op = L->getCallOperator();
      if (Op && Op->getNumParams() >= 1 && Op->hasBody())
        applyFunction(Op->getBody(), Op->getParamDecl(Op->getNumParams() - 1), Model);
    } else if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(Fn)) {
      if (const auto *F = dyn_cast<FunctionDecl>(DRE->getDecl())) {
        const FunctionDecl *Def = nullptr;
        if (F->hasBody(Def) && Def && Def->getNumParams() >= 1)
          applyFunction(Def->getBody(), Def->getParamDecl(Def->getNumParams() - 1), Model);
      }
    }
    return;
  }
  if (!isFrameworkDecl(FD))
    return;

  auto Num = [&](unsigned I) -> std::optional<double> {
    if (I >= Call->getNumArgs() || isa<CXXDefaultArgExpr>(Call->getArg(I)))
      return std::nullopt;
    return Fold.number(Call->getArg(I));
  };
  auto HasArg = [&](unsigned I) {
    return I < Call->getNumArgs() && !isa<CXXDefaultArgExpr>(Call->getArg(I));
  };
  auto NumOr = [&](unsigned I, double Default) -> std::optional<double> {
    if (!HasArg(I))
      return Default;
    return Num(I);
  };

  if (MC) {
    // Tensor methods on a parameter: fill_, zero_, uniform_, normal_.
    if (N != "fill_" && N != "zero_" && N != "uniform_" && N != "normal_")
      return;
    ParamTarget T = paramTarget(MC->getImplicitObjectArgument(), SelfModel);
    if (!T.Valid)
      return;
    if (N == "zero_")
      addInit(T, ir::InitScheme::Zeros, 0.0, std::nullopt, std::nullopt, Call);
    else if (N == "fill_") {
      std::optional<double> V = Num(0);
      if (!V)
        addInit(T, ir::InitScheme::Unknown, std::nullopt, std::nullopt, std::nullopt, Call);
      else
        addInit(T, *V == 0 ? ir::InitScheme::Zeros : ir::InitScheme::Constant, V,
                std::nullopt, std::nullopt, Call);
    } else if (N == "uniform_")
      addInit(T, ir::InitScheme::Uniform, NumOr(0, 0), NumOr(1, 1), std::nullopt, Call);
    else
      addInit(T, ir::InitScheme::Normal, NumOr(0, 0), NumOr(1, 1), std::nullopt, Call);
    return;
  }

  static const std::map<std::string, ir::InitScheme> Schemes = {
      {"uniform_", ir::InitScheme::Uniform},
      {"normal_", ir::InitScheme::Normal},
      {"constant_", ir::InitScheme::Constant},
      {"zeros_", ir::InitScheme::Zeros},
      {"ones_", ir::InitScheme::Ones},
      {"xavier_uniform_", ir::InitScheme::XavierUniform},
      {"xavier_normal_", ir::InitScheme::XavierNormal},
      {"kaiming_uniform_", ir::InitScheme::KaimingUniform},
      {"kaiming_normal_", ir::InitScheme::KaimingNormal},
      {"orthogonal_", ir::InitScheme::Orthogonal},
      {"eye_", ir::InitScheme::Unknown},
      {"dirac_", ir::InitScheme::Unknown},
  };
  auto It = Schemes.find(N.str());
  if (It == Schemes.end() || Call->getNumArgs() < 1)
    return;
  ParamTarget T = paramTarget(Call->getArg(0), SelfModel);
  if (!T.Valid)
    return;
  switch (It->second) {
  case ir::InitScheme::Uniform:
    addInit(T, It->second, NumOr(1, 0), NumOr(2, 1), std::nullopt, Call);
    break;
  case ir::InitScheme::Normal:
    addInit(T, It->second, NumOr(1, 0), NumOr(2, 1), std::nullopt, Call);
    break;
  case ir::InitScheme::Constant: {
    std::optional<double> V = Num(1);
    addInit(T, V ? (*V == 0 ? ir::InitScheme::Zeros : ir::InitScheme::Constant)
                 : ir::InitScheme::Unknown,
            V, std::nullopt, std::nullopt, Call);
    break;
  }
  case ir::InitScheme::Zeros:
    addInit(T, It->second, 0.0, std::nullopt, std::nullopt, Call);
    break;
  case ir::InitScheme::Ones:
    addInit(T, It->second, 1.0, std::nullopt, std::nullopt, Call);
    break;
  case ir::InitScheme::XavierUniform:
  case ir::InitScheme::XavierNormal:
  case ir::InitScheme::Orthogonal:
    addInit(T, It->second, std::nullopt, std::nullopt, NumOr(1, 1), Call);
    break;
  case ir::InitScheme::KaimingUniform:
  case ir::InitScheme::KaimingNormal:
    addInit(T, It->second, std::nullopt, std::nullopt, NumOr(1, 0), Call);
    break;
  default:
    addInit(T, ir::InitScheme::Unknown, std::nullopt, std::nullopt, std::nullopt, Call);
    break;
  }
}

void Extractor::applyFunction(const Stmt *Body, const ParmVarDecl *ModuleParam,
                              const std::string &ModelName) {
  std::string SavedModel = ApplyModel;
  const ParmVarDecl *SavedParam = ApplyParam;
  ApplyModel = ModelName;
  ApplyParam = ModuleParam;
  scanInits(Body, ModelName, nullptr);
  ApplyModel = SavedModel;
  ApplyParam = SavedParam;
}

void Extractor::scanInits(const Stmt *S, const std::string &SelfModel,
                          const CXXRecordDecl *SelfClass) {
  if (!S)
    return;
  struct Visitor : RecursiveASTVisitor<Visitor> {
    Extractor &X;
    const std::string &Self;
    const CXXRecordDecl *SelfClass;
    Visitor(Extractor &X, const std::string &Self, const CXXRecordDecl *C)
        : X(X), Self(Self), SelfClass(C) {}
    bool shouldVisitLambdaBody() const { return false; }
    bool VisitCallExpr(CallExpr *Call) {
      X.initCall(Call, Self, SelfClass);
      return true;
    }
    bool VisitVarDecl(VarDecl *V) {
      // `auto *lin = m.as<Linear>()`: parameters of lin are those of every
      // Linear of the model.
      if (const Expr *Init = V->getInit())
        if (std::optional<LayerKind> K = castKind(Init)) {
          ParamTarget T;
          T.Model = X.ApplyModel.empty() ? Self : X.ApplyModel;
          T.KindFilter = K;
          T.Valid = !T.Model.empty();
          X.BoundTargets[V] = T;
        }
      return true;
    }
    bool TraverseIfStmt(IfStmt *If) {
      std::optional<LayerKind> Saved = X.TypeidFilter;
      std::map<const VarDecl *, ParamTarget> SavedBound = X.BoundTargets;
      struct L : RecursiveASTVisitor<L> {
        std::string S;
        bool VisitStringLiteral(StringLiteral *SL) {
          if (SL->getCharByteWidth() == 1)
            S = SL->getString().str();
          return true;
        }
      } LV;
      if (const Expr *Cond = If->getCond()) {
        // typeid(m) == typeid(torch::nn::LinearImpl)
        struct T : RecursiveASTVisitor<T> {
          std::optional<LayerKind> K;
          bool VisitCXXTypeidExpr(CXXTypeidExpr *E) {
            if (E->isTypeOperand())
              if (auto Kind = kindOfModuleType(
                      E->getTypeOperandSourceInfo()->getType()))
                K = Kind;
            return true;
          }
        } TV;
        TV.TraverseStmt(const_cast<Expr *>(Cond));
        if (TV.K)
          X.TypeidFilter = TV.K;
        // named_parameters: `if (p.key().find("weight") != npos)`.
        LV.TraverseStmt(const_cast<Expr *>(Cond));
        if (!LV.S.empty())
          for (auto &[V, Target] : X.BoundTargets)
            if (Target.Layer.empty() && !Target.KindFilter)
              Target.NameContains = LV.S;
        if (If->getConditionVariable())
          TraverseDecl(If->getConditionVariable());
        TraverseStmt(const_cast<Expr *>(Cond));
      }
      TraverseStmt(If->getThen());
      X.TypeidFilter = Saved;
      X.BoundTargets = SavedBound;
      // An else branch of a name test applies to "everything else": not a
      // statement about one kind of parameter, so it is skipped.
      bool NameTest = false;
      if (If->getElse() && !NameTest) {
        std::map<const VarDecl *, ParamTarget> Before = X.BoundTargets;
        bool HasLoopTarget = false;
        for (auto &[V, Target] : X.BoundTargets)
          if (Target.Layer.empty() && !Target.KindFilter)
            HasLoopTarget = true;
        // The else of `name contains "weight"` is the biases (and the
        // reverse): layers have a weight and a bias.
        std::string Other = LV.S == "weight" ? "bias" : LV.S == "bias" ? "weight" : "";
        if (HasLoopTarget && !Other.empty()) {
          for (auto &[V, Target] : X.BoundTargets)
            if (Target.Layer.empty() && !Target.KindFilter)
              Target.NameContains = Other;
          TraverseStmt(If->getElse());
        } else if (!HasLoopTarget) {
          TraverseStmt(If->getElse());
        }
        X.BoundTargets = Before;
      }
      return true;
    }
    bool TraverseCXXForRangeStmt(CXXForRangeStmt *For) {
      const Expr *Range = strip(For->getRangeInit());
      std::string Model;
      if (const auto *MC = dyn_cast_or_null<CXXMemberCallExpr>(Range)) {
        const CXXMethodDecl *MD = MC->getMethodDecl();
        if (MD && MD->getDeclName().isIdentifier() && isFrameworkDecl(MD)) {
          StringRef N = MD->getName();
          if (N == "parameters" || N == "named_parameters" || N == "modules" ||
              N == "children" || N == "named_modules" || N == "named_children") {
            const Expr *Obj = strip(MC->getImplicitObjectArgument());
            if (isa<CXXThisExpr>(Obj))
              Model = Self;
            else {
              if (const auto *Arrow = dyn_cast<CXXOperatorCallExpr>(Obj))
                if (Arrow->getOperator() == OO_Arrow)
                  Obj = Arrow->getArg(0);
              Model = modelNameOfExpr(Obj);
            }
            if (!Model.empty()) {
              ParamTarget T;
              T.Model = Model;
              T.Role = ir::ParamRole::Any;
              T.Valid = true;
              X.BoundTargets[For->getLoopVariable()] = T;
              std::string Saved = X.ApplyModel;
              if (N.contains("modules") || N.contains("children"))
                X.ApplyModel = Model;
              TraverseStmt(For->getBody());
              X.ApplyModel = Saved;
              X.BoundTargets.erase(For->getLoopVariable());
              return true;
            }
          }
        }
      }
      return RecursiveASTVisitor<Visitor>::TraverseCXXForRangeStmt(For);
    }
  } V(*this, SelfModel, SelfClass);
  V.TraverseStmt(const_cast<Stmt *>(S));
}

} // namespace gradlint::lint::models
