//===- lint/driver/ApiPch.cpp - Precompiled bundled API model -------------===//

#include "lint/driver/ApiPch.h"
#include "lint/driver/CacheDir.h"
#include "lint/driver/SafeArgs.h"

#include "clang/Basic/Version.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
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

/// The names the cache writes: "api-<key>-<content>.pch" (16 hex digits
/// each) and its temporaries "api-<key>.pch.XXXXXX.tmp". Nothing else in
/// the directory is ever touched.
static bool isHex16(llvm::StringRef S) {
  return S.size() == 16 && llvm::all_of(S, [](char C) {
           return llvm::isDigit(C) || (C >= 'a' && C <= 'f');
         });
}

static bool isOwnPch(llvm::StringRef Name) {
  if (!Name.consume_front("api-") || !Name.consume_back(".pch"))
    return false;
  auto [Key, Content] = Name.split('-');
  return isHex16(Key) && isHex16(Content);
}

static bool isOwnTemp(llvm::StringRef Name) {
  if (!Name.consume_front("api-") || !Name.consume_back(".tmp"))
    return false;
  auto [Key, Rest] = Name.split('.');
  auto [Ext, Unique] = Rest.split('.');
  return isHex16(Key) && Ext == "pch" && Unique.size() == 6 &&
         llvm::all_of(Unique, [](char C) { return llvm::isAlnum(C); });
}

static std::string hex16(uint64_t V) {
  std::string H = llvm::utohexstr(V, /*LowerCase=*/true);
  return std::string(16 - H.size(), '0') + H;
}

/// The xxh3 of a file's bytes, or none if it cannot be read.
static std::optional<uint64_t> contentHash(const std::string &Path) {
  auto Buf = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                         /*RequiresNullTerminator=*/false);
  if (!Buf)
    return std::nullopt;
  return llvm::xxh3_64bits((*Buf)->getBuffer());
}

/// A cached PCH for \p Key whose bytes still hash to the name it was given
/// when it was built; a truncated, emptied, overwritten or renamed one is
/// removed (it is the cache's own file) so that it is rebuilt.
static std::string validCachedPch(const std::string &Dir, const std::string &Key) {
  std::error_code EC;
  std::string Prefix = "api-" + Key + "-";
  for (fs::directory_iterator I(Dir, EC), E; I != E && !EC; I.increment(EC)) {
    llvm::StringRef Name = path::filename(I->path());
    if (!Name.starts_with(Prefix) || !isOwnPch(Name))
      continue;
    llvm::StringRef Content = Name.drop_front(Prefix.size()).drop_back(4);
    std::optional<uint64_t> H = contentHash(I->path());
    if (H && hex16(*H) == Content)
      return I->path();
    fs::remove(I->path());
  }
  return "";
}

/// Headers of an older checkout never match again: drop the cache's own
/// week-old files so it does not grow with every clone.
static void dropOldEntries(const std::string &Dir) {
  std::error_code EC;
  auto Now = std::chrono::system_clock::now();
  for (fs::directory_iterator I(Dir, EC), E; I != E && !EC; I.increment(EC)) {
    llvm::StringRef Name = path::filename(I->path());
    if (!isOwnPch(Name) && !isOwnTemp(Name))
      continue;
    fs::file_status S;
    if (fs::status(I->path(), S, /*Follow=*/false) || !fs::is_regular_file(S))
      continue;
    if (Now - S.getLastModificationTime() > std::chrono::hours(24 * 7))
      fs::remove(I->path());
  }
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

/// The flags that shape the PCH: the allow-listed ones (SafeArgs.h) without
/// any input, so nothing but the header is compiled and nothing but the PCH
/// written, whatever the command held.
static std::vector<std::string> pchFlags(const std::vector<std::string> &Args) {
  std::vector<std::string> Safe = safeCompileArgs(Args, InputArgs::Drop);
  if (!Safe.empty())
    Safe.erase(Safe.begin());
  return Safe;
}

std::string apiPch(const std::string &ApiDir, const std::string &File,
                   const std::vector<std::string> &Args) {
  static std::mutex Lock;
  static std::map<std::string, std::string> Built; // key -> path or ""
  static std::map<std::string, std::string> Stamps;
  // Only the flags shape the PCH; the file is named for callers' sake.
  (void)File;
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

  std::vector<std::string> Flags = pchFlags(Args);
  std::string KeyText = clang::getClangFullVersion() + "\n" + ApiDir + "\n" +
                        StampIt->second;
  for (const std::string &F : Flags)
    KeyText += F + "\n";
  uint64_t Hash = llvm::xxh3_64bits(llvm::StringRef(KeyText));
  auto It = Built.find(KeyText);
  if (It != Built.end())
    return It->second;

  std::string Key = hex16(Hash);
  std::string Result = validCachedPch(Dir, Key);
  if (Result.empty() && !fs::create_directories(Dir)) {
    dropOldEntries(Dir);
    llvm::SmallString<256> Tmp;
    llvm::SmallString<256> Model(Dir);
    path::append(Model, "api-" + Key + ".pch.%%%%%%.tmp");
    if (!fs::createUniqueFile(Model, Tmp)) {
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
      // The content hash goes into the name, so a later run can tell the
      // file is whole. Renaming is atomic: a parallel run that built the
      // same key first loses nothing.
      std::optional<uint64_t> H = RC == 0 ? contentHash(std::string(Tmp)) : std::nullopt;
      llvm::SmallString<256> Pch(Dir);
      if (H)
        path::append(Pch, "api-" + Key + "-" + hex16(*H) + ".pch");
      if (H && !fs::rename(Tmp, Pch))
        Result = std::string(Pch);
      else
        fs::remove(Tmp);
    }
  }
  Built[KeyText] = Result;
  return Result;
}

} // namespace gradlint::lint
