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
#include "llvm/ADT/STLFunctionalExtras.h"

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
  if (std::optional<Layer> L = layerFromExpr(Value)) {
    L->Name = F->getNameAsString();
    MemberLayers[F] = *L;
    if (Mem && Mem->Kind == LayerKind::Unknown)
      Mem->Kind = L->Kind;
  }
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
          if (F->getParent() == RD)
            X.noteAssignment(F, RHS, M);
    }
    bool VisitCallExpr(CallExpr *Call) {
      std::string N = calleeName(Call);
      if (N == "register_module" || N == "register_parameter" ||
          N == "register_buffer")
        X.registerCall(Call, M);
      return true;
    }
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
      if (!MD || !MD->getDeclName().isIdentifier() || MD->getName() != "push_back")
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
