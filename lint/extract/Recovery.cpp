//===- lint/extract/Recovery.cpp - What an error touches is unknown -------===//

#include "lint/extract/Recovery.h"

#include "lint/extract/Extract.h"
#include "lint/extract/Torch.h"

#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

#include <set>

namespace gradlint::lint {

using namespace clang;

namespace {

/// The operations of a training step that an unreadable expression may
/// stand for, found by name in its text: the AST of a call on an object of
/// unknown type may keep neither the callee nor the member name.
const char *const StepOps[] = {"step",  "zero_grad", "backward",
                               "train", "eval",      "set_enabled"};

bool isStepOp(StringRef Name) {
  return llvm::any_of(StepOps, [&](const char *Op) { return Name == Op; });
}

/// Adds to \p Ops the step operations named in the code (not the comments)
/// from the token at \p Begin to the token at \p End, both in one file; with
/// \p Between, only the tokens strictly between those two.
void opsIn(ASTContext &Ctx, SourceLocation Begin, SourceLocation End,
           std::set<std::string> &Ops, bool Between = false) {
  const SourceManager &SM = Ctx.getSourceManager();
  Begin = SM.getExpansionLoc(Begin);
  End = SM.getExpansionRange(End).getEnd();
  if (Begin.isInvalid() || End.isInvalid())
    return;
  auto [File, From] = SM.getDecomposedLoc(Begin);
  auto [EndFile, To] = SM.getDecomposedLoc(End);
  if (File != EndFile || From >= To)
    return;
  StringRef Buf = SM.getBufferData(File);
  Lexer Lex(SM.getLocForStartOfFile(File), Ctx.getLangOpts(), Buf.begin(),
            Buf.begin() + From, Buf.end());
  Token T;
  for (bool First = true;; First = false) {
    Lex.LexFromRawLexer(T);
    unsigned At = SM.getFileOffset(T.getLocation());
    if (T.is(tok::eof) || At > To || (Between && At == To))
      return;
    if (Between && First)
      continue;
    if (T.is(tok::raw_identifier) && isStepOp(T.getRawIdentifier()))
      Ops.insert(T.getRawIdentifier().str());
  }
}

/// Whether an error touches anything in \p Body: an expression or a
/// declared variable.
bool bodyTouched(const Stmt *Body) {
  struct Any : RecursiveASTVisitor<Any> {
    bool Touched = false;
    bool VisitExpr(Expr *E) {
      Touched |= touchedByError(E);
      return !Touched;
    }
    bool VisitVarDecl(VarDecl *V) {
      Touched |= touchedByError(V);
      return !Touched;
    }
  } A;
  A.TraverseStmt(const_cast<Stmt *>(Body));
  return A.Touched;
}

bool holdsModelOrOptimizer(QualType T) {
  if (T.isNull())
    return false;
  if (moduleClassOf(T))
    return true;
  T = T.getNonReferenceType();
  if (const auto *RD = T->getAsCXXRecordDecl()) {
    if (!RD->hasDefinition())
      return false;
    const CXXRecordDecl *Def = RD->getDefinition();
    if (Def->getName().ends_with("Optimizer") && isFrameworkDecl(Def))
      return true;
    bool Derived = false;
    Def->forallBases([&](const CXXRecordDecl *B) {
      Derived |= B->getName() == "Optimizer" && isFrameworkDecl(B);
      return true;
    });
    return Derived;
  }
  return false;
}

/// Whether unreadable code in a body is handed a model or an optimizer: a
/// maximal error-touched expression that names one, or the initialiser of a
/// variable whose type did not resolve (`project::Optimizer opt(net)`).
/// Such code may do anything with it. A call whose callee resolved is not
/// unreadable code: `model->forward(batch.data)` with an unknown argument
/// runs the model's own forward(), so only its arguments are looked into.
///
/// It also lists the step operations unread code may perform, in Ops: the
/// ones named in the text of that code, and in the gaps between the
/// statements the AST kept (Clang drops some statements whole: a call on a
/// variable whose type did not resolve may leave nothing), since the AST
/// cannot say what they are. Code that was read is not listed: its
/// operations are in the IR.
class UnreadCodeFinder : public RecursiveASTVisitor<UnreadCodeFinder> {
public:
  explicit UnreadCodeFinder(ASTContext &Ctx) : Ctx(Ctx) {}

  bool TraverseStmt(Stmt *S) {
    const auto *E = dyn_cast_or_null<Expr>(S);
    if (E && touchedByError(E)) {
      handOff(E);
      return true; // the maximal one
    }
    return RecursiveASTVisitor::TraverseStmt(S);
  }

  bool VisitCompoundStmt(CompoundStmt *CS) {
    SourceLocation Prev = CS->getLBracLoc();
    for (const Stmt *Child : CS->body()) {
      opsIn(Ctx, Prev, Child->getBeginLoc(), Ops, /*Between=*/true);
      Prev = Child->getEndLoc();
    }
    opsIn(Ctx, Prev, CS->getRBracLoc(), Ops, /*Between=*/true);
    return true;
  }

  bool VisitVarDecl(VarDecl *V) {
    // `auto out = <error>` is unknown for its initialiser's sake, which
    // TraverseStmt reads; a type that did not resolve is unreadable code
    // handed whatever initialises it.
    if (touchedByError(V) && V->hasInit() &&
        !V->getType()->getContainedAutoType())
      note(V->getInit());
    return true;
  }

  // Lambdas are training functions of their own.
  bool TraverseLambdaExpr(LambdaExpr *) { return true; }

  bool Found = false;
  std::set<std::string> Ops;

private:
  void handOff(const Expr *E) {
    const auto *Call = dyn_cast<CallExpr>(E->IgnoreImplicit());
    if (Call && Call->getCalleeDecl()) {
      // The extractors may pass over a call an error touches: its own
      // operation, if it is one, is not known to have been read.
      if (const auto *ND = dyn_cast<NamedDecl>(Call->getCalleeDecl()))
        if (ND->getIdentifier() && isStepOp(ND->getName()))
          Ops.insert(ND->getName().str());
      for (const Expr *Arg : Call->arguments())
        if (touchedByError(Arg))
          handOff(Arg);
      return;
    }
    note(E);
  }

  void note(const Expr *E) {
    struct Refs : RecursiveASTVisitor<Refs> {
      bool Found = false;
      // `model->forward(batch.data).argmax(1)`: the model is handed to
      // its own forward(), which resolved; only what unknown code receives
      // counts, and a resolved call's untouched parts go to known code.
      bool TraverseStmt(Stmt *S) {
        const auto *Call = dyn_cast_or_null<CallExpr>(S);
        if (Call && Call->getCalleeDecl()) {
          for (const Expr *Arg : Call->arguments())
            if (touchedByError(Arg))
              RecursiveASTVisitor::TraverseStmt(const_cast<Expr *>(Arg));
          return true;
        }
        return RecursiveASTVisitor::TraverseStmt(S);
      }
      bool VisitDeclRefExpr(DeclRefExpr *D) {
        Found |= holdsModelOrOptimizer(D->getDecl()->getType());
        return true;
      }
      bool VisitMemberExpr(MemberExpr *M) {
        Found |= holdsModelOrOptimizer(M->getMemberDecl()->getType());
        return true;
      }
    } R;
    R.TraverseStmt(const_cast<Expr *>(E));
    Found |= R.Found;
    opsIn(Ctx, E->getBeginLoc(), E->getEndLoc(), Ops);
  }

  ASTContext &Ctx;
};

/// Whether an error touches a module class where registration is read: its
/// bases, members or constructors.
bool registrationTouched(const CXXRecordDecl *RD) {
  if (touchedByError(RD))
    return true;
  for (const CXXBaseSpecifier &B : RD->bases())
    if (B.getType()->containsErrors())
      return true;
  for (const FieldDecl *F : RD->fields())
    if (touchedByError(F) ||
        (F->hasInClassInitializer() &&
         touchedByError(F->getInClassInitializer())))
      return true;
  for (const CXXConstructorDecl *C : RD->ctors()) {
    if (touchedByError(C))
      return true;
    for (const CXXCtorInitializer *I : C->inits())
      if (I->getInit() && touchedByError(I->getInit()))
        return true;
    const FunctionDecl *Def = nullptr;
    if (C->hasBody(Def) && Def->getBody() && bodyTouched(Def->getBody()))
      return true;
  }
  return false;
}

/// Walks the user's declarations for module classes and function bodies.
class Walker : public RecursiveASTVisitor<Walker> {
public:
  Walker(ASTContext &Ctx, ir::Program &Prog) : Ctx(Ctx), Prog(Prog) {}

  bool VisitCXXRecordDecl(CXXRecordDecl *RD) {
    if (!RD->isThisDeclarationADefinition() || !isUserModuleClass(RD))
      return true;
    if (!registrationTouched(RD))
      return true;
    std::string Name = modelNameOf(RD);
    for (ir::Model &M : Prog.Models)
      if (M.Name == Name)
        M.ConstructorKnown = false;
    return true;
  }

  bool VisitFunctionDecl(FunctionDecl *FD) {
    if (FD->doesThisDeclarationHaveABody())
      body(FD->getBody(), FD->getLocation());
    return true;
  }

  bool VisitLambdaExpr(LambdaExpr *L) {
    body(L->getBody(), L->getBeginLoc());
    return true;
  }

private:
  void body(Stmt *Body, SourceLocation Loc) {
    if (!Body)
      return;
    ir::SourceLoc At = irLoc(Ctx, Loc);
    ir::TrainingFunction *T = nullptr;
    for (ir::TrainingFunction &X : Prog.Trainings)
      if (X.Loc.File == At.File && X.Loc.Line == At.Line &&
          X.Loc.Column == At.Column)
        T = &X;
    if (!T)
      return;
    UnreadCodeFinder H(Ctx);
    H.TraverseStmt(Body);
    std::set<std::string> Ops = std::move(H.Ops);
    if (H.Found)
      Ops.insert("*");
    for (const std::string &Op : Ops)
      if (!T->mayHide(Op))
        T->Unresolved.push_back(Op);
  }

  ASTContext &Ctx;
  ir::Program &Prog;
};

} // namespace

void markErrorTouched(ASTContext &Ctx, ir::Program &Prog) {
  // Only a translation unit with errors has anything to mark.
  if (!Ctx.getDiagnostics().hasErrorOccurred())
    return;
  Walker W(Ctx, Prog);
  forEachUserDecl(Ctx, [&](Decl *D) { W.TraverseDecl(D); });
}

} // namespace gradlint::lint
