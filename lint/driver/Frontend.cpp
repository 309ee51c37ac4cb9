//===- lint/driver/Frontend.cpp - Run the extractor on each file ----------===//
//
// Real code is partial: a file in a pre-commit hook rarely compiles by
// itself. An include that cannot be found is skipped (served empty) through
// PPCallbacks::FileNotFound, so the preprocessor goes on instead of stopping
// at a fatal error; clang's error recovery then leaves RecoveryExprs and
// invalid declarations where names did not resolve, and the extractors make
// every fact those touch Unknown. What parsed is read.
//
//===----------------------------------------------------------------------===//

#include "lint/driver/Frontend.h"
#include "lint/driver/FrameworkInstantiations.h"
#include "lint/driver/PchCache.h"

#include "lint/extract/Extract.h"
#include "lint/extract/LoopRecovery.h"
#include "lint/extract/Torch.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Frontend/Utils.h"
#include "clang/Lex/HeaderSearch.h"
#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Sema/SemaConsumer.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"

#include <cstdlib>
#include <set>

namespace gradlint::lint {

std::string PartialReason::summary() const {
  if (!MissingHeaders.empty()) {
    std::string S = "'" + MissingHeaders.front() + "' not found";
    if (MissingHeaders.size() > 1)
      S += " (and " + std::to_string(MissingHeaders.size() - 1) + " more " +
           (MissingHeaders.size() == 2 ? "header" : "headers") + ")";
    return S;
  }
  if (!FirstError.empty())
    return "error: " + FirstError;
  return "the compiler reported errors";
}

namespace {

/// Skips includes that cannot be found and remembers them, with where the
/// first one is included.
class MissingIncludes : public clang::PPCallbacks {
public:
  MissingIncludes(clang::SourceManager &SM, PartialReason &R) : SM(SM), R(R) {}

  bool FileNotFound(llvm::StringRef FileName) override {
    for (const std::string &H : R.MissingHeaders)
      if (H == FileName)
        return true;
    R.MissingHeaders.push_back(FileName.str());
    Pending = true;
    return true;
  }

  // Called after the lookup, also for a skipped file: the first missing
  // header's location is its directive's.
  void InclusionDirective(clang::SourceLocation HashLoc, const clang::Token &,
                          llvm::StringRef, bool,
                          clang::CharSourceRange FilenameRange,
                          clang::OptionalFileEntryRef File, llvm::StringRef,
                          llvm::StringRef, const clang::Module *, bool,
                          clang::SrcMgr::CharacteristicKind) override {
    if (!Pending || File)
      return;
    Pending = false;
    if (R.MissingHeaders.size() == 1)
      R.MissingAt = locOf(FilenameRange.getBegin().isValid()
                              ? FilenameRange.getBegin()
                              : HashLoc);
  }

private:
  ir::SourceLoc locOf(clang::SourceLocation L) {
    ir::SourceLoc Out;
    clang::PresumedLoc P = SM.getPresumedLoc(SM.getExpansionLoc(L));
    if (P.isInvalid())
      return Out;
    Out.File = P.getFilename();
    Out.Line = P.getLine();
    Out.Column = P.getColumn();
    return Out;
  }

  clang::SourceManager &SM;
  PartialReason &R;
  bool Pending = false;
};

/// Counts clang's errors and keeps the first; prints nothing (the report
/// says whether a file was read in part, and why).
class ErrorRecorder : public clang::DiagnosticConsumer {
public:
  explicit ErrorRecorder(PartialReason &R) : R(R) {}

  void HandleDiagnostic(clang::DiagnosticsEngine::Level Level,
                        const clang::Diagnostic &Info) override {
    DiagnosticConsumer::HandleDiagnostic(Level, Info);
    if (Level < clang::DiagnosticsEngine::Error)
      return;
    ++R.Errors;
    if (!R.FirstError.empty())
      return;
    llvm::SmallString<128> Message;
    Info.FormatDiagnostic(Message);
    R.FirstError = std::string(Message);
    if (Info.hasSourceManager() && Info.getLocation().isValid()) {
      const clang::SourceManager &SM = Info.getSourceManager();
      clang::PresumedLoc P =
          SM.getPresumedLoc(SM.getExpansionLoc(Info.getLocation()));
      if (P.isValid()) {
        R.FirstErrorAt.File = P.getFilename();
        R.FirstErrorAt.Line = P.getLine();
        R.FirstErrorAt.Column = P.getColumn();
      }
    }
  }

private:
  PartialReason &R;
};

/// The range-fors clang dropped (LoopRecovery.h): the ones the parsed text
/// already replaces, the ones found in it, and the original text.
struct LoopRecovery {
  std::vector<DroppedRange> Applied;
  std::vector<DroppedRange> Found;
  std::string Original;
};

class ExtractConsumer : public clang::SemaConsumer {
public:
  ExtractConsumer(FileResult &Out, bool &Parsed, LoopRecovery &Loops)
      : Out(Out), Parsed(Parsed), Loops(Loops) {}
  void InitializeSema(clang::Sema &S) override {
    if (!std::getenv("GRADLINT_ALL_INSTANTIATIONS"))
      skipFrameworkInstantiations(S);
  }
  void HandleTranslationUnit(clang::ASTContext &Ctx) override {
    Parsed = true;
    bool Errors = Ctx.getDiagnostics().hasErrorOccurred() ||
                  !Out.Reason.MissingHeaders.empty();
    if (Errors && Out.Reason.MissingHeaders.empty()) {
      // C++ leaves at least one declaration standing after recovery; text
      // that is not C++ (or is cut off past recovery) leaves none. With a
      // header missing, every error may be its: the file is partial.
      bool AnyValid = false;
      forEachUserDecl(Ctx, [&](const clang::Decl *D) {
        AnyValid |= !D->isInvalidDecl() && !D->isImplicit();
      });
      if (!AnyValid) {
        Out.Result = Outcome::Failed;
        return;
      }
    }
    Out.Program = extractProgram(Ctx);
    Out.Result = Errors ? Outcome::Partial : Outcome::Complete;
    if (Errors) {
      Loops.Found = findDroppedRangeFors(Ctx, Loops.Applied);
      const clang::SourceManager &SM = Ctx.getSourceManager();
      if (!Loops.Found.empty() && Loops.Applied.empty())
        Loops.Original = SM.getBufferData(SM.getMainFileID()).str();
    }
  }

private:
  FileResult &Out;
  bool &Parsed;
  LoopRecovery &Loops;
};

/// Every file the parse reads, system headers and a PCH's inputs included:
/// the result cache compares them before it trusts a stored result.
class InputCollector : public clang::DependencyCollector {
public:
  bool needSystemDependencies() override { return true; }
  bool sawDependency(llvm::StringRef Filename, bool, bool, bool,
                     bool IsMissing) override {
    return !IsMissing && !Filename.starts_with("<");
  }
};

class ExtractAction : public clang::ASTFrontendAction {
public:
  ExtractAction(FileResult &Out, bool &Parsed, LoopRecovery &Loops,
                std::shared_ptr<InputCollector> Inputs,
                std::vector<std::string> &SearchDirs)
      : Out(Out), Parsed(Parsed), Loops(Loops), Inputs(std::move(Inputs)),
        SearchDirs(SearchDirs) {}
  std::unique_ptr<clang::ASTConsumer>
  CreateASTConsumer(clang::CompilerInstance &, llvm::StringRef) override {
    return std::make_unique<ExtractConsumer>(Out, Parsed, Loops);
  }
  bool BeginSourceFileAction(clang::CompilerInstance &CI) override {
    CI.getPreprocessor().addPPCallbacks(std::make_unique<MissingIncludes>(
        CI.getSourceManager(), Out.Reason));
    // The preprocessor exists already; the PCH reader, made after this,
    // takes the compiler instance's collectors.
    Inputs->attachToPreprocessor(CI.getPreprocessor());
    CI.addDependencyCollector(Inputs);
    for (const clang::DirectoryLookup &D :
         CI.getPreprocessor().getHeaderSearchInfo().search_dir_range())
      if (D.getDirRef())
        SearchDirs.push_back(D.getName().str());
    return true;
  }

private:
  FileResult &Out;
  bool &Parsed;
  LoopRecovery &Loops;
  std::shared_ptr<InputCollector> Inputs;
  std::vector<std::string> &SearchDirs;
};

class ExtractFactory : public clang::tooling::FrontendActionFactory {
public:
  ExtractFactory(FileResult &Out, bool &Parsed, LoopRecovery &Loops,
                 std::shared_ptr<InputCollector> Inputs,
                 std::vector<std::string> &SearchDirs)
      : Out(Out), Parsed(Parsed), Loops(Loops), Inputs(std::move(Inputs)),
        SearchDirs(SearchDirs) {}
  std::unique_ptr<clang::FrontendAction> create() override {
    return std::make_unique<ExtractAction>(Out, Parsed, Loops, Inputs,
                                           SearchDirs);
  }

private:
  FileResult &Out;
  bool &Parsed;
  LoopRecovery &Loops;
  std::shared_ptr<InputCollector> Inputs;
  std::vector<std::string> &SearchDirs;
};

std::string absoluteIn(const std::string &Dir, llvm::StringRef P) {
  llvm::SmallString<256> A(P);
  if (!llvm::sys::path::is_absolute(A)) {
    A = Dir;
    llvm::sys::path::append(A, P);
  }
  // Not "..": a folder before it may be a symbolic link (/lib -> usr/lib),
  // and the parse followed it.
  llvm::sys::path::remove_dots(A, /*remove_dot_dot=*/false);
  return std::string(A);
}

/// Hands ClangTool exactly the command gradlint prepared.
class OneCommand : public clang::tooling::CompilationDatabase {
public:
  explicit OneCommand(const FileCommand &C) {
    Cmd.Directory = C.Directory;
    Cmd.Filename = C.File;
    Cmd.CommandLine = C.Args;
  }
  std::vector<clang::tooling::CompileCommand>
  getCompileCommands(llvm::StringRef) const override {
    return {Cmd};
  }

private:
  clang::tooling::CompileCommand Cmd;
};

/// The PCH a command was given (CompileCommands.cpp puts it first).
std::string pchOf(const FileCommand &C) {
  for (size_t I = 1; I + 1 < C.Args.size(); ++I)
    if (C.Args[I] == "-include-pch")
      return C.Args[I + 1];
  return "";
}

/// Whether \p Error is clang refusing a PCH: unreadable, corrupt, built by
/// another compiler or for other flags, or a header changed since.
bool isPchError(llvm::StringRef Error) {
  return Error.contains("PCH") || Error.contains("precompiled header") ||
         Error.contains("AST file");
}

/// \p C without its -include-pch.
FileCommand withoutPch(const FileCommand &C) {
  FileCommand Plain = C;
  Plain.Args.clear();
  Plain.Pch.clear();
  for (size_t I = 0; I < C.Args.size(); ++I) {
    if (C.Args[I] == "-include-pch" && I + 1 < C.Args.size()) {
      ++I;
      continue;
    }
    Plain.Args.push_back(C.Args[I]);
  }
  return Plain;
}

/// Where the loop recovery's prelude is served from (in memory only).
constexpr const char *PreludePath = "/__gradlint__/loop-recovery.h";

/// Parses \p C once into \p R; \p Parsed says whether the parse got as far
/// as the end of the file (it does not when clang rejects the command's
/// PCH). With \p MainText, the main file is read from it (in memory) and
/// the loop recovery's prelude is included last; the files read are then
/// not recorded (the first parse's are the file's inputs).
void parseOnce(const FileCommand &Given, const std::string *MainText,
               FileResult &R, LoopRecovery &Loops, bool &Parsed) {
  FileCommand C = Given;
  llvm::SmallString<256> Path(C.File);
  llvm::sys::fs::make_absolute(C.Directory, Path);
  if (MainText)
    // The in-memory text is mapped at the absolute path: the command names
    // the file by it too, or the parse reads the file on disk instead.
    for (size_t I = 1; I < C.Args.size(); ++I)
      if (C.Args[I] == C.File || absoluteIn(C.Directory, C.Args[I]) == Path)
        C.Args[I] = std::string(Path);
  OneCommand DB(C);
  // A physical file system of its own: ClangTool sets the working
  // directory on it, which on the shared real one would be process-wide.
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS(
      llvm::vfs::createPhysicalFileSystem().release());
  clang::tooling::ClangTool Tool(
      DB, {C.File}, std::make_shared<clang::PCHContainerOperations>(), FS);
  Tool.setPrintErrorMessage(false);
  ErrorRecorder Recorder(R.Reason);
  Tool.setDiagnosticConsumer(&Recorder);
  // Every error counts as recovery, never as a stop: no error limit. No
  // typo correction either: a name corrected to a similar one would be a
  // guess that looks like valid code to the extractors. No caret options:
  // they make clang print "N errors generated." on stderr.
  Tool.appendArgumentsAdjuster(clang::tooling::getInsertArgumentAdjuster(
      {"-ferror-limit=0", "-fno-spell-checking", "-fno-caret-diagnostics"},
      clang::tooling::ArgumentInsertPosition::BEGIN));
  if (MainText) {
    Tool.mapVirtualFile(Path, *MainText);
    Tool.mapVirtualFile(PreludePath, loopRecoveryPrelude());
    Tool.appendArgumentsAdjuster(clang::tooling::getInsertArgumentAdjuster(
        {"-include", PreludePath}, clang::tooling::ArgumentInsertPosition::END));
  }
  auto Inputs = std::make_shared<InputCollector>();
  std::vector<std::string> SearchDirs;
  ExtractFactory Factory(R, Parsed, Loops, Inputs, SearchDirs);
  Tool.run(&Factory);
  if (MainText)
    return;
  std::set<std::string> Dirs;
  for (const std::string &D : SearchDirs)
    Dirs.insert(absoluteIn(C.Directory, D));
  for (llvm::StringRef F : Inputs->getDependencies()) {
    R.Inputs.push_back(absoluteIn(C.Directory, F));
    // "..." includes are looked up beside the including file first.
    Dirs.insert(llvm::sys::path::parent_path(R.Inputs.back()).str());
  }
  for (const std::string &H : R.Reason.MissingHeaders) {
    if (llvm::sys::path::is_absolute(H)) {
      R.Absent.push_back(H);
      continue;
    }
    for (const std::string &D : Dirs)
      R.Absent.push_back(absoluteIn(D, H));
  }
}

/// Parses \p C's file, and again with the ranges of the range-fors clang
/// dropped replaced (LoopRecovery.h); \p Parsed is the first parse's.
FileResult parseFile(const FileCommand &C, bool &Parsed) {
  FileResult R;
  LoopRecovery Loops;
  parseOnce(C, nullptr, R, Loops, Parsed);
  // Range-fors clang dropped with their bodies: parse again with their
  // ranges replaced by an opaque one. A loop inside a dropped one shows
  // only in the next parse; three parses at most. What the file says about
  // why it is partial stays the first parse's.
  for (int Pass = 0; Pass < 2 && Parsed && R.Result == Outcome::Partial &&
                     !Loops.Found.empty();
       ++Pass) {
    Loops.Applied.insert(Loops.Applied.end(), Loops.Found.begin(),
                         Loops.Found.end());
    Loops.Found.clear();
    std::string Text = replaceDroppedRanges(Loops.Original, Loops.Applied);
    FileResult Again;
    bool AgainParsed = false;
    parseOnce(C, &Text, Again, Loops, AgainParsed);
    if (!AgainParsed && !pchOf(C).empty()) {
      // The PCH the first parse used is gone or refused now (another
      // process evicted or rebuilt it): the same parse without it.
      Again = FileResult();
      parseOnce(withoutPch(C), &Text, Again, Loops, AgainParsed);
    }
    if (!AgainParsed || Again.Result == Outcome::Failed)
      break;
    R.Program = std::move(Again.Program);
  }
  if (R.Result == Outcome::Failed)
    R.Program = ir::Program();
  return R;
}

} // namespace

FileResult analyseFile(const FileCommand &C) {
  // ClangTool stops the process when it cannot enter the command's folder
  // (a compile database of another checkout): one file's error instead.
  if (!C.Directory.empty() && !llvm::sys::fs::is_directory(C.Directory)) {
    FileResult R;
    R.Reason.FirstError =
        "the folder of its compile command, '" + C.Directory +
        "', does not exist";
    return R;
  }
  bool Parsed = false;
  FileResult R = parseFile(C, Parsed);
  std::string Pch = pchOf(C);
  if (Parsed || Pch.empty())
    return R;
  // The cache validates a PCH before handing it out, but clang has the last
  // word: a PCH it refuses is no reason for the file to go unread. Parse
  // without it, and drop the cache's entry so that the next run rebuilds it.
  if (isPchError(R.Reason.FirstError))
    discardPch(Pch);
  bool Again = false;
  return parseFile(withoutPch(C), Again);
}

} // namespace gradlint::lint
