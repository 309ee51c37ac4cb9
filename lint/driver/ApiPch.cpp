//===- lint/driver/ApiPch.cpp - Precompiled bundled API model -------------===//

#include "lint/driver/ApiPch.h"

#include "clang/Basic/Version.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/xxhash.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <mutex>

namespace gradlint::lint {

namespace fs = llvm::sys::fs;
namespace path = llvm::sys::path;

static std::string cacheDir() {
  if (std::optional<std::string> D = llvm::sys::Process::GetEnv("GRADLINT_CACHE_DIR"))
    return *D;
  llvm::SmallString<256> P;
  if (std::optional<std::string> X = llvm::sys::Process::GetEnv("XDG_CACHE_HOME"))
    P = *X;
  else if (std::optional<std::string> H = llvm::sys::Process::GetEnv("HOME")) {
    P = *H;
    path::append(P, ".cache");
  } else {
    return "";
  }
  path::append(P, "gradlint");
  return std::string(P);
}

static std::string clangxx() {
  // The compiler the build was configured with, then the usual names.
  if (fs::can_execute(GRADLINT_CLANGXX))
    return GRADLINT_CLANGXX;
  for (const char *Name : {"clang++-19", "clang++"})
    if (llvm::ErrorOr<std::string> P = llvm::sys::findProgramByName(Name))
      if (Name != llvm::StringRef("clang++") ||
          llvm::StringRef(*P).contains("llvm-19"))
        return *P;
  return "";
}

/// Path, size and modification time of every API header, in order.
static std::string apiStamp(const std::string &ApiDir) {
  std::vector<std::string> Entries;
  std::error_code EC;
  for (fs::recursive_directory_iterator I(ApiDir, EC), E; I != E && !EC;
       I.increment(EC)) {
    fs::file_status S;
    if (fs::status(I->path(), S) || !fs::is_regular_file(S))
      continue;
    Entries.push_back(I->path() + "|" + std::to_string(S.getSize()) + "|" +
                      std::to_string(S.getLastModificationTime()
                                         .time_since_epoch()
                                         .count()));
  }
  std::sort(Entries.begin(), Entries.end());
  std::string Out;
  for (const std::string &E : Entries)
    Out += E + "\n";
  return Out;
}

/// The flags that shape the PCH: everything but the compiler, the input,
/// the output and dependency-file options.
static std::vector<std::string> pchFlags(const std::string &File,
                                         const std::vector<std::string> &Args) {
  std::vector<std::string> Out;
  std::string Abs = File;
  {
    llvm::SmallString<256> P(File);
    fs::make_absolute(P);
    Abs = std::string(P);
  }
  for (size_t I = 1; I < Args.size(); ++I) {
    llvm::StringRef A = Args[I];
    if (A == "-o" || A == "-MF" || A == "-MT" || A == "-MQ") {
      ++I;
      continue;
    }
    if (A == "-c" || A == "-MD" || A == "-MMD" || A == "-fsyntax-only" ||
        A.starts_with("-o") || A == File || A == Abs ||
        path::filename(A) == path::filename(File))
      continue;
    Out.push_back(Args[I]);
  }
  return Out;
}

std::string apiPch(const std::string &ApiDir, const std::string &File,
                   const std::vector<std::string> &Args) {
  static std::mutex Lock;
  static std::map<std::string, std::string> Built; // key -> path or ""
  static std::map<std::string, std::string> Stamps;
  if (ApiDir.empty() || llvm::sys::Process::GetEnv("GRADLINT_NO_PCH"))
    return "";
  std::lock_guard<std::mutex> Guard(Lock);
  std::string Dir = cacheDir();
  std::string Compiler = clangxx();
  if (Dir.empty() || Compiler.empty())
    return "";
  auto StampIt = Stamps.find(ApiDir);
  if (StampIt == Stamps.end())
    StampIt = Stamps.emplace(ApiDir, apiStamp(ApiDir)).first;

  std::vector<std::string> Flags = pchFlags(File, Args);
  std::string KeyText = clang::getClangFullVersion() + "\n" + ApiDir + "\n" +
                        StampIt->second;
  for (const std::string &F : Flags)
    KeyText += F + "\n";
  uint64_t Hash = llvm::xxh3_64bits(llvm::StringRef(KeyText));
  auto It = Built.find(KeyText);
  if (It != Built.end())
    return It->second;

  llvm::SmallString<256> Pch(Dir);
  path::append(Pch, "api-" + llvm::utohexstr(Hash, /*LowerCase=*/true) + ".pch");
  std::string Result;
  if (fs::exists(Pch)) {
    Result = std::string(Pch);
  } else if (!fs::create_directories(Dir)) {
    // Headers of an older checkout never match again: drop week-old PCHs
    // so the cache does not grow with every clone.
    std::error_code EC;
    auto Now = std::chrono::system_clock::now();
    for (fs::directory_iterator I(Dir, EC), E; I != E && !EC; I.increment(EC)) {
      llvm::StringRef Name = path::filename(I->path());
      fs::file_status S;
      if (!Name.starts_with("api-") || fs::status(I->path(), S))
        continue;
      if (Now - S.getLastModificationTime() > std::chrono::hours(24 * 7))
        fs::remove(I->path());
    }
    llvm::SmallString<256> Tmp;
    if (!fs::createUniqueFile(std::string(Pch) + ".%%%%%%.tmp", Tmp)) {
      llvm::SmallString<256> Header(ApiDir);
      path::append(Header, "torch", "torch.h");
      std::vector<std::string> Cmd = {Compiler};
      Cmd.insert(Cmd.end(), Flags.begin(), Flags.end());
      for (const char *A : {"-w", "-x", "c++-header"})
        Cmd.push_back(A);
      Cmd.push_back(std::string(Header));
      Cmd.push_back("-o");
      Cmd.push_back(std::string(Tmp));
      std::vector<llvm::StringRef> Argv(Cmd.begin(), Cmd.end());
      std::optional<llvm::StringRef> Quiet[] = {std::nullopt, llvm::StringRef(""),
                                                llvm::StringRef("")};
      int RC = llvm::sys::ExecuteAndWait(Compiler, Argv, std::nullopt, Quiet,
                                         /*SecondsToWait=*/120);
      // Renaming over an existing file is atomic: a parallel run that built
      // the same key first loses nothing.
      if (RC == 0 && !fs::rename(Tmp, Pch))
        Result = std::string(Pch);
      else
        fs::remove(Tmp);
    }
  }
  Built[KeyText] = Result;
  return Result;
}

} // namespace gradlint::lint
