//===- lint/driver/PchCache.cpp - Cached precompiled headers --------------===//

#include "lint/driver/PchCache.h"
#include "lint/driver/CacheDir.h"

#include "clang/Basic/Version.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"

#include <algorithm>
#include <chrono>
#include <fcntl.h>
#include <map>
#include <mutex>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace gradlint::lint {

namespace fs = llvm::sys::fs;
namespace path = llvm::sys::path;

static bool isHex16(llvm::StringRef S) {
  return S.size() == 16 && llvm::all_of(S, [](char C) {
           return llvm::isDigit(C) || (C >= 'a' && C <= 'f');
         });
}

static std::string hex16(uint64_t V) {
  std::string H = llvm::utohexstr(V, /*LowerCase=*/true);
  return std::string(16 - H.size(), '0') + H;
}

static bool isKind(llvm::StringRef K) { return K == "api" || K == "real"; }

/// "<kind>-<key>-<content>" of an entry's file name with extension \p Ext.
static bool isEntryName(llvm::StringRef Name, llvm::StringRef Ext) {
  if (!Name.consume_back(Ext))
    return false;
  auto [Kind, Rest] = Name.split('-');
  auto [Key, Content] = Rest.split('-');
  return isKind(Kind) && isHex16(Key) && isHex16(Content);
}

/// "<kind>-<key>.<pch|dep|h|lock>.XXXXXX.tmp": a build's temporaries.
static bool isTempName(llvm::StringRef Name) {
  if (!Name.consume_back(".tmp"))
    return false;
  auto [Kind, Rest] = Name.split('-');
  llvm::SmallVector<llvm::StringRef, 3> Parts;
  Rest.split(Parts, '.');
  return isKind(Kind) && Parts.size() == 3 && isHex16(Parts[0]) &&
         (Parts[1] == "pch" || Parts[1] == "dep" || Parts[1] == "h") &&
         Parts[2].size() == 6 &&
         llvm::all_of(Parts[2], [](char C) { return llvm::isAlnum(C); });
}

/// "<kind>-<key>.lock": held (flock) by the run building that key.
static bool isLockName(llvm::StringRef Name) {
  if (!Name.consume_back(".lock"))
    return false;
  auto [Kind, Key] = Name.split('-');
  return isKind(Kind) && isHex16(Key);
}

/// "<kind>-<key>.fail": the last build of that key failed.
static bool isFailName(llvm::StringRef Name) {
  if (!Name.consume_back(".fail"))
    return false;
  auto [Kind, Key] = Name.split('-');
  return isKind(Kind) && isHex16(Key);
}

bool isOwnCacheFile(llvm::StringRef Name) {
  return isEntryName(Name, ".pch") || isEntryName(Name, ".dep") ||
         isTempName(Name) || isLockName(Name) || isFailName(Name);
}

static std::string depOf(llvm::StringRef Pch) {
  return (Pch.drop_back(4) + ".dep").str();
}

/// Removes \p Path if it is a regular file named as the cache's own.
static void removeOwn(const std::string &Path) {
  fs::file_status S;
  if (!isOwnCacheFile(path::filename(Path)) ||
      fs::status(Path, S, /*Follow=*/false) || !fs::is_regular_file(S))
    return;
  fs::remove(Path);
}

void discardPch(const std::string &Path) {
  if (!isEntryName(path::filename(Path), ".pch"))
    return;
  removeOwn(Path);
  removeOwn(depOf(Path));
}

/// Marks an entry as used now, for the least-recently-used bound.
static void touch(const std::string &Path) {
  ::utimensat(AT_FDCWD, Path.c_str(), nullptr, 0);
}

/// The xxh3 of a file's bytes, or none if it cannot be read.
static std::optional<uint64_t> contentHash(const std::string &Path) {
  auto Buf = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                         /*RequiresNullTerminator=*/false);
  if (!Buf)
    return std::nullopt;
  return llvm::xxh3_64bits((*Buf)->getBuffer());
}

static std::string stampOf(llvm::StringRef File) {
  fs::file_status S;
  if (fs::status(File, S) || !fs::is_regular_file(S))
    return "";
  return std::to_string(S.getSize()) + "\t" +
         std::to_string(
             S.getLastModificationTime().time_since_epoch().count()) +
         "\t" + File.str();
}

/// The headers a make-style dependency file lists after its target.
static std::vector<std::string> depFileInputs(llvm::StringRef Text) {
  std::vector<std::string> Out;
  size_t Colon = Text.find(": ");
  if (Colon == llvm::StringRef::npos)
    return Out;
  std::string Cur;
  for (size_t I = Colon + 2; I < Text.size(); ++I) {
    char C = Text[I];
    if (C == '\\' && I + 1 < Text.size()) {
      char N = Text[I + 1];
      if (N == '\n') { // a continuation
        ++I;
        continue;
      }
      if (N == ' ' || N == '#' || N == '\\') {
        Cur += N;
        ++I;
        continue;
      }
    }
    if (C == '$' && I + 1 < Text.size() && Text[I + 1] == '$') {
      Cur += '$';
      ++I;
      continue;
    }
    if (C == ' ' || C == '\n' || C == '\t' || C == '\r') {
      if (!Cur.empty() && Cur != "-" && Cur != "<stdin>")
        Out.push_back(Cur);
      Cur.clear();
      continue;
    }
    Cur += C;
  }
  if (!Cur.empty() && Cur != "-" && Cur != "<stdin>")
    Out.push_back(Cur);
  return Out;
}

/// Whether every header an entry's .dep lists is as it was when the PCH
/// was built. A missing or empty .dep is not (a .fail entry may list none).
static bool stampsHold(const std::string &Dep, bool EmptyHolds = false) {
  auto Buf = llvm::MemoryBuffer::getFile(Dep, /*IsText=*/true);
  if (!Buf)
    return false;
  llvm::SmallVector<llvm::StringRef, 0> Lines;
  (*Buf)->getBuffer().split(Lines, '\n', -1, /*KeepEmpty=*/false);
  if (Lines.empty())
    return EmptyHolds;
  for (llvm::StringRef L : Lines) {
    llvm::StringRef File = L.rsplit('\t').second;
    if (File.empty() || stampOf(File) != L)
      return false;
  }
  return true;
}

/// A cached entry for \p Prefix ("<kind>-<key>-") whose bytes still hash to
/// its name and whose headers are unchanged; any other entry of the key is
/// removed, so that it is rebuilt.
static std::string validEntry(const std::string &Dir, const std::string &Prefix) {
  std::error_code EC;
  std::vector<std::string> Candidates;
  for (fs::directory_iterator I(Dir, EC), E; I != E && !EC; I.increment(EC)) {
    llvm::StringRef Name = path::filename(I->path());
    if (Name.starts_with(Prefix) && isEntryName(Name, ".pch"))
      Candidates.push_back(I->path());
  }
  for (const std::string &P : Candidates) {
    llvm::StringRef Name = path::filename(P);
    llvm::StringRef Content = Name.drop_front(Prefix.size()).drop_back(4);
    std::optional<uint64_t> H;
    if (stampsHold(depOf(P)))
      H = contentHash(P);
    if (H && hex16(*H) == Content)
      return P;
    discardPch(P);
  }
  return "";
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

/// A unique temporary "<prefix>.<what>.XXXXXX.tmp" in \p Dir, or "".
static std::string tempFile(const std::string &Dir, const std::string &Prefix,
                            llvm::StringRef What) {
  llvm::SmallString<256> Model(Dir), Tmp;
  path::append(Model, Prefix + "." + What + ".%%%%%%.tmp");
  if (fs::createUniqueFile(Model, Tmp))
    return "";
  return std::string(Tmp);
}

static bool writeFile(const std::string &Path, llvm::StringRef Text) {
  std::error_code EC;
  llvm::raw_fd_ostream OS(Path, EC);
  if (EC)
    return false;
  OS << Text;
  OS.close();
  return !OS.has_error();
}

/// How long a failed build is remembered: a header the build did not find
/// may be installed meanwhile, which no stamp shows.
static constexpr std::chrono::hours FailedFor(24);

/// Whether the last build of \p FailPath's key failed less than FailedFor
/// ago and no header it read changed since. Anything else about the entry
/// (too old, a header changed, unreadable) removes it: the build is tried
/// again.
static bool failedBefore(const std::string &FailPath) {
  fs::file_status S;
  if (fs::status(FailPath, S, /*Follow=*/false))
    return false;
  auto Age = std::chrono::system_clock::now() - S.getLastModificationTime();
  if (fs::is_regular_file(S) && Age < FailedFor &&
      Age > -std::chrono::minutes(5) && stampsHold(FailPath, true))
    return true;
  removeOwn(FailPath);
  return false;
}

/// Remembers that the build of \p FailPath's key failed, with the stamps
/// of the headers it read as far as clang listed them (\p Stamps; none
/// when a header was not found). Written whole or not at all.
static void rememberFailure(const std::string &Dir, const std::string &Stem,
                            const std::string &FailPath,
                            const std::string &Stamps) {
  llvm::SmallString<256> Model(Dir), Tmp;
  path::append(Model, Stem + ".dep.%%%%%%.tmp");
  if (fs::createUniqueFile(Model, Tmp))
    return;
  std::string T(Tmp);
  if (!writeFile(T, Stamps) || fs::rename(T, FailPath))
    fs::remove(T);
}

/// Builds the entry for \p Key into \p Dir; its path, or "" (and a .fail
/// entry when the compiler failed).
static std::string build(const PchSpec &S, const std::string &Dir,
                         const std::string &Compiler, const std::string &Key) {
  std::string Stem = S.Kind + "-" + Key;
  std::string Pch = tempFile(Dir, Stem, "pch");
  std::string Dep = tempFile(Dir, Stem, "dep");
  std::string Input = S.HeaderPath.empty() ? tempFile(Dir, Stem, "h") : "";
  auto Cleanup = [&] {
    for (const std::string &T : {Pch, Dep, Input})
      if (!T.empty())
        fs::remove(T);
  };
  if (Pch.empty() || Dep.empty() ||
      (S.HeaderPath.empty() && (Input.empty() || !writeFile(Input, S.HeaderText)))) {
    Cleanup();
    return "";
  }
  std::vector<std::string> Cmd = {Compiler};
  Cmd.insert(Cmd.end(), S.Flags.begin(), S.Flags.end());
  for (const char *A : {"-w", "-x", "c++-header"})
    Cmd.push_back(A);
  if (S.InstantiateTemplates)
    Cmd.push_back("-fpch-instantiate-templates");
  Cmd.push_back(S.HeaderPath.empty() ? "-" : S.HeaderPath);
  for (const std::string &A : {std::string("-o"), Pch, std::string("-MD"),
                               std::string("-MF"), Dep})
    Cmd.push_back(A);
  std::vector<llvm::StringRef> Argv(Cmd.begin(), Cmd.end());
  // Text headers come on stdin: the PCH then names no file of the cache
  // that clang would look for when it is used.
  std::optional<llvm::StringRef> Redirects[] = {
      Input.empty() ? llvm::StringRef("") : llvm::StringRef(Input),
      llvm::StringRef(""), llvm::StringRef("")};
  int RC = llvm::sys::ExecuteAndWait(Compiler, Argv, std::nullopt, Redirects,
                                     S.TimeoutSeconds);
  std::string Stamps;
  bool Stable = true;
  if (auto Buf = llvm::MemoryBuffer::getFile(Dep, /*IsText=*/true))
    for (const std::string &F : depFileInputs((*Buf)->getBuffer())) {
      std::string St = stampOf(F);
      if (St.empty()) { // a header gone already: not a stable entry
        Stable = false;
        Stamps.clear();
        break;
      }
      Stamps += St + "\n";
    }
  if (RC != 0) {
    // The compiler failed (or timed out): remembered, so the next runs do
    // not pay for the same failure, until a header it read changes.
    if (Stable)
      rememberFailure(Dir, Stem, Dir + "/" + Stem + ".fail", Stamps);
    Cleanup();
    return "";
  }
  std::optional<uint64_t> H =
      Stamps.empty() ? std::nullopt : contentHash(Pch);
  if (!H || !writeFile(Dep, Stamps)) {
    Cleanup();
    return "";
  }
  // The .dep first: an entry is whole once its .pch is in place. Renames
  // are atomic, so a parallel run that built the same key loses nothing.
  std::string Final = Dir + "/" + Stem + "-" + hex16(*H) + ".pch";
  if (fs::rename(Dep, depOf(Final)) || fs::rename(Pch, Final)) {
    Cleanup();
    return "";
  }
  if (!Input.empty())
    fs::remove(Input);
  return Final;
}

std::string cachedPch(const PchSpec &S) {
  static std::mutex Lock;
  static std::map<std::string, std::string> Known; // key text -> path or ""
  std::lock_guard<std::mutex> Guard(Lock);
  std::string Dir = cacheDir();
  std::string Compiler = clangxx();
  if (Dir.empty() || Compiler.empty())
    return "";
  std::string KeyText = S.Kind + "\n" + clang::getClangFullVersion() + "\n" +
                        S.KeyText + "\n" + S.HeaderPath + "\n" + S.HeaderText +
                        "\n" + (S.InstantiateTemplates ? "inst\n" : "\n");
  for (const std::string &F : S.Flags)
    KeyText += F + "\n";
  auto It = Known.find(KeyText);
  if (It != Known.end())
    return It->second;
  std::string Key = hex16(llvm::xxh3_64bits(llvm::StringRef(KeyText)));
  std::string Prefix = S.Kind + "-" + Key + "-";
  std::string Result = validEntry(Dir, Prefix);
  std::string FailPath = Dir + "/" + S.Kind + "-" + Key + ".fail";
  if (Result.empty() && failedBefore(FailPath)) {
    Known[KeyText] = "";
    return "";
  }
  if (Result.empty() && !fs::create_directories(Dir)) {
    // One build per key at a time: parallel runs wait for the first one's
    // entry instead of each building the same (a real-header PCH costs a
    // minute or two and most of a gigabyte). The kernel drops the lock of a
    // run that dies; without a lock the build goes ahead all the same.
    std::string LockPath = Dir + "/" + S.Kind + "-" + Key + ".lock";
    int Fd = ::open(LockPath.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (Fd >= 0 && ::flock(Fd, LOCK_EX) == 0)
      Result = validEntry(Dir, Prefix);
    // The run we waited for may have failed: not again.
    if (Result.empty() && !failedBefore(FailPath)) {
      Result = build(S, Dir, Compiler, Key);
      if (!Result.empty())
        removeOwn(FailPath);
      boundCache(Dir, cacheMaxBytes(), Result);
    }
    // The entry is in place (or the build failed): the lock goes before it
    // is released, so a waiter finds the entry, and a later run no lock.
    if (Fd >= 0) {
      ::unlink(LockPath.c_str());
      ::close(Fd);
    }
  }
  if (!Result.empty()) {
    touch(Result);
    touch(depOf(Result));
  }
  Known[KeyText] = Result;
  return Result;
}

uint64_t cacheMaxBytes() {
  const uint64_t Default = uint64_t(2) << 30;
  std::optional<std::string> V = llvm::sys::Process::GetEnv("GRADLINT_CACHE_MAX");
  if (!V)
    return Default;
  llvm::StringRef T = llvm::StringRef(*V).trim();
  uint64_t Unit = 1;
  if (!T.empty()) {
    switch (llvm::toLower(T.back())) {
    case 'k': Unit = uint64_t(1) << 10; break;
    case 'm': Unit = uint64_t(1) << 20; break;
    case 'g': Unit = uint64_t(1) << 30; break;
    default: break;
    }
    if (Unit != 1)
      T = T.drop_back();
  }
  uint64_t N = 0;
  if (T.getAsInteger(10, N) || N > (UINT64_MAX / Unit))
    return Default;
  return N * Unit;
}

void boundCache(const std::string &Dir, uint64_t MaxBytes,
                const std::string &Keep) {
  struct Entry {
    std::string Pch;
    uint64_t Bytes = 0;
    std::chrono::system_clock::time_point Used;
  };
  std::vector<Entry> Entries;
  std::vector<std::string> Deps;
  auto Now = std::chrono::system_clock::now();
  std::error_code EC;
  for (fs::directory_iterator I(Dir, EC), E; I != E && !EC; I.increment(EC)) {
    llvm::StringRef Name = path::filename(I->path());
    if (!isOwnCacheFile(Name))
      continue;
    fs::file_status S;
    if (fs::status(I->path(), S, /*Follow=*/false) || !fs::is_regular_file(S))
      continue;
    auto Age = Now - S.getLastModificationTime();
    if (isFailName(Name)) {
      // A failure is remembered for a day (failedBefore).
      if (Age > FailedFor)
        fs::remove(I->path());
      continue;
    }
    if (isTempName(Name) || isLockName(Name)) {
      // A build's temporaries older than a day: the build died. A lock that
      // old is no longer held either.
      if (Age > std::chrono::hours(24))
        fs::remove(I->path());
      continue;
    }
    if (isEntryName(Name, ".dep")) {
      Deps.push_back(I->path());
      continue;
    }
    // Headers of an older checkout never match again: a week unused goes.
    if (Age > std::chrono::hours(24 * 7) && I->path() != Keep) {
      discardPch(I->path());
      continue;
    }
    Entries.push_back({I->path(), S.getSize(), S.getLastModificationTime()});
  }
  // A .dep whose PCH is gone (evicted, or a build interrupted between the
  // two renames a while ago) is removed with it.
  for (const std::string &D : Deps) {
    std::string P = D.substr(0, D.size() - 4) + ".pch";
    fs::file_status S;
    if (!fs::exists(P) && !fs::status(D, S) &&
        Now - S.getLastModificationTime() > std::chrono::minutes(10))
      removeOwn(D);
  }
  uint64_t Total = 0;
  for (const Entry &E : Entries)
    Total += E.Bytes;
  llvm::sort(Entries, [](const Entry &A, const Entry &B) { return A.Used < B.Used; });
  for (const Entry &E : Entries) {
    if (Total <= MaxBytes)
      break;
    if (E.Pch == Keep)
      continue;
    discardPch(E.Pch);
    Total -= E.Bytes;
  }
}

} // namespace gradlint::lint
