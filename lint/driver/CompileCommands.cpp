//===- lint/driver/CompileCommands.cpp - Compile commands per file --------===//

#include "lint/driver/CompileCommands.h"

#include <algorithm>

#include "lint/driver/ApiPch.h"
#include "lint/driver/ProjectLayout.h"
#include "lint/driver/RealPch.h"
#include "lint/driver/SafeArgs.h"

#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <algorithm>

#ifndef GRADLINT_CLANG_RESOURCE_DIR
#define GRADLINT_CLANG_RESOURCE_DIR ""
#endif

namespace gradlint::lint {

namespace fs = llvm::sys::fs;
namespace path = llvm::sys::path;

CompileCommands::~CompileCommands() = default;

static bool hasTorchHeader(llvm::StringRef Dir) {
  llvm::SmallString<256> P(Dir);
  path::append(P, "torch", "torch.h");
  return fs::exists(P);
}

/// The bundled API model: `<folder of the executable>/../share/gradlint/api`,
/// the same rule in an installed tree (share/gradlint/api is a copy), in a
/// relocated one and in the build tree (there a symbolic link to lint/api,
/// made by CMake; followed, so diagnostics name the source tree). No path is
/// baked in at build time.
static std::string findApiDir(const char *Argv0) {
  static int Anchor;
  std::string Exe = fs::getMainExecutable(Argv0, &Anchor);
  llvm::SmallString<256> Share(path::parent_path(Exe));
  path::append(Share, "..", "share", "gradlint", "api");
  llvm::SmallString<256> Real;
  if (fs::real_path(Share, Real) || !fs::is_directory(Real))
    return "";
  return std::string(Real);
}

StatusOr<std::unique_ptr<CompileCommands>>
CompileCommands::create(const Options &O, const char *Argv0) {
  std::unique_ptr<CompileCommands> C(new CompileCommands());
  C->Opts = &O;
  C->ApiDir = findApiDir(Argv0);
  if (fs::is_directory(GRADLINT_CLANG_RESOURCE_DIR))
    C->ResourceDir = GRADLINT_CLANG_RESOURCE_DIR;
  if (!O.BuildPath.empty()) {
    llvm::SmallString<256> Json(O.BuildPath);
    path::append(Json, "compile_commands.json");
    if (!fs::exists(Json))
      return Status::error(std::string(Json) + ": no such file");
    StatusOr<clang::tooling::CompilationDatabase *> DB =
        C->load(std::string(Json));
    if (!DB)
      return DB.status();
    C->Explicit = std::move(C->Loaded[std::string(Json)]);
  }
  return C;
}

std::vector<std::string> CompileCommands::databaseFiles() const {
  std::vector<std::string> Files;
  if (Explicit)
    Files = Explicit->getAllFiles();
  std::sort(Files.begin(), Files.end());
  Files.erase(std::unique(Files.begin(), Files.end()), Files.end());
  return Files;
}

StatusOr<clang::tooling::CompilationDatabase *>
CompileCommands::load(const std::string &JsonPath) {
  auto It = Loaded.find(JsonPath);
  if (It != Loaded.end())
    return It->second.get();
  std::string Err;
  std::unique_ptr<clang::tooling::CompilationDatabase> DB =
      clang::tooling::JSONCompilationDatabase::loadFromFile(
          JsonPath, Err, clang::tooling::JSONCommandLineSyntax::AutoDetect);
  if (!DB) {
    // "Error while parsing JSON." style messages: keep them on one line.
    llvm::StringRef Msg(Err);
    Msg = Msg.trim();
    std::string One = Msg.str();
    for (char &Ch : One)
      if (Ch == '\n')
        Ch = ' ';
    // JSONCompilationDatabase says "Expected array."; say it as clang-tidy
    // users read errors: lower case, no final period.
    while (!One.empty() && (One.back() == '.' || One.back() == ' '))
      One.pop_back();
    if (One.empty())
      One = "malformed compilation database";
    else
      One[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(One[0])));
    return Status::error(JsonPath + ": " + One);
  }
  // Files the database does not list (headers, new files) borrow the flags
  // of their closest neighbour, as clang-tidy and clangd do.
  DB = clang::tooling::inferMissingCompileCommands(std::move(DB));
  clang::tooling::CompilationDatabase *Raw = DB.get();
  Loaded[JsonPath] = std::move(DB);
  return Raw;
}

StatusOr<clang::tooling::CompilationDatabase *>
CompileCommands::databaseNear(const std::string &File) {
  llvm::SmallString<256> Dir(path::parent_path(File));
  while (!Dir.empty()) {
    std::string Key(Dir);
    auto Known = DirToDatabase.find(Key);
    if (Known != DirToDatabase.end()) {
      if (Known->second.empty())
        return static_cast<clang::tooling::CompilationDatabase *>(nullptr);
      return load(Known->second);
    }
    std::vector<std::string> Candidates;
    llvm::SmallString<256> Here(Dir);
    path::append(Here, "compile_commands.json");
    Candidates.emplace_back(Here);
    for (const char *Sub : {"build", "out"}) {
      llvm::SmallString<256> P(Dir);
      path::append(P, Sub, "compile_commands.json");
      Candidates.emplace_back(P);
    }
    std::error_code EC;
    for (fs::directory_iterator It(Dir, EC), End; !EC && It != End;
         It.increment(EC)) {
      llvm::StringRef Name = path::filename(It->path());
      if (Name.starts_with("cmake-build-") || Name.starts_with("build-") ||
          Name.starts_with("build_")) {
        llvm::SmallString<256> P(It->path());
        path::append(P, "compile_commands.json");
        Candidates.emplace_back(P);
      }
    }
    for (const std::string &C : Candidates)
      if (fs::is_regular_file(C)) {
        DirToDatabase[Key] = C;
        return load(C);
      }
    llvm::StringRef Parent = path::parent_path(Dir);
    if (Parent == Dir)
      break;
    Dir.truncate(Parent.size()); // a prefix of Dir; `Dir = Parent` aliases
  }
  return static_cast<clang::tooling::CompilationDatabase *>(nullptr);
}

StatusOr<FileCommand> CompileCommands::commandFor(const std::string &AsGiven) {
  llvm::SmallString<256> AbsPath(AsGiven);
  fs::make_absolute(AbsPath);
  path::remove_dots(AbsPath, true);
  std::string File(AbsPath);
  FileCommand C;
  C.File = File;
  llvm::SmallString<256> Cwd;
  fs::current_path(Cwd);
  C.Directory = std::string(Cwd);
  clang::tooling::CompilationDatabase *DB = Explicit.get();
  if (!DB && !Opts->CompilerArgs) {
    StatusOr<clang::tooling::CompilationDatabase *> Near = databaseNear(File);
    if (!Near)
      return Near.status();
    DB = *Near;
  }
  std::vector<clang::tooling::CompileCommand> Found;
  if (DB && !Opts->CompilerArgs)
    Found = DB->getCompileCommands(File);
  if (!Found.empty()) {
    C.Directory = Found.front().Directory;
    C.Args = Found.front().CommandLine;
    // `"arguments": []` or `"command": ""`: nothing says how to compile it.
    if (C.Args.empty())
      return Status::error(File + ": empty compile command in compile_commands.json");
  } else {
    C.Args.push_back("clang++");
    if (Opts->CompilerArgs) {
      C.Args.insert(C.Args.end(), Opts->CompilerArgs->begin(),
                    Opts->CompilerArgs->end());
    } else {
      C.Args.push_back("-std=c++17");
      // No flags anywhere: look for headers where a person would.
      for (const std::string &D : guessedIncludeDirs(File))
        C.Args.push_back("-I" + D);
      C.GuessedIncludes = true;
    }
    // A header, or a file named on the command line whatever its name: the
    // user asked for it to be read as C++ (a .cu, .inl or .py is parsed as
    // C++ and judged by what parses).
    llvm::StringRef Ext = path::extension(File);
    if (Ext != ".cpp" && Ext != ".cc" && Ext != ".cxx" && Ext != ".c++" &&
        Ext != ".C")
      C.Args.push_back("-xc++");
    // As the user spelled it: diagnostics and findings name it that way.
    C.Args.push_back(AsGiven);
  }
  // clang-tidy's --extra-arg(-before): around the command's own flags, and
  // through the allow-list (adjust) like them.
  C.Args.insert(C.Args.begin() + 1, Opts->ExtraArgsBefore.begin(),
                Opts->ExtraArgsBefore.end());
  C.Args.insert(C.Args.end(), Opts->ExtraArgs.begin(), Opts->ExtraArgs.end());
  adjust(C);
  return C;
}

/// Include directories named on \p Args, made absolute against \p Dir.
static std::vector<std::string> includeDirs(const std::vector<std::string> &Args,
                                            llvm::StringRef Dir) {
  std::vector<std::string> Out;
  static const char *Flags[] = {"-I", "-isystem", "-iquote", "-idirafter",
                                "--include-directory="};
  for (size_t I = 1; I < Args.size(); ++I) {
    llvm::StringRef A = Args[I];
    for (llvm::StringRef F : Flags) {
      if (!A.starts_with(F))
        continue;
      std::string Value;
      if (A.size() > F.size())
        Value = A.drop_front(F.size()).str();
      else if (I + 1 < Args.size())
        Value = Args[I + 1];
      if (Value.empty())
        break;
      llvm::SmallString<256> P(Value);
      fs::make_absolute(Dir, P);
      path::remove_dots(P, true);
      Out.emplace_back(P);
      break;
    }
  }
  return Out;
}

void CompileCommands::adjust(FileCommand &C) const {
  // Only flags that shape parsing reach a compiler: unknown (gcc-only)
  // flags would stop the file, others would load code or write files.
  C.Args = safeCompileArgs(C.Args, InputArgs::Keep);
  C.Args.front() = "clang++";
  std::vector<std::string> Extra;
  std::vector<std::string> Dirs = includeDirs(C.Args, C.Directory);
  bool ApiNamed = false;
  if (!ApiDir.empty())
    for (const std::string &D : Dirs)
      if (fs::equivalent(D, ApiDir))
        ApiNamed = true;
  switch (Opts->Headers) {
  case HeaderMode::Real:
    break;
  case HeaderMode::Auto: {
    bool Found = false;
    for (const std::string &D : Dirs)
      Found |= hasTorchHeader(D);
    for (const char *D : {"/usr/include", "/usr/local/include"})
      Found |= hasTorchHeader(D);
    Found |= hasTorchHeader(path::parent_path(C.File));
    // The API model is a framework header: mark it system, also when the
    // command names it with -I, so the extractor reads it as the framework.
    if ((!Found || ApiNamed) && !ApiDir.empty())
      Extra = {"-isystem", ApiDir};
    break;
  }
  case HeaderMode::Bundled: {
    // Always the API model: drop include directories that hold the real
    // torch/torch.h so they cannot shadow it.
    std::vector<std::string> Kept;
    for (size_t I = 0; I < C.Args.size(); ++I) {
      llvm::StringRef A = C.Args[I];
      bool IsInclude = A.starts_with("-I") || A.starts_with("-isystem");
      if (IsInclude) {
        bool Separate = A == "-I" || A == "-isystem";
        std::string Value = Separate ? (I + 1 < C.Args.size() ? C.Args[I + 1] : "")
                                     : A.drop_front(A.starts_with("-I") ? 2 : 8).str();
        llvm::SmallString<256> P(Value);
        fs::make_absolute(C.Directory, P);
        if (!Value.empty() && hasTorchHeader(P) &&
            !(fs::equivalent(P, ApiDir))) {
          if (Separate)
            ++I;
          continue;
        }
      }
      Kept.push_back(C.Args[I]);
    }
    C.Args = std::move(Kept);
    if (!ApiDir.empty())
      C.Args.insert(C.Args.begin() + 1, {"-isystem", ApiDir});
    break;
  }
  }
  // The API model in use: its precompiled header, when one can be had.
  bool UsesApi = false;
  for (size_t I = 0; I + 1 < C.Args.size(); ++I)
    UsesApi |= C.Args[I] == "-isystem" && C.Args[I + 1] == ApiDir;
  for (size_t I = 0; I + 1 < Extra.size(); ++I)
    UsesApi |= Extra[I] == "-isystem" && Extra[I + 1] == ApiDir;
  Extra.push_back("-w");
  Extra.push_back("-Wno-unknown-warning-option");
  Extra.push_back("-Qunused-arguments");
  bool HasResourceDir = false;
  for (const std::string &A : C.Args)
    HasResourceDir |= llvm::StringRef(A).starts_with("-resource-dir");
  if (!HasResourceDir && !ResourceDir.empty())
    Extra.push_back("-resource-dir=" + ResourceDir);
  // After the command's own flags, before the file: insert right after the
  // compiler so that `-- ` style input files stay last.
  C.Args.insert(C.Args.begin() + 1, Extra.begin(), Extra.end());
  // The framework headers in use, precompiled when a PCH can be had: the
  // API model's, or the real LibTorch headers the file starts with. Chosen
  // only when the file is parsed (addPch).
  if (Opts->Pch) {
    C.WantsPch = UsesApi ? FileCommand::PchKind::Api : FileCommand::PchKind::Real;
    C.ApiDir = ApiDir;
  }
}

void addPch(FileCommand &C) {
  if (C.WantsPch == FileCommand::PchKind::None || !C.Pch.empty())
    return;
  std::string Pch = C.WantsPch == FileCommand::PchKind::Api
                        ? apiPch(C.ApiDir, C.Directory, C.Args)
                        : realPch(C.File, C.Directory, C.Args);
  if (Pch.empty())
    return;
  C.Args.insert(C.Args.begin() + 1, {"-include-pch", Pch});
  C.Pch = Pch;
}

} // namespace gradlint::lint
