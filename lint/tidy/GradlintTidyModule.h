//===- lint/tidy/GradlintTidyModule.h - gradlint checks in clang-tidy -*- C++ -*-===//
//
// The adapter between a rules check and clang-tidy, and the per-translation-
// unit Model IR the adapters share.
//
//===----------------------------------------------------------------------===//

#ifndef GRADLINT_LINT_TIDY_GRADLINTTIDYMODULE_H
#define GRADLINT_LINT_TIDY_GRADLINTTIDYMODULE_H

#include "rules/Check.h"
#include "rules/ir/Model.h"

#include "clang-tidy/ClangTidyCheck.h"

#include <memory>

namespace clang::tidy::gradlint {

/// The Model IR of the translation unit being checked, extracted by the first
/// gradlint check that needs it and reused by the others.
class ProgramCache {
public:
  struct Entry {
    const ASTContext *Ctx = nullptr;
    ::gradlint::ir::Program Prog;
  };
  /// The IR of \p Ctx, extracted on first use.
  Entry &get(ASTContext &Ctx);
  /// Forgets the IR (a translation unit starts or ends).
  void reset() { Current.reset(); }

private:
  std::unique_ptr<Entry> Current;
};

/// One gradlint check as a clang-tidy check: its options come from
/// CheckOptions ("gradlint-<name>.<Key>", plus "Probe"), its findings are
/// reported through diag() with their notes and fix-its.
class GradlintCheck : public ClangTidyCheck {
public:
  GradlintCheck(StringRef Name, ClangTidyContext *Context,
                std::shared_ptr<ProgramCache> Cache);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onStartOfTranslationUnit() override;
  void onEndOfTranslationUnit() override;

private:
  /// The clang location of an IR location, invalid if the file is unknown.
  SourceLocation toClang(const SourceManager &SM,
                         const ::gradlint::ir::SourceLoc &L) const;

  /// Where the main file includes the header \p Loc is in, when the
  /// finding would otherwise be hidden by clang-tidy's header filter but
  /// the command shows it; invalid otherwise.
  SourceLocation includedFromMainFile(const SourceManager &SM,
                                      SourceLocation Loc) const;

  std::shared_ptr<ProgramCache> Cache;
  /// ClangTidyCheck keeps its own private: the effective header filters.
  ClangTidyContext *TidyContext;
  std::unique_ptr<::gradlint::rules::Check> Rules;
  bool Probe = false;
};

} // namespace clang::tidy::gradlint

#endif // GRADLINT_LINT_TIDY_GRADLINTTIDYMODULE_H
