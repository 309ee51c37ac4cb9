//===- lint/extract/TrainingExtractor.cpp - Optimizers, steps, data -------===//
//
// Two passes over the user's code. The first finds every optimizer
// construction and the rates set on it later (Optimizers.cpp). The second
// walks each function that calls backward() or an optimizer's step() (or
// computes a loss on an activation applied at the call, a loss helper) in
// source order and records what it does as a tree of loops, branches and
// calls (TrainingSteps.cpp).
//
//===----------------------------------------------------------------------===//

#include "lint/extract/TrainingExtractor.h"

#include "lint/extract/Extract.h"
#include "lint/extract/Instances.h"
#include "lint/extract/Optimizers.h"
#include "lint/extract/Torch.h"
#include "lint/extract/TrainingBindings.h"
#include "lint/extract/TrainingCalls.h"
#include "lint/extract/TrainingData.h"
#include "lint/extract/TrainingSteps.h"

#include "clang/AST/ParentMapContext.h"

#include <set>

using namespace clang;

namespace gradlint::lint {

using namespace train;

namespace {

/// Input normalised by the model itself: a batch norm first in its chain.
void markModelNormalized(const ir::Program &Prog,
                         std::vector<ir::StepNode> &Nodes) {
  for (ir::StepNode &N : Nodes) {
    markModelNormalized(Prog, N.Children);
    if (N.Kind != ir::StepNode::Event || N.Ev.Op != ir::StepOp::Forward ||
        !N.Ev.Input)
      continue;
    const ir::Model *M = Prog.findModel(N.Ev.ModelName);
    if (!M || !M->ChainKnown)
      continue;
    std::vector<ir::Layer> Flat = ir::flatten(M->Chain);
    if (!Flat.empty() && ir::isNormalization(Flat.front().Kind)) {
      N.Ev.Input->Normalized = true;
      N.Ev.Input->Blocks.clear();
    }
  }
}

} // namespace

void extractTraining(ASTContext &Ctx, Folder &Fold, ir::Program &Prog) {
  ModelInstances Instances(Ctx);
  Instances.collect();
  Instances.addModels(Prog);
  OptimizerFinder Opts(Ctx, Fold, Prog, Instances);
  forEachUserDecl(Ctx, [&](Decl *D) { Opts.TraverseDecl(D); });
  Opts.finish();

  FunctionCollector Fns(Ctx);
  forEachUserDecl(Ctx, [&](Decl *D) { Fns.TraverseDecl(D); });
  AssignmentIndex Assigns(Ctx);
  for (const FunctionDecl *FD : Fns.Functions)
    Assigns.addFunction(FD->getBody());

  Bindings Binds(Ctx, Opts, Instances);
  Binds.collect();

  std::set<const LambdaExpr *> Closures;
  auto build = [&](const Stmt *Body, std::string Name, SourceLocation Loc) {
    StepWalker W(Ctx, Fold, Opts, Assigns, Binds, Closures);
    ir::TrainingFunction T;
    T.Name = std::move(Name);
    T.Loc = irLoc(Ctx, Loc);
    W.walk(Body, T.Body);
    if (!W.trains() && !W.judgesLoss())
      return;
    markModelNormalized(Prog, T.Body);
    Prog.Trainings.push_back(std::move(T));
  };
  for (const FunctionDecl *FD : Fns.Functions) {
    if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
      if (MD->getParent()->isLambda())
        continue;
    build(FD->getBody(), FD->getQualifiedNameAsString(), FD->getLocation());
  }
  // Lambdas that train on their own (not closures handed to step()):
  // named after the function that defines them.
  for (const LambdaExpr *L : Fns.Lambdas) {
    if (Closures.count(L))
      continue;
    Context C = contextOf(Ctx, DynTypedNode::create(*L));
    std::string Name = C.Function ? C.Function->getQualifiedNameAsString() : "";
    build(L->getBody(), Name + "::(lambda)", L->getBeginLoc());
  }
}

} // namespace gradlint::lint
