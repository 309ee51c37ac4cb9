//===- lint/extract/LoopRecovery.cpp - Loops whose range did not resolve --===//

#include "lint/extract/LoopRecovery.h"

#include "lint/extract/Torch.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

#include <algorithm>
#include <set>

namespace gradlint::lint {

using namespace clang;

namespace {

/// The opaque range, and its element type: declared by the prelude. The
/// range's name is reserved to the implementation (an underscore and a
/// capital), so no user name meets it, and as short as can be: it replaces
/// the text between the loop's `:` and `)` without changing its length,
/// so every offset, line and column of the file stays as the user wrote it
/// (fix-its are placed by offset).
constexpr llvm::StringLiteral Replacement = "_G";
constexpr llvm::StringLiteral UnknownType = "__gradlint_unknown_t";

/// The function bodies of the main file and the loops their AST kept, in
/// the parsed text's offsets.
class Collector : public RecursiveASTVisitor<Collector> {
public:
  Collector(const SourceManager &SM) : SM(SM) {}

  bool shouldVisitTemplateInstantiations() const { return false; }

  bool VisitFunctionDecl(FunctionDecl *FD) {
    if (FD->doesThisDeclarationHaveABody())
      body(FD->getBody());
    return true;
  }
  bool VisitLambdaExpr(LambdaExpr *L) {
    body(L->getBody());
    return true;
  }
  bool VisitForStmt(ForStmt *S) {
    loop(S->getForLoc());
    return true;
  }
  bool VisitCXXForRangeStmt(CXXForRangeStmt *S) {
    loop(S->getForLoc());
    return true;
  }

  std::vector<std::pair<unsigned, unsigned>> Bodies;
  std::set<unsigned> Kept;

private:
  bool offsetOf(SourceLocation L, unsigned &Out) const {
    if (L.isInvalid() || !L.isFileID() || !SM.isInMainFile(L))
      return false;
    Out = SM.getFileOffset(L);
    return true;
  }
  void body(const Stmt *B) {
    unsigned Begin, End;
    if (B && offsetOf(B->getBeginLoc(), Begin) &&
        offsetOf(B->getEndLoc(), End) && Begin < End)
      Bodies.emplace_back(Begin, End);
  }
  void loop(SourceLocation L) {
    unsigned At;
    if (offsetOf(L, At))
      Kept.insert(At);
  }

  const SourceManager &SM;
};

bool isRawKeyword(const Token &T, StringRef Word) {
  return T.is(tok::raw_identifier) && T.getRawIdentifier() == Word;
}

/// Reads a range-for header and its body from the tokens after `for`.
/// Returns false when this is not a range-for (a classic for, a ternary in
/// the header, an init-statement) or the text ends first.
struct LoopShape {
  unsigned RangeBegin = 0, RangeEnd = 0; ///< the text between `:` and `)`
  unsigned BodyEnd = 0;                  ///< just past the body
};

/// The next token; false at the end of the text.
bool next(Lexer &Lex, Token &T) {
  Lex.LexFromRawLexer(T);
  return !T.is(tok::eof);
}

bool readRangeFor(Lexer &Lex, const SourceManager &SM, LoopShape &Out) {
  Token T;
  if (!next(Lex, T) || !T.is(tok::l_paren))
    return false;
  int Depth = 1;
  bool SawColon = false, SawQuestion = false, RangeStarted = false;
  for (;;) {
    if (!next(Lex, T))
      return false;
    if (T.isOneOf(tok::l_paren, tok::l_square, tok::l_brace))
      ++Depth;
    else if (T.isOneOf(tok::r_paren, tok::r_square, tok::r_brace))
      --Depth;
    if (Depth == 0) {
      Out.RangeEnd = SM.getFileOffset(T.getLocation());
      break;
    }
    if (Depth == 1 && T.is(tok::semi))
      return false;
    if (Depth == 1 && T.is(tok::question) && !SawColon)
      SawQuestion = true;
    if (Depth == 1 && T.is(tok::colon) && !SawColon) {
      if (SawQuestion)
        return false;
      SawColon = true;
      Out.RangeBegin = SM.getFileOffset(T.getLocation()) + T.getLength();
      continue;
    }
    RangeStarted |= SawColon;
  }
  if (!SawColon || !RangeStarted)
    return false;
  // The body: a braced block, or one statement up to its `;`.
  if (!next(Lex, T))
    return false;
  bool Braced = T.is(tok::l_brace);
  Depth = 0;
  for (;;) {
    if (T.isOneOf(tok::l_paren, tok::l_square, tok::l_brace))
      ++Depth;
    else if (T.isOneOf(tok::r_paren, tok::r_square, tok::r_brace))
      --Depth;
    if (Depth == 0 && T.is(Braced ? tok::r_brace : tok::semi)) {
      Out.BodyEnd = SM.getFileOffset(T.getLocation()) + T.getLength();
      return true;
    }
    if (!next(Lex, T))
      return false;
  }
}

} // namespace

std::vector<DroppedRange>
findDroppedRangeFors(ASTContext &Ctx, const std::vector<DroppedRange> &Applied) {
  std::vector<DroppedRange> Out;
  const SourceManager &SM = Ctx.getSourceManager();
  Collector C(SM);
  forEachUserDecl(Ctx, [&](Decl *D) { C.TraverseDecl(D); });
  std::sort(C.Bodies.begin(), C.Bodies.end());

  StringRef Buf = SM.getBufferData(SM.getMainFileID());
  unsigned Done = 0; // nothing before this offset is lexed again
  for (auto [Begin, End] : C.Bodies) {
    if (End <= Done)
      continue;
    Begin = std::max(Begin, Done);
    Lexer Lex(SM.getLocForStartOfFile(SM.getMainFileID()), Ctx.getLangOpts(),
              Buf.begin(), Buf.begin() + Begin, Buf.end());
    Token T;
    bool InDirective = false;
    while (next(Lex, T)) {
      unsigned At = SM.getFileOffset(T.getLocation());
      if (At >= End)
        break;
      // A directive line (a macro's body) is not code of this function.
      if (T.isAtStartOfLine())
        InDirective = T.is(tok::hash);
      if (InDirective || !isRawKeyword(T, "for") || C.Kept.count(At))
        continue;
      LoopShape Shape;
      if (!readRangeFor(Lex, SM, Shape))
        continue; // a classic for, or the text ended
      DroppedRange R;
      R.Offset = Shape.RangeBegin;
      R.Length = Shape.RangeEnd - Shape.RangeBegin;
      // `:v)` has no room for the replacement; a range replaced already
      // that is dropped again (a structured binding of the opaque type)
      // stays dropped.
      bool Again = llvm::any_of(
          Applied, [&](const DroppedRange &A) { return A.Offset == R.Offset; });
      if (!Again && R.Length >= Replacement.size())
        Out.push_back(R);
      // A loop inside it is dropped with it: outermost only.
      Lex.seek(Shape.BodyEnd, /*IsAtStartOfLine=*/false);
    }
    Done = End;
  }
  return Out;
}

std::string replaceDroppedRanges(StringRef Original,
                                 const std::vector<DroppedRange> &Ranges) {
  std::string Out = Original.str();
  for (const DroppedRange &R : Ranges) {
    if (R.Length < Replacement.size() || R.Offset + R.Length > Out.size())
      continue;
    for (unsigned I = 0; I < R.Length; ++I) {
      char &Ch = Out[R.Offset + I];
      if (I < Replacement.size())
        Ch = Replacement[I];
      else if (Ch != '\n' && Ch != '\r')
        Ch = ' ';
    }
  }
  return Out;
}

StringRef loopRecoveryPrelude() {
  // A system header: nothing in it is the user's, and it warns about
  // nothing. The element type has no members, so any use of a loop
  // variable beyond binding it is an error, read as Unknown.
  return "#pragma GCC system_header\n"
         "struct __gradlint_unknown_t {};\n"
         "extern __gradlint_unknown_t _G[1];\n";
}

bool isRecoveredUnknownType(QualType T) {
  if (T.isNull())
    return false;
  T = T.getNonReferenceType();
  while (const ArrayType *A = T->getAsArrayTypeUnsafe())
    T = A->getElementType();
  if (const auto *RD = T->getAsCXXRecordDecl())
    return RD->getIdentifier() && RD->getName() == UnknownType;
  return false;
}

} // namespace gradlint::lint
