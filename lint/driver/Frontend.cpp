//===- lint/driver/Frontend.cpp - Run the extractor on each file ----------===//

#include "lint/driver/Frontend.h"

#include "lint/extract/Extract.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/VirtualFileSystem.h"

#include <atomic>
#include <thread>

namespace gradlint::lint {

namespace {

class ExtractConsumer : public clang::ASTConsumer {
public:
  explicit ExtractConsumer(ir::Program &Out) : Out(Out) {}
  void HandleTranslationUnit(clang::ASTContext &Ctx) override {
    // A file with errors gives a partial AST; its facts would be guesses.
    if (Ctx.getDiagnostics().hasErrorOccurred())
      return;
    Out = extractProgram(Ctx);
  }

private:
  ir::Program &Out;
};

class ExtractAction : public clang::ASTFrontendAction {
public:
  explicit ExtractAction(ir::Program &Out) : Out(Out) {}
  std::unique_ptr<clang::ASTConsumer>
  CreateASTConsumer(clang::CompilerInstance &, llvm::StringRef) override {
    return std::make_unique<ExtractConsumer>(Out);
  }

private:
  ir::Program &Out;
};

class ExtractFactory : public clang::tooling::FrontendActionFactory {
public:
  explicit ExtractFactory(ir::Program &Out) : Out(Out) {}
  std::unique_ptr<clang::FrontendAction> create() override {
    return std::make_unique<ExtractAction>(Out);
  }

private:
  ir::Program &Out;
};

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

FileResult analyseOne(const FileCommand &C) {
  FileResult R;
  OneCommand DB(C);
  // A physical file system of its own: ClangTool sets the working
  // directory on it, which on the shared real one would be process-wide.
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS(
      llvm::vfs::createPhysicalFileSystem().release());
  clang::tooling::ClangTool Tool(
      DB, {C.File}, std::make_shared<clang::PCHContainerOperations>(), FS);
  Tool.setPrintErrorMessage(false);
  ExtractFactory Factory(R.Program);
  R.Ok = Tool.run(&Factory) == 0;
  if (!R.Ok)
    R.Program = ir::Program();
  return R;
}

} // namespace

std::vector<FileResult> analyseFiles(const std::vector<FileCommand> &Commands,
                                     unsigned Jobs) {
  std::vector<FileResult> Results(Commands.size());
  if (Jobs <= 1 || Commands.size() <= 1) {
    for (size_t I = 0; I < Commands.size(); ++I)
      Results[I] = analyseOne(Commands[I]);
    return Results;
  }
  // Each worker takes the next file; each file gets its own ClangTool.
  std::atomic<size_t> Next{0};
  std::vector<std::thread> Workers;
  unsigned N = std::min<size_t>(Jobs, Commands.size());
  for (unsigned W = 0; W < N; ++W)
    Workers.emplace_back([&] {
      for (size_t I = Next++; I < Commands.size(); I = Next++)
        Results[I] = analyseOne(Commands[I]);
    });
  for (std::thread &T : Workers)
    T.join();
  return Results;
}

} // namespace gradlint::lint
