//===- lint/tidy/PartialParse.cpp - Partial files as the command reads ---===//

#include "lint/tidy/PartialParse.h"

#include "lint/extract/Extract.h"
#include "lint/extract/LoopRecovery.h"
#include "lint/extract/Torch.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Basic/TargetInfo.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/CompilerInvocation.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Lex/HeaderSearch.h"
#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "llvm/Support/MemoryBuffer.h"

namespace clang::tidy::gradlint {

namespace ir = ::gradlint::ir;
namespace lint = ::gradlint::lint;

namespace {

/// Where the recovery's prelude is served from (in memory only), as in the
/// command.
constexpr llvm::StringLiteral PreludePath = "/__gradlint__/loop-recovery.h";

/// What one parse gave.
struct ParseResult {
  bool Parsed = false;
  bool Failed = false;
  ir::Program Program;
  std::vector<lint::DroppedRange> Found;
  bool MissingHeaders = false;
};

/// Skips an include that cannot be found, as the command does (clang-tidy's
/// own parse stops entering headers at the first one missing: a fatal error).
class SkipMissingIncludes : public PPCallbacks {
public:
  explicit SkipMissingIncludes(bool &Missing) : Missing(Missing) {}
  bool FileNotFound(StringRef) override {
    Missing = true;
    return true;
  }

private:
  bool &Missing;
};

class ReparseConsumer : public ASTConsumer {
public:
  ReparseConsumer(ParseResult &R,
                  const std::vector<lint::DroppedRange> &Applied)
      : R(R), Applied(Applied) {}
  void HandleTranslationUnit(ASTContext &Ctx) override {
    R.Parsed = true;
    bool Errors = Ctx.getDiagnostics().hasErrorOccurred() || R.MissingHeaders;
    if (Errors && !R.MissingHeaders) {
      // As the command: no declaration left standing is a file not read.
      bool AnyValid = false;
      lint::forEachUserDecl(Ctx, [&](const Decl *D) {
        AnyValid |= !D->isInvalidDecl() && !D->isImplicit();
      });
      if (!AnyValid) {
        R.Failed = true;
        return;
      }
    }
    R.Program = lint::extractProgram(Ctx);
    if (Errors)
      R.Found = lint::findDroppedRangeFors(Ctx, Applied);
  }

private:
  ParseResult &R;
  const std::vector<lint::DroppedRange> &Applied;
};

class ReparseAction : public ASTFrontendAction {
public:
  ReparseAction(ParseResult &R, const std::vector<lint::DroppedRange> &Applied)
      : R(R), Applied(Applied) {}
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &,
                                                 StringRef) override {
    return std::make_unique<ReparseConsumer>(R, Applied);
  }
  bool BeginSourceFileAction(CompilerInstance &CI) override {
    CI.getPreprocessor().addPPCallbacks(
        std::make_unique<SkipMissingIncludes>(R.MissingHeaders));
    return true;
  }

private:
  ParseResult &R;
  const std::vector<lint::DroppedRange> &Applied;
};

/// The language clang-tidy parsed the main file as.
Language languageOf(const LangOptions &L) {
  if (L.CUDA)
    return Language::CUDA;
  if (L.HIP)
    return Language::HIP;
  if (L.ObjC)
    return L.CPlusPlus ? Language::ObjCXX : Language::ObjC;
  return L.CPlusPlus ? Language::CXX : Language::C;
}

/// The options of the parse \p PP belongs to, as far as they decide what the
/// main file's AST is, with the command's error handling.
std::shared_ptr<CompilerInvocation> invocationOf(Preprocessor &PP,
                                                 StringRef MainName) {
  auto Inv = std::make_shared<CompilerInvocation>();
  Inv->getLangOpts() = PP.getLangOpts();
  Inv->getTargetOpts() = PP.getTargetInfo().getTargetOpts();
  Inv->getHeaderSearchOpts() = PP.getHeaderSearchInfo().getHeaderSearchOpts();
  Inv->getPreprocessorOpts() = PP.getPreprocessorOpts();
  // Buffers clang-tidy's parse owns stay its own.
  Inv->getPreprocessorOpts().RemappedFileBuffers.clear();
  // -fno-spell-checking: a name corrected to a similar one would read as
  // valid code. -ferror-limit=0: every error is recovered from.
  Inv->getLangOpts().SpellChecking = false;
  Inv->getDiagnosticOpts().ErrorLimit = 0;
  Inv->getDiagnosticOpts().ShowCarets = false;
  FrontendOptions &FE = Inv->getFrontendOpts();
  FE.Inputs.clear();
  FE.Inputs.emplace_back(MainName, InputKind(languageOf(PP.getLangOpts())));
  FE.ProgramAction = frontend::ParseSyntaxOnly;
  FE.DisableFree = false;
  return Inv;
}

/// Parses \p Text as the main file \p MainName with \p Base's options;
/// with the loop recovery's prelude when some ranges are \p Applied.
ParseResult parseOnce(const CompilerInvocation &Base, FileManager &Files,
                      StringRef MainName, StringRef Text,
                      const std::vector<lint::DroppedRange> &Applied) {
  auto Inv = std::make_shared<CompilerInvocation>(Base);
  PreprocessorOptions &PPO = Inv->getPreprocessorOpts();
  PPO.RetainRemappedFileBuffers = false;
  PPO.addRemappedFile(
      MainName, llvm::MemoryBuffer::getMemBufferCopy(Text, MainName).release());
  if (!Applied.empty()) {
    PPO.addRemappedFile(PreludePath,
                        llvm::MemoryBuffer::getMemBufferCopy(
                            lint::loopRecoveryPrelude(), PreludePath)
                            .release());
    // Last, as the command appends -include to the command line.
    PPO.Includes.push_back(PreludePath.str());
  }

  CompilerInstance CI;
  CI.setInvocation(std::move(Inv));
  CI.createDiagnostics(new IgnoringDiagConsumer(), /*ShouldOwnClient=*/true);
  // A file manager of its own on clang-tidy's file system: relative paths
  // resolve in the compile command's directory, as in the first parse.
  CI.getFileSystemOpts() = Files.getFileSystemOpts();
  CI.createFileManager(Files.getVirtualFileSystemPtr());
  ParseResult R;
  ReparseAction Action(R, Applied);
  CI.ExecuteAction(Action);
  return R;
}

} // namespace

std::optional<ir::Program> readPartialFile(ASTContext &Ctx, Preprocessor &PP) {
  if (!Ctx.getDiagnostics().hasErrorOccurred())
    return std::nullopt;
  const SourceManager &SM = Ctx.getSourceManager();
  OptionalFileEntryRef Main = SM.getFileEntryRefForID(SM.getMainFileID());
  if (!Main)
    return std::nullopt;
  // The name clang-tidy's parse gave the main file: the IR's locations
  // then name it as the rest of the plugin expects.
  std::string MainName = Main->getName().str();
  std::string Original = SM.getBufferData(SM.getMainFileID()).str();
  std::shared_ptr<CompilerInvocation> Base = invocationOf(PP, MainName);

  std::vector<lint::DroppedRange> Applied;
  ParseResult First =
      parseOnce(*Base, SM.getFileManager(), MainName, Original, Applied);
  if (!First.Parsed)
    return std::nullopt;
  if (First.Failed)
    return ir::Program();
  // As the command (Frontend.cpp's parseFile): range-fors Clang dropped
  // with their bodies are parsed again with their ranges replaced by an
  // opaque one; a loop inside a dropped one shows only in the next parse.
  ir::Program Out = std::move(First.Program);
  std::vector<lint::DroppedRange> Found = std::move(First.Found);
  for (int Pass = 0; Pass < 2 && !Found.empty(); ++Pass) {
    Applied.insert(Applied.end(), Found.begin(), Found.end());
    std::string Text = lint::replaceDroppedRanges(Original, Applied);
    ParseResult R =
        parseOnce(*Base, SM.getFileManager(), MainName, Text, Applied);
    if (!R.Parsed || R.Failed)
      break;
    Out = std::move(R.Program);
    Found = std::move(R.Found);
  }
  return Out;
}

} // namespace clang::tidy::gradlint
