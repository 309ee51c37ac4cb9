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

bool isIdentChar(char C) {
  return std::isalnum(static_cast<unsigned char>(C)) || C == '_';
}

/// Whether \p Text contains \p Word as a whole identifier.
bool hasWord(StringRef Text, StringRef Word) {
  for (size_t At = Text.find(Word); At != StringRef::npos;
       At = Text.find(Word, At + 1)) {
    bool Before = At > 0 && isIdentChar(Text[At - 1]);
    size_t End = At + Word.size();
    bool After = End < Text.size() && isIdentChar(Text[End]);
    if (!Before && !After)
      return true;
  }
  return false;
}

StringRef textOf(ASTContext &Ctx, SourceRange Range) {
  const SourceManager &SM = Ctx.getSourceManager();
  CharSourceRange R = CharSourceRange::getTokenRange(
      SM.getExpansionRange(Range).getAsRange());
  return Lexer::getSourceText(R, SM, Ctx.getLangOpts(), /*Invalid=*/nullptr);
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
/// Such code may do anything with it.
class HandOffFinder : public RecursiveASTVisitor<HandOffFinder> {
public:
  bool TraverseStmt(Stmt *S) {
    const auto *E = dyn_cast_or_null<Expr>(S);
    if (E && touchedByError(E)) {
      note(E);
      return true; // the maximal one
    }
    return RecursiveASTVisitor::TraverseStmt(S);
  }

  bool VisitVarDecl(VarDecl *V) {
    if (touchedByError(V) && V->hasInit())
      note(V->getInit());
    return true;
  }

  // Lambdas are training functions of their own.
  bool TraverseLambdaExpr(LambdaExpr *) { return true; }

  bool Found = false;

private:
  void note(const Expr *E) {
    struct Refs : RecursiveASTVisitor<Refs> {
      bool Found = false;
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
  }
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
    if (!bodyTouched(Body))
      return;
    // What the body's text names, unreadable code may do: Clang drops some
    // statements whole (a call on a variable whose type did not resolve
    // leaves nothing in the AST), so the text, not the AST, is read.
    std::set<std::string> Ops;
    StringRef Text = textOf(Ctx, Body->getSourceRange());
    for (const char *Op : StepOps)
      if (hasWord(Text, Op))
        Ops.insert(Op);
    HandOffFinder H;
    H.TraverseStmt(Body);
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
