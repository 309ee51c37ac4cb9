//===- lint/tidy/GradlintTidyModule.h - gradlint checks in clang-tidy -*- C++ -*-===//
//
// The adapter between a rules check and clang-tidy, and the per-translation-
// unit Model IR the adapters share.
//
//===----------------------------------------------------------------------===//

#ifndef GRADLINT_LINT_TIDY_GRADLINTTIDYMODULE_H
#define GRADLINT_LINT_TIDY_GRADLINTTIDYMODULE_H

#include "lint/tidy/FactsFolder.h"
#include "rules/Check.h"
#include "rules/ir/Model.h"

#include "clang-tidy/ClangTidyCheck.h"

#include <map>
#include <memory>
#include <string>

namespace clang::tidy::gradlint {

/// The Model IR of the translation unit being checked, extracted by the first
/// gradlint check that needs it and reused by the others.
class ProgramCache {
public:
  struct Entry {
    const ASTContext *Ctx = nullptr;
    ::gradlint::ir::Program Prog;
    /// Files of other translation units by absolute path, as their own
    /// compile commands name them (FactsFolder::merge).
    std::map<std::string, std::string> Spellings;
  };
  /// The IR of \p Ctx, extracted on first use: a file with errors read as
  /// the command reads it, by nested parses (PartialParse.h), when \p PP,
  /// the preprocessor of clang-tidy's parse, is known;
  /// merged with the facts of the other translation units in \p FactsDir
  /// when it is not empty (FactsFolder.h), whose warnings go to \p Tidy.
  Entry &get(ASTContext &Ctx, Preprocessor *PP, llvm::StringRef FactsDir,
             ClangTidyContext &Tidy);
  /// Forgets the IR (a translation unit starts or ends).
  void reset() { Current.reset(); }

private:
  std::unique_ptr<Entry> Current;
  /// The facts folders read in this run, by absolute path: each is read
  /// once, however many files clang-tidy checks.
  std::map<std::string, FactsFolder> Folders;
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
  void registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                           Preprocessor *ModuleExpanderPP) override;
  void onStartOfTranslationUnit() override;
  void onEndOfTranslationUnit() override;

private:
  /// The clang location of an IR location, invalid if the file is unknown.
  /// A file the translation unit did not read (a note in another
  /// translation unit, from the facts folder) is loaded for the location.
  SourceLocation toClang(SourceManager &SM,
                         const ::gradlint::ir::SourceLoc &L,
                         const ProgramCache::Entry &E) const;

  /// Whether \p F is this translation unit's to report, with facts of
  /// other translation units merged in: it is in the main file or a header
  /// it includes, or one of its notes is in the main file (clang-tidy then
  /// shows it as it shows a header's finding with a note in the main file).
  /// Findings of other files are theirs: clang-tidy reports them when it
  /// checks those.
  bool reportedHere(const SourceManager &SM,
                    const ::gradlint::ir::Finding &F) const;

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
  /// gradlint.FactsDir: the folder of the other translation units' facts.
  std::string FactsDir;
  /// gradlint.PartialParse: a file with errors is parsed again as the
  /// command reads it (true by default).
  bool PartialParse = true;
  /// The preprocessor of the translation unit's parse (a partial file is
  /// parsed again with its options).
  Preprocessor *PP = nullptr;
};

} // namespace clang::tidy::gradlint

#endif // GRADLINT_LINT_TIDY_GRADLINTTIDYMODULE_H
