//===- lint/extract/Modules.cpp - Module classes and registration ---------===//
//
// A user module class: its module and tensor members, how each is built
// (initializer lists, assignments, in-class initializers) and registered,
// Sequential members filled in the constructor, and the order the other
// readers (forward chain, initialisation) run in.
//
//===----------------------------------------------------------------------===//

#include "lint/extract/ModelExtractorInternal.h"

#include <algorithm>

#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/STLFunctionalExtras.h"

#include <set>

using namespace clang;

namespace gradlint::lint::models {

ir::Member *Extractor::member(ir::Model &M, const std::string &Name) {
  for (ir::Member &X : M.Members)
    if (X.Name == Name)
      return &X;
  return nullptr;
}

void Extractor::registerCall(const CallExpr *Call, ir::Model &M) {
  // register_module("fc", fc) / register_parameter("w", w): the second
  // argument names the member, or the call's result is assigned to it (see
  // noteAssignment).
  if (Call->getNumArgs() < 2)
    return;
  if (const ValueDecl *D = referencedDecl(Call->getArg(1)))
    if (const auto *F = dyn_cast<FieldDecl>(D))
      if (ir::Member *Mem = member(M, F->getNameAsString()))
        Mem->Registered = true;
}

std::optional<Layer> Extractor::layerOfClassInside(const Expr *E,
                                                  const CXXRecordDecl *Class) {
  if (!E || !Class)
    return std::nullopt;
  for (const Stmt *Child : E->children()) {
    const auto *CE = dyn_cast_or_null<Expr>(Child);
    if (!CE)
      continue;
    if (!touchedByError(CE) && moduleClassOf(CE->getType()) == Class)
      if (std::optional<Layer> L = layerFromExpr(CE))
        return L;
    if (std::optional<Layer> L = layerOfClassInside(CE, Class))
      return L;
  }
  return std::nullopt;
}

void Extractor::noteAssignment(const FieldDecl *F, const Expr *Value,
                               ir::Model &M) {
  ir::Member *Mem = member(M, F->getNameAsString());
  // The registration may sit under conversions of the returned holder.
  const Expr *V = Value;
  for (unsigned Depth = 0; V && Depth < 6; ++Depth) {
    V = strip(V);
    if (const auto *Call = dyn_cast_or_null<CallExpr>(V)) {
      std::string N = calleeName(Call);
      if ((N == "register_module" || N == "register_parameter" ||
           N == "register_buffer") &&
          Mem)
        Mem->Registered = true;
      break;
    }
    // `auto Raw = register_module(...); fc = Linear(Raw);`: follow the
    // local. A module from a variable we cannot follow may well be
    // registered: say so, rather than report it unregistered.
    if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(V)) {
      const auto *Var = dyn_cast<VarDecl>(DRE->getDecl());
      if (Var && Var->getInit() && Var->isLocalVarDecl()) {
        V = Var->getInit();
        continue;
      }
      if (Mem)
        Mem->Registered = true;
      break;
    }
    const auto *CE = dyn_cast_or_null<CXXConstructExpr>(V);
    if (!CE || CE->getNumArgs() != 1)
      break;
    V = CE->getArg(0);
  }
  std::optional<Layer> L = layerFromExpr(Value);
  // A member Sequential whose braces hold an element that did not resolve.
  if ((!L || L->Kind != LayerKind::Sequential) && isSequentialType(F->getType()))
    if (std::optional<Layer> R = unresolvedSequential(Value))
      L = R;
  // A registration that did not resolve (in a class Clang could not
  // complete, every register_module call fails): the layer built inside it
  // is still the member's when it is of the member's own module class.
  if (!L && touchedByError(Value))
    L = layerOfClassInside(Value, moduleClassOf(F->getType()));
  if (L) {
    L->Name = F->getNameAsString();
    MemberLayers[F] = *L;
    if (Mem && Mem->Kind == LayerKind::Unknown)
      Mem->Kind = L->Kind;
  }
}

/// ModuleList, ModuleDict or Sequential: a container that registers what
/// it holds.
static bool isContainerType(QualType T) {
  const CXXRecordDecl *RD = moduleClassOf(T);
  if (!RD || !isFrameworkDecl(RD))
    return false;
  std::string N = frameworkModuleName(RD);
  return N == "ModuleList" || N == "ModuleDict" || N == "Sequential";
}

void Extractor::readConstructor(const CXXConstructorDecl *Ctor, ir::Model &M,
                                const CXXRecordDecl *RD) {
  for (const CXXCtorInitializer *I : Ctor->inits()) {
    if (!I->isWritten())
      continue;
    if (const FieldDecl *F = I->getMember())
      noteAssignment(F, I->getInit(), M);
  }
  if (!Ctor->hasBody())
    return;
  // Statements in order: assignments to members, registrations, push_back
  // on a Sequential base.
  std::vector<const Stmt *> Work{Ctor->getBody()};
  struct Visitor : RecursiveASTVisitor<Visitor> {
    Extractor &X;
    ir::Model &M;
    const CXXRecordDecl *RD;
    Visitor(Extractor &X, ir::Model &M, const CXXRecordDecl *RD)
        : X(X), M(M), RD(RD) {}
    bool VisitBinaryOperator(BinaryOperator *BO) {
      if (BO->getOpcode() == BO_Assign)
        assign(BO->getLHS(), BO->getRHS());
      return true;
    }
    bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *OC) {
      if (OC->getOperator() == OO_Equal && OC->getNumArgs() == 2)
        assign(OC->getArg(0), OC->getArg(1));
      return true;
    }
    void assign(const Expr *LHS, const Expr *RHS) {
      if (const auto *ME = dyn_cast<MemberExpr>(strip(LHS)))
        if (const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl()))
          if (F->getParent() == RD) {
            X.noteAssignment(F, RHS, M);
            if (const VarDecl *Local = localVar(RHS))
              FieldsOfLocal[Local].push_back(F);
          }
    }
    bool VisitCallExpr(CallExpr *Call) {
      std::string N = calleeName(Call);
      if (N == "register_module" || N == "register_parameter" ||
          N == "register_buffer") {
        X.registerCall(Call, M);
        if (Call->getNumArgs() >= 2)
          if (const VarDecl *Local = localVar(Call->getArg(1)))
            RegisteredLocals.push_back(Local);
      }
      return true;
    }
    static const VarDecl *localVar(const Expr *E) {
      if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(strip(E)))
        if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl()))
          if (V->isLocalVarDecl())
            return V;
      return nullptr;
    }
    // `layers->push_back(fc)`, `heads->insert("policy", fc)` on a
    // ModuleList, ModuleDict or Sequential member: what goes in is
    // registered with the container, and a container holding layers with
    // parameters has parameters.
    void intoContainer(const CXXMemberCallExpr *MC) {
      if (MC->getNumArgs() == 0)
        return;
      const Expr *Obj = strip(MC->getImplicitObjectArgument());
      if (const auto *Arrow = dyn_cast<CXXOperatorCallExpr>(Obj))
        if (Arrow->getOperator() == OO_Arrow)
          Obj = strip(Arrow->getArg(0));
      const auto *ME = dyn_cast<MemberExpr>(Obj);
      const auto *Container =
          ME ? dyn_cast<FieldDecl>(ME->getMemberDecl()) : nullptr;
      if (!Container || Container->getParent() != RD ||
          !isContainerType(Container->getType()))
        return;
      const Expr *Module = MC->getArg(MC->getNumArgs() - 1);
      if (const auto *In = dyn_cast_or_null<FieldDecl>(referencedDecl(Module)))
        Contained[Container].push_back(In);
      std::optional<Layer> L = X.layerFromExpr(Module);
      if (!L)
        if (const auto *In = dyn_cast_or_null<FieldDecl>(referencedDecl(Module)))
          if (const ir::Member *Mem = X.member(M, In->getNameAsString()))
            if (Mem->Kind != LayerKind::Unknown) {
              L = Layer();
              L->Kind = Mem->Kind;
            }
      if (L && L->Kind != LayerKind::Unknown && ir::hasParameters(L->Kind))
        HoldsParameters.insert(Container);
    }
    std::map<const FieldDecl *, std::vector<const FieldDecl *>> Contained;
    std::set<const FieldDecl *> HoldsParameters;
    // `this->shortcut = shortcut; register_module("shortcut", shortcut)`:
    // a local (often shadowing the member) assigned to a member and
    // registered, in either order. Both hold the same module.
    std::map<const VarDecl *, std::vector<const FieldDecl *>> FieldsOfLocal;
    std::vector<const VarDecl *> RegisteredLocals;
    // `for (int i = 0; i < 3; ++i) seq->push_back(...)`: unrolled.
    bool TraverseForStmt(ForStmt *For) {
      if (auto Counted = countedLoop(For, X.Fold)) {
        auto [V, Range] = *Counted;
        int64_t Trips = std::max<int64_t>(Range.second - Range.first, 1);
        if (X.mayUnroll(Trips)) {
          X.Unrolled *= Trips;
          for (int64_t I = Range.first; I < Range.second; ++I) {
            X.Fold.bind(V, static_cast<double>(I));
            TraverseStmt(For->getBody());
          }
          X.Unrolled /= Trips;
          X.Fold.unbind(V);
          return true;
        }
      }
      return uncounted(For, [&] {
        return RecursiveASTVisitor<Visitor>::TraverseForStmt(For);
      });
    }
    bool TraverseWhileStmt(WhileStmt *S) {
      return uncounted(S, [&] {
        return RecursiveASTVisitor<Visitor>::TraverseWhileStmt(S);
      });
    }
    bool TraverseDoStmt(DoStmt *S) {
      return uncounted(S, [&] {
        return RecursiveASTVisitor<Visitor>::TraverseDoStmt(S);
      });
    }
    bool TraverseCXXForRangeStmt(CXXForRangeStmt *S) {
      return uncounted(S, [&] {
        return RecursiveASTVisitor<Visitor>::TraverseCXXForRangeStmt(S);
      });
    }
    // A loop run an unknown number of times (perhaps never): whatever it
    // pushes is one unknown step.
    bool uncounted(const Stmt *Loop, llvm::function_ref<bool()> Traverse) {
      size_t Own = M.Chain.size();
      std::map<const FieldDecl *, size_t> Members;
      for (auto &[F, L] : X.MemberLayers)
        Members[F] = L.Kind == LayerKind::Sequential ? L.Children.size() : 0;
      bool R = Traverse();
      auto Collapse = [&](std::vector<Layer> &Chain, size_t Before) {
        if (Chain.size() <= Before)
          return;
        Chain.resize(Before);
        Layer U;
        U.Loc = irLoc(X.Ctx, Loop->getBeginLoc());
        Chain.push_back(U);
      };
      if (M.IsSequential)
        Collapse(M.Chain, Own);
      for (auto &[F, L] : X.MemberLayers)
        if (L.Kind == LayerKind::Sequential) {
          auto It = Members.find(F);
          Collapse(L.Children, It == Members.end() ? 0 : It->second);
        }
      return R;
    }
    bool VisitCXXMemberCallExpr(CXXMemberCallExpr *MC) {
      const CXXMethodDecl *MD = MC->getMethodDecl();
      if (!MD || !MD->getDeclName().isIdentifier())
        return true;
      if (MD->getName() == "push_back" || MD->getName() == "insert")
        intoContainer(MC);
      if (MD->getName() != "push_back")
        return true;
      const Expr *Obj = strip(MC->getImplicitObjectArgument());
      if (isa<CXXThisExpr>(Obj) && M.IsSequential) {
        X.pushBack(MC, M.Chain);
        M.ChainKnown = true;
        return true;
      }
      // `seq->push_back(...)` on a Sequential member.
      if (const auto *Arrow = dyn_cast<CXXOperatorCallExpr>(Obj))
        if (Arrow->getOperator() == OO_Arrow)
          Obj = strip(Arrow->getArg(0));
      if (const auto *ME = dyn_cast<MemberExpr>(Obj))
        if (const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl())) {
          // Only a Sequential member is a chain (not a std::vector).
          if (F->getParent() != RD || !isSequentialType(F->getType()))
            return true;
          auto It = X.MemberLayers.find(F);
          if (It == X.MemberLayers.end()) {
            Layer S;
            S.Kind = LayerKind::Sequential;
            S.Name = F->getNameAsString();
            S.Loc = X.loc(ME);
            It = X.MemberLayers.emplace(F, S).first;
          }
          X.pushBack(MC, It->second.Children);
        }
      return true;
    }
  } V(*this, M, RD);
  V.TraverseStmt(const_cast<Stmt *>(Ctor->getBody()));
  for (const VarDecl *Local : V.RegisteredLocals) {
    auto It = V.FieldsOfLocal.find(Local);
    if (It == V.FieldsOfLocal.end())
      continue;
    for (const FieldDecl *F : It->second)
      if (ir::Member *Mem = member(M, F->getNameAsString()))
        Mem->Registered = true;
  }
  for (const FieldDecl *F : V.HoldsParameters)
    if (ir::Member *Mem = member(M, F->getNameAsString()))
      if (Mem->Kind == LayerKind::Unknown)
        Mem->Kind = LayerKind::Sequential;
  for (const auto &[Container, Held] : V.Contained) {
    const ir::Member *C = member(M, Container->getNameAsString());
    if (!C || !C->Registered)
      continue;
    for (const FieldDecl *F : Held)
      if (ir::Member *Mem = member(M, F->getNameAsString()))
        Mem->Registered = true;
  }
}

/// Tensor members that hold values computed at run time: assigned in
/// forward(), or in another method from that method's arguments
/// (`this->mean_keep = encoder->forward(x)`, kept for a later loss term).
/// Computed from the input, such a tensor is not a weight.
static std::vector<const FieldDecl *> cachedTensors(const CXXRecordDecl *RD) {
  struct Visitor : RecursiveASTVisitor<Visitor> {
    const CXXRecordDecl *RD;
    const CXXMethodDecl *Method;
    bool IsForward;
    std::vector<const FieldDecl *> Out;
    bool VisitBinaryOperator(BinaryOperator *BO) {
      if (BO->getOpcode() == BO_Assign)
        assign(BO->getLHS(), BO->getRHS());
      return true;
    }
    bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *OC) {
      if (OC->getOperator() == OO_Equal && OC->getNumArgs() == 2)
        assign(OC->getArg(0), OC->getArg(1));
      return true;
    }
    void assign(const Expr *LHS, const Expr *RHS) {
      const auto *ME = dyn_cast<MemberExpr>(strip(LHS));
      if (!ME)
        return;
      const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl());
      if (!F || F->getParent() != RD || !isTensorType(F->getType()))
        return;
      if (IsForward || usesParameter(RHS))
        Out.push_back(F);
    }
    bool usesParameter(const Expr *E) {
      struct Uses : RecursiveASTVisitor<Uses> {
        const CXXMethodDecl *Method;
        bool Found = false;
        bool VisitDeclRefExpr(DeclRefExpr *DRE) {
          if (const auto *P = dyn_cast<ParmVarDecl>(DRE->getDecl()))
            if (P->getDeclContext() == Method)
              Found = true;
          return !Found;
        }
      } U;
      U.Method = Method;
      U.TraverseStmt(const_cast<Expr *>(E));
      return U.Found;
    }
  } V;
  V.RD = RD;
  for (const CXXMethodDecl *MD : RD->methods()) {
    const FunctionDecl *Def = nullptr;
    if (isa<CXXConstructorDecl>(MD) || !MD->hasBody(Def) || !Def)
      continue;
    V.Method = cast<CXXMethodDecl>(Def);
    V.IsForward = MD->getDeclName().isIdentifier() && MD->getName() == "forward";
    V.TraverseStmt(Def->getBody());
  }
  return V.Out;
}

void Extractor::dropCachedTensors(const CXXRecordDecl *RD, ir::Model &M) {
  for (const FieldDecl *F : cachedTensors(RD)) {
    std::string Name = F->getNameAsString();
    llvm::erase_if(M.Members, [&](const ir::Member &Mem) {
      return Mem.Name == Name && Mem.IsTensor && !Mem.Registered;
    });
  }
}

void Extractor::extractClass(const CXXRecordDecl *RD) {
  ir::Model &M = model(modelNameOf(RD));
  M.Loc = irLoc(Ctx, RD->getLocation());
  MemberLayers.clear();
  for (const CXXBaseSpecifier &B : RD->bases())
    if (const CXXRecordDecl *BR = B.getType()->getAsCXXRecordDecl())
      if (isFrameworkDecl(BR) && BR->getName() == "SequentialImpl")
        M.IsSequential = true;

  for (const FieldDecl *F : RD->fields()) {
    // A member whose type did not resolve (`cv::Mat frame;` without
    // OpenCV) is not known to be a module: not a member to judge.
    if (touchedByError(F))
      continue;
    ir::Member Mem;
    Mem.Name = F->getNameAsString();
    Mem.Loc = irLoc(Ctx, F->getLocation());
    if (const CXXRecordDecl *MRD = moduleClassOf(F->getType())) {
      std::string N = isUserModuleClass(MRD) ? "" : frameworkModuleName(MRD);
      if (std::optional<LayerKind> K = layerKindOfModule(N))
        Mem.Kind = *K;
      else if (activationOfModule(N))
        Mem.Kind = LayerKind::Activation;
      else if (N == "Functional")
        Mem.Kind = LayerKind::Activation;
    } else if (isTensorType(F->getType())) {
      Mem.IsTensor = true;
    } else {
      continue;
    }
    if (!member(M, Mem.Name))
      M.Members.push_back(Mem);
    if (const Expr *Init = F->getInClassInitializer())
      noteAssignment(F, Init, M);
  }

  std::vector<const CXXConstructorDecl *> Ctors;
  for (const CXXConstructorDecl *Ctor : RD->ctors()) {
    const FunctionDecl *Def = nullptr;
    if (Ctor->isUserProvided() && Ctor->hasBody(Def) && Def)
      Ctors.push_back(cast<CXXConstructorDecl>(Def));
  }
  for (const CXXConstructorDecl *Ctor : Ctors) {
    readConstructor(Ctor, M, RD);
    M.ConstructorKnown = true;
  }

  // Members that are modules hold themselves; a member module that is a
  // Sequential or activation with no constructor call still has its kind.
  const CXXMethodDecl *Forward = nullptr;
  for (const CXXMethodDecl *MD : RD->methods())
    if (MD->getDeclName().isIdentifier() && MD->getName() == "forward") {
      const FunctionDecl *Def = nullptr;
      if (MD->hasBody(Def) && Def)
        Forward = cast<CXXMethodDecl>(Def);
    }
  if (Forward)
    readForward(Forward, M, RD);
  dropCachedTensors(RD, M);

  // Initialisation in constructors and other methods (reset_parameters).
  for (const CXXConstructorDecl *Ctor : Ctors)
    scanInits(Ctor->getBody(), M.Name, RD);
  for (const CXXMethodDecl *MD : RD->methods()) {
    const FunctionDecl *Def = nullptr;
    if (isa<CXXConstructorDecl>(MD) || !MD->hasBody(Def) || !Def ||
        Def == Forward)
      continue;
    scanInits(Def->getBody(), M.Name, RD);
  }
}

} // namespace gradlint::lint::models
