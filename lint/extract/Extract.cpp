//===- lint/extract/Extract.cpp - AST to Model IR -------------------------===//

#include "lint/extract/Extract.h"

#include "lint/extract/ModelExtractor.h"
#include "lint/extract/Recovery.h"
#include "lint/extract/Torch.h"
#include "lint/extract/TrainingExtractor.h"

#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Path.h"

namespace gradlint::lint {

ir::SourceLoc irLoc(const clang::ASTContext &Ctx, clang::SourceLocation Loc) {
  ir::SourceLoc L;
  if (Loc.isInvalid())
    return L;
  const clang::SourceManager &SM = Ctx.getSourceManager();
  clang::SourceLocation E = SM.getExpansionLoc(Loc);
  clang::PresumedLoc P = SM.getPresumedLoc(E);
  if (P.isInvalid())
    return L;
  // One spelling per file: "./net.h" (included) and "net.h" (a source on
  // the command line) are the same file, and findings must not double.
  llvm::SmallString<256> File(P.getFilename());
  llvm::sys::path::remove_dots(File, /*remove_dot_dot=*/false);
  L.File = std::string(File);
  L.Line = P.getLine();
  L.Column = P.getColumn();
  L.Offset = SM.getFileOffset(E);
  return L;
}

ir::Program extractProgram(clang::ASTContext &Ctx) {
  // Parent maps and matchers (ExprMutationAnalyzer, getParents) would
  // otherwise walk the whole translation unit, deserializing every
  // framework declaration of a precompiled header: limit them to the code
  // the user wrote, and restore the scope for whoever runs after us (the
  // other checks of clang-tidy).
  std::vector<clang::Decl *> Saved = Ctx.getTraversalScope();
  std::vector<clang::Decl *> Scope;
  forEachUserDecl(Ctx, [&](clang::Decl *D) { Scope.push_back(D); });
  Ctx.setTraversalScope(Scope);
  ir::Program Prog;
  Folder Fold(Ctx);
  extractModels(Ctx, Fold, Prog);
  extractTraining(Ctx, Fold, Prog);
  markErrorTouched(Ctx, Prog);
  ir::resolveSubmodules(Prog);
  Ctx.setTraversalScope(Saved);
  return Prog;
}

} // namespace gradlint::lint
