//===- lint/tidy/GradlintTidyModule.cpp - gradlint as a clang-tidy module -===//
//
// The clang-tidy plugin: `clang-tidy --load=GradlintTidyModule.so
// --checks='-*,gradlint-*'`. One adapter per check of rules/Checks.def, all
// generated from the registry; each reads its options from clang-tidy's
// CheckOptions, runs its rules check on the translation unit's Model IR and
// reports through diag(), so NOLINT, --header-filter, WarningsAsErrors and
// --fix behave as for any clang-tidy check. The Model IR is extracted once
// per translation unit and shared by every gradlint check that is on.
//
//===----------------------------------------------------------------------===//

#include "lint/tidy/GradlintTidyModule.h"

#include "lint/driver/Facts.h"
#include "lint/extract/Extract.h"
#include "lint/tidy/PartialParse.h"
#include "rules/Registry.h"
#include "rules/ir/Validate.h"
#include "runtime/Probe.h"

#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/VirtualFileSystem.h"

#include <memory>

namespace clang::tidy::gradlint {

namespace ir = ::gradlint::ir;
namespace rules = ::gradlint::rules;

namespace {

/// The module-wide option that turns the probe on for every gradlint check
/// ("gradlint-<check>.Probe" turns it on for one). It does not start with
/// "gradlint-", so the gradlint command, which reads the same .clang-tidy and
/// rejects unknown gradlint-* options, ignores it.
constexpr llvm::StringLiteral GlobalProbeKey = "gradlint.Probe";

/// The module-wide option naming a folder of facts files (`gradlint extract
/// -o DIR`): the other translation units' Model IR, merged into each file
/// checked so that cross-file findings are found as the command finds them.
constexpr llvm::StringLiteral FactsDirKey = "gradlint.FactsDir";

/// The module-wide option that turns off the nested parses of a file with
/// errors (PartialParse.h): on by default, off where their cost matters
/// more than the findings they recover (an editor with the real headers).
constexpr llvm::StringLiteral PartialParseKey = "gradlint.PartialParse";


bool parseBool(llvm::StringRef V, bool &Out) {
  if (V.equals_insensitive("true") || V == "1") {
    Out = true;
    return true;
  }
  if (V.equals_insensitive("false") || V == "0") {
    Out = false;
    return true;
  }
  return false;
}

} // namespace

ProgramCache::Entry &ProgramCache::get(ASTContext &Ctx, Preprocessor *PP,
                                       llvm::StringRef FactsDir,
                                       ClangTidyContext &Tidy) {
  // Checks are created anew for each translation unit but share this cache
  // across a run; a new ASTContext may reuse a freed one's address, which is
  // why every check also calls reset() when a translation unit starts.
  if (Current && Current->Ctx == &Ctx)
    return *Current;
  Current = std::make_unique<Entry>();
  Current->Ctx = &Ctx;
  std::optional<ir::Program> Partial;
  if (PP)
    Partial = readPartialFile(Ctx, *PP);
  Current->Prog = Partial ? std::move(*Partial)
                          : ::gradlint::lint::extractProgram(Ctx);
  if (!FactsDir.empty()) {
    const SourceManager &SM = Ctx.getSourceManager();
    FileManager &Files = SM.getFileManager();
    llvm::SmallString<256> Main;
    if (OptionalFileEntryRef F = SM.getFileEntryRefForID(SM.getMainFileID()))
      Main = F->getName();
    Files.makeAbsolutePath(Main);
    llvm::sys::path::remove_dots(Main, /*remove_dot_dot=*/false);
    // Facts name the files of their checkout relative to its root; the
    // file checked here is in the checkout they describe.
    std::string Root = ::gradlint::lint::projectRootOf(
        std::string(llvm::sys::path::parent_path(Main)));
    llvm::SmallString<256> Dir(FactsDir);
    llvm::sys::fs::make_absolute(Dir);
    std::string Key = std::string(Dir) + '\n' + Root;
    auto It = Folders.find(Key);
    if (It == Folders.end())
      It = Folders.emplace(Key, FactsFolder::read(Dir, Root)).first;
    for (const std::string &W : It->second.warnings())
      Tidy.configurationDiag("%0: %1") << FactsDirKey << W;
    llvm::ErrorOr<std::string> Cwd =
        Files.getVirtualFileSystem().getCurrentWorkingDirectory();
    Current->Prog =
        It->second.merge(Current->Prog, Main, Cwd ? *Cwd : std::string(),
                         Current->Spellings);
  }
  // As the command does: values no network can have become unknown
  // (clang-tidy has no channel for the notes; the checks stay quiet).
  (void)::gradlint::ir::dropInvalid(Current->Prog);
  return *Current;
}

GradlintCheck::GradlintCheck(StringRef Name, ClangTidyContext *Context,
                             std::shared_ptr<ProgramCache> Cache)
    : ClangTidyCheck(Name, Context), Cache(std::move(Cache)),
      TidyContext(Context) {
  // Every "gradlint-<name>.<Key>" of the CheckOptions, as the rules check
  // reads them; Probe is the adapter's own. The check's own keys (those its
  // defaults echo) are read through OptionsView, which is how
  // `clang-tidy --verify-config` learns that they exist; any other key
  // under the prefix goes to the rules check, which rejects it by name.
  std::string Prefix = (Name + ".").str();
  rules::OptionMap Own;
  {
    std::vector<std::string> Ignored;
    rules::OptionMap Defaults;
    if (auto D = rules::createCheck(Name.str(), {}, Ignored))
      D->storeOptions(Defaults);
    for (const auto &KV : Defaults) {
      llvm::StringRef Local(KV.first);
      if (Local.consume_front(Prefix))
        if (std::optional<StringRef> V = Options.get(Local))
          Own[KV.first] = V->str();
    }
  }
  for (const auto &KV : Context->getOptions().CheckOptions) {
    llvm::StringRef Key = KV.getKey();
    if (!Key.starts_with(Prefix))
      continue;
    if (Key.drop_front(Prefix.size()) == "Probe")
      continue;
    Own.emplace(Key.str(), KV.getValue().Value);
  }
  // The module-wide key is read from the map directly (it has no check
  // prefix); --verify-config is told about it here.
  if (llvm::StringSet<> *Collector = Context->getOptionsCollector()) {
    Collector->insert(GlobalProbeKey);
    Collector->insert(FactsDirKey);
    Collector->insert(PartialParseKey);
  }
  std::vector<std::string> Errors;
  Rules = rules::createCheck(Name.str(), Own, Errors);
  for (const std::string &E : Errors)
    configurationDiag(E);
  if (!Rules)
    configurationDiag("gradlint has no check '%0'") << Name;

  Probe = false;
  auto ReadProbe = [&](llvm::StringRef Key, std::optional<StringRef> V) {
    if (!V)
      return;
    bool B = false;
    if (parseBool(*V, B))
      Probe = B;
    else
      configurationDiag("invalid value '%0' for option '%1'; expected a bool")
          << *V << Key;
  };
  const auto &All = Context->getOptions().CheckOptions;
  auto Global = All.find(GlobalProbeKey);
  if (Global != All.end())
    ReadProbe(GlobalProbeKey, StringRef(Global->getValue().Value));
  ReadProbe(Prefix + "Probe", Options.get("Probe"));

  auto Dir = All.find(FactsDirKey);
  if (Dir != All.end())
    FactsDir = Dir->getValue().Value;

  auto Reparse = All.find(PartialParseKey);
  if (Reparse != All.end() &&
      !parseBool(Reparse->getValue().Value, PartialParse))
    configurationDiag("invalid value '%0' for option '%1'; expected a bool")
        << Reparse->getValue().Value << PartialParseKey;
}

void GradlintCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  if (Rules) {
    rules::OptionMap Own;
    Rules->storeOptions(Own);
    std::string Prefix = Rules->name() + ".";
    for (const auto &[Key, Value] : Own) {
      llvm::StringRef Local(Key);
      if (Local.consume_front(Prefix))
        Options.store(Opts, Local, Value);
    }
  }
  Options.store(Opts, "Probe", Probe ? "true" : "false");
}

void GradlintCheck::registerMatchers(ast_matchers::MatchFinder *Finder) {
  Finder->addMatcher(ast_matchers::translationUnitDecl().bind("tu"), this);
}

void GradlintCheck::registerPPCallbacks(const SourceManager &,
                                        Preprocessor *P, Preprocessor *) {
  PP = P;
}

void GradlintCheck::onStartOfTranslationUnit() { Cache->reset(); }

void GradlintCheck::onEndOfTranslationUnit() { Cache->reset(); }

SourceLocation GradlintCheck::toClang(SourceManager &SM,
                                      const ir::SourceLoc &L,
                                      const ProgramCache::Entry &E) const {
  if (L.File.empty() || L.Line == 0)
    return {};
  auto File = SM.getFileManager().getOptionalFileRef(L.File);
  if (!File)
    return {};
  // The byte offset is exact when it agrees with line and column (it may be
  // missing in IR read back from JSON); line and column are the fallback.
  FileID FID = SM.translateFile(*File);
  if (FID.isInvalid()) {
    // Named as the file's own compile command names it, so that clang-tidy
    // checking that file too prints the finding once.
    auto Spelt = E.Spellings.find(L.File);
    if (Spelt != E.Spellings.end())
      if (auto Named = SM.getFileManager().getOptionalFileRef(Spelt->second);
          Named && Named->getUniqueID() == File->getUniqueID())
        File = Named;
    FID = SM.createFileID(*File, SourceLocation(), SrcMgr::C_User);
  }
  if (FID.isValid()) {
    SourceLocation At = SM.getLocForStartOfFile(FID).getLocWithOffset(L.Offset);
    if (SM.getSpellingLineNumber(At) == L.Line &&
        SM.getSpellingColumnNumber(At) == L.Column)
      return At;
  }
  return SM.translateFileLineCol(*File, L.Line, L.Column == 0 ? 1 : L.Column);
}

void GradlintCheck::check(const ast_matchers::MatchFinder::MatchResult &R) {
  if (!Rules)
    return;
  ProgramCache::Entry &E =
      Cache->get(*R.Context, PartialParse ? PP : nullptr, FactsDir, *TidyContext);
  rules::Context Ctx(E.Prog);
  Rules->check(Ctx);
  std::vector<ir::Finding> Findings = std::move(Ctx.findings());
  if (Probe)
    ::gradlint::probe::probeFindings(E.Prog, Findings,
                                     ::gradlint::probe::ProbeOptions());
  SourceManager &SM = R.Context->getSourceManager();
  for (const ir::Finding &F : Findings) {
    if (!FactsDir.empty() && !reportedHere(SM, F))
      continue;
    // clang-tidy has no top-level notes: a finding the probe did not confirm
    // (a note in the command's report) is a remark here, which neither
    // WarningsAsErrors nor a warning count turns into a failure.
    DiagnosticIDs::Level Level =
        F.Probe && F.Probe->Kind == ir::VerdictKind::NotConfirmed
            ? DiagnosticIDs::Remark
            : DiagnosticIDs::Warning;
    SourceLocation Loc = toClang(SM, F.Loc, E);
    {
      DiagnosticBuilder D = Loc.isValid() ? diag(Loc, F.Message, Level)
                                          : diag(F.Message, Level);
      for (const ir::FixIt &X : F.Fixes) {
        SourceLocation B = toClang(SM, X.Loc, E);
        if (B.isInvalid())
          continue;
        D << FixItHint::CreateReplacement(
            CharSourceRange::getCharRange(B, B.getLocWithOffset(X.Length)),
            X.Replacement);
      }
    }
    for (const ir::Note &N : F.Notes) {
      SourceLocation NL = toClang(SM, N.Loc, E);
      if (NL.isValid())
        diag(NL, N.Message, DiagnosticIDs::Note);
      else
        diag(N.Message, DiagnosticIDs::Note);
    }
    if (F.Probe) {
      if (Loc.isValid())
        diag(Loc, ir::verdictNote(*F.Probe), DiagnosticIDs::Note);
      else
        diag(ir::verdictNote(*F.Probe), DiagnosticIDs::Note);
    }
    if (SourceLocation Inc = includedFromMainFile(SM, Loc); Inc.isValid())
      diag(Inc, "'%0' is included here", DiagnosticIDs::Note)
          << llvm::sys::path::filename(SM.getFilename(SM.getSpellingLoc(Loc)));
  }
}

bool GradlintCheck::reportedHere(const SourceManager &SM,
                                 const ir::Finding &F) const {
  auto FileOf = [&](const ir::SourceLoc &L) {
    if (L.File.empty())
      return FileID();
    auto File = SM.getFileManager().getOptionalFileRef(L.File);
    return File ? SM.translateFile(*File) : FileID();
  };
  // The files the parse read: the main file and what it includes. Files
  // toClang loaded for another finding's note have no include location.
  FileID At = FileOf(F.Loc);
  if (F.Loc.File.empty() ||
      (At.isValid() &&
       (At == SM.getMainFileID() || SM.getIncludeLoc(At).isValid())))
    return true;
  for (const ir::Note &N : F.Notes)
    if (FileOf(N.Loc) == SM.getMainFileID())
      return true;
  return false;
}

SourceLocation
GradlintCheck::includedFromMainFile(const SourceManager &SM,
                                    SourceLocation Loc) const {
  // The command shows a header's findings unless a HeaderFilterRegex says
  // otherwise; clang-tidy drops a diagnostic in a header unless the header
  // filter matches or one of its notes is in the main file. With no header
  // filter, the note where the main file includes the header keeps the
  // finding, as the command keeps it; a filter the user set decides alone.
  const ClangTidyOptions &O = TidyContext->getOptions();
  if (O.HeaderFilterRegex && !O.HeaderFilterRegex->empty())
    return {};
  if (Loc.isInvalid() || SM.isInMainFile(Loc) || SM.isInSystemHeader(Loc))
    return {};
  FileID FID = SM.getFileID(SM.getSpellingLoc(Loc));
  if (O.ExcludeHeaderFilterRegex && !O.ExcludeHeaderFilterRegex->empty() &&
      llvm::Regex(*O.ExcludeHeaderFilterRegex)
          .match(SM.getFilename(SM.getLocForStartOfFile(FID))))
    return {};
  for (int Depth = 0; FID.isValid() && Depth < 64; ++Depth) {
    SourceLocation Inc = SM.getIncludeLoc(FID);
    if (Inc.isInvalid())
      return {};
    if (SM.isInMainFile(Inc))
      return Inc;
    FID = SM.getFileID(Inc);
  }
  return {};
}

namespace {

/// Every check of rules/Checks.def under its gradlint name.
class GradlintModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &Factories) override {
    // One cache per run, shared by the checks of every translation unit.
    auto Cache = std::make_shared<ProgramCache>();
#define GRADLINT_CHECK(Name, Class, DefaultOn, Summary)                        \
  Factories.registerCheckFactory(                                              \
      Name, [Cache](StringRef N, ClangTidyContext *Context) {                  \
        return std::make_unique<GradlintCheck>(N, Context, Cache);             \
      });
#include "rules/Checks.def"
  }
};

} // namespace

} // namespace clang::tidy::gradlint

namespace clang::tidy {

// Registered as any in-tree module is; the registry lives in the clang-tidy
// executable, which exports it for plugins.
static ClangTidyModuleRegistry::Add<gradlint::GradlintModule>
    X("gradlint-module", "Adds gradlint's training-dynamics checks.");

} // namespace clang::tidy
