//===- lint/extract/Sequentials.cpp - Sequentials built in functions ------===//
//
// Sequentials held by variables in functions: built by their constructor,
// filled with push_back (loops unrolled when their bounds are known), and
// returned by factories (the model is then named after the factory).
//
//===----------------------------------------------------------------------===//

#include "lint/extract/ModelExtractorInternal.h"

#include "clang/AST/RecursiveASTVisitor.h"

#include <algorithm>

using namespace clang;

namespace gradlint::lint::models {

void Extractor::noteLocalLayers(const Expr *E, ir::Model *M) {
  struct Refs : RecursiveASTVisitor<Refs> {
    Extractor &X;
    ir::Model *M;
    Refs(Extractor &X, ir::Model *M) : X(X), M(M) {}
    bool VisitDeclRefExpr(DeclRefExpr *D) {
      if (const VarDecl *V = localModuleVar(D))
        X.LocalLayers[V] = M;
      return true;
    }
  } R(*this, M);
  R.TraverseStmt(const_cast<Expr *>(E));
}

std::optional<Layer> Extractor::unresolvedSequential(const Expr *Init) {
  // `Sequential seq(a, Unknown(), b)`, `seq{...}` or a member's `body{...}`
  // that did not resolve: Clang keeps the elements, in order, in a
  // ParenListExpr or an untyped InitListExpr; each keeps its place
  // (layerFromExpr), the unknown one an unknown step.
  if (!Init || !touchedByError(Init))
    return std::nullopt;
  std::vector<const Expr *> Args;
  const Expr *Raw = Init->IgnoreImplicit();
  if (const auto *PL = dyn_cast<ParenListExpr>(Raw))
    for (unsigned I = 0; I < PL->getNumExprs(); ++I)
      Args.push_back(PL->getExpr(I));
  else if (isa<InitListExpr>(Raw))
    Args.push_back(Raw);
  if (Args.empty())
    return std::nullopt;
  Layer L = frameworkLayer("Sequential", Init, Args, 0);
  if (L.Children.empty())
    return std::nullopt;
  return L;
}

void Extractor::pushBack(const CXXMemberCallExpr *Call,
                         std::vector<Layer> &Chain) {
  if (Call->getNumArgs() == 0)
    return;
  const Expr *Module = Call->getArg(Call->getNumArgs() - 1);
  std::optional<Layer> L = layerFromExpr(Module);
  Layer X = L ? *L : Layer();
  if (!L)
    X.Loc = loc(Module);
  else if (const VarDecl *V = localModuleVar(Module))
    X.Name = V->getNameAsString(); // as in sequentialChildren
  if (Call->getNumArgs() == 2)
    if (std::optional<std::string> Name = Fold.string(Call->getArg(0)))
      X.Name = *Name;
  Chain.push_back(X);
}

void Extractor::walkFunctionBody(const Stmt *S, const FunctionDecl *FD,
                                 std::map<const VarDecl *, ir::Model *> &Seqs) {
  if (!S)
    return;
  if (const auto *DS = dyn_cast<DeclStmt>(S)) {
    for (const Decl *D : DS->decls()) {
      const auto *V = dyn_cast<VarDecl>(D);
      if (!V || !isSequentialType(V->getType()) ||
          V->getType()->isReferenceType())
        continue;
      std::string Name = sequentialModelName(V);
      const Expr *Init = V->getInit();
      // Initialised from a factory: that factory's model, not a new one.
      if (Init)
        if (const auto *Call = dyn_cast_or_null<CallExpr>(strip(Init)))
          if (const FunctionDecl *F = Call->getDirectCallee())
            if (!isFrameworkDecl(F))
              continue;
      ir::Model &M = model(Name);
      M.IsSequential = true;
      M.Loc = irLoc(Ctx, V->getLocation());
      M.ChainKnown = true;
      M.Chain.clear();
      if (Init)
        if (std::optional<Layer> L = layerFromExpr(Init))
          if (L->Kind == LayerKind::Sequential)
            M.Chain = L->Children;
      if (M.Chain.empty() && Init)
        if (std::optional<Layer> R = unresolvedSequential(Init))
          M.Chain = R->Children;
      // A construction that did not resolve is not an empty Sequential:
      // what it holds is one unknown step.
      if (M.Chain.empty() &&
          (touchedByError(V) || (Init && touchedByError(Init)))) {
        Layer U;
        U.Loc = loc(Init);
        M.Chain.push_back(U);
      }
      if (Init)
        noteLocalLayers(Init, &M);
      Seqs[V] = &M;
    }
    return;
  }
  if (const auto *For = dyn_cast<ForStmt>(S)) {
    if (auto Counted = countedLoop(For, Fold)) {
      auto [V, Range] = *Counted;
      int64_t Trips = std::max<int64_t>(Range.second - Range.first, 1);
      if (mayUnroll(Trips)) {
        Unrolled *= Trips;
        for (int64_t I = Range.first; I < Range.second; ++I) {
          Fold.bind(V, static_cast<double>(I));
          walkFunctionBody(For->getBody(), FD, Seqs);
        }
        Unrolled /= Trips;
        Fold.unbind(V);
        return;
      }
    }
  }
  if (isa<ForStmt>(S) || isa<WhileStmt>(S) || isa<DoStmt>(S) ||
      isa<CXXForRangeStmt>(S)) {
    // Pushed an unknown number of times: the chain is not known.
    std::map<const VarDecl *, size_t> Before;
    for (auto &[V, M] : Seqs)
      Before[V] = M->Chain.size();
    for (const Stmt *C : S->children())
      walkFunctionBody(C, FD, Seqs);
    // What the loop pushed may be there any number of times, perhaps never:
    // one unknown step stands for it.
    for (auto &[V, M] : Seqs) {
      auto B = Before.find(V);
      size_t Was = B == Before.end() ? 0 : B->second;
      if (M->Chain.size() > Was) {
        M->Chain.resize(Was);
        Layer U;
        U.Loc = irLoc(Ctx, S->getBeginLoc());
        M->Chain.push_back(U);
      }
    }
    return;
  }
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(S)) {
    const CXXMethodDecl *MD = MC->getMethodDecl();
    if (MD && MD->getDeclName().isIdentifier() && MD->getName() == "push_back") {
      const ValueDecl *D = referencedDecl(MC->getImplicitObjectArgument());
      if (const auto *V = dyn_cast_or_null<VarDecl>(D)) {
        auto It = Seqs.find(V);
        if (It != Seqs.end()) {
          pushBack(MC, It->second->Chain);
          noteLocalLayers(MC->getArg(MC->getNumArgs() - 1), It->second);
          return;
        }
      }
    }
  }
  if (const auto *R = dyn_cast<ReturnStmt>(S)) {
    // A factory: the returned Sequential is named after the function.
    if (const Expr *Ret = R->getRetValue()) {
      if (const auto *V = dyn_cast_or_null<VarDecl>(referencedDecl(Ret))) {
        auto It = Seqs.find(V);
        if (It != Seqs.end() && !isa<CXXMethodDecl>(FD)) {
          It->second->Name = FD->getQualifiedNameAsString();
          return;
        }
      }
      if (!isa<CXXMethodDecl>(FD) && isSequentialType(Ret->getType()))
        if (std::optional<Layer> L = layerFromExpr(Ret))
          if (L->Kind == LayerKind::Sequential) {
            ir::Model &M = model(FD->getQualifiedNameAsString());
            M.IsSequential = true;
            M.Loc = loc(Ret);
            M.Chain = L->Children;
            M.ChainKnown = true;
            noteLocalLayers(Ret, &M);
          }
    }
    return;
  }
  for (const Stmt *C : S->children())
    walkFunctionBody(C, FD, Seqs);
}

void Extractor::extractFunction(const FunctionDecl *FD) {
  std::map<const VarDecl *, ir::Model *> Seqs;
  // Model pointers stay valid: walkFunctionBody only adds models before it
  // takes their address in this function... guard by re-finding names.
  walkFunctionBody(FD->getBody(), FD, Seqs);
  scanInits(FD->getBody(), "", nullptr);
}

} // namespace gradlint::lint::models
