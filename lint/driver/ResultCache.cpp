//===- lint/driver/ResultCache.cpp - Results kept between runs ------------===//

#include "lint/driver/ResultCache.h"

#include "lint/driver/CacheDir.h"
#include "lint/driver/Facts.h"
#include "lint/report/BoundedInput.h"

#include "clang/Basic/Version.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"

#include <algorithm>
#include <chrono>

#ifndef GRADLINT_VERSION
#define GRADLINT_VERSION "0"
#endif

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

namespace gradlint::lint {

namespace fs = llvm::sys::fs;
namespace path = llvm::sys::path;

namespace {

/// Bumped whenever what an entry holds or means changes.
constexpr int EntryVersion = 1;
/// A file modified this close to the parse may have changed again within
/// the file system's timestamp granularity: its content decides.
constexpr auto RacyWindow = std::chrono::seconds(2);
/// How far a file's modification time may lag the clock (the kernel's
/// coarse timestamps: a timer tick, 4 ms at HZ=250).
constexpr auto ClockTick = std::chrono::milliseconds(20);

std::string hex16(uint64_t V) {
  std::string H = llvm::utohexstr(V, /*LowerCase=*/true);
  return std::string(16 - H.size(), '0') + H;
}

bool isEntryName(llvm::StringRef Name) {
  if (!Name.consume_back(".json"))
    return false;
  return Name.size() == 16 && llvm::all_of(Name, [](char C) {
           return llvm::isDigit(C) || (C >= 'a' && C <= 'f');
         });
}

bool isTempName(llvm::StringRef Name) {
  // "<16 hex>.json.XXXXXX.tmp", as write() makes them.
  return Name.size() == 16 + 5 + 7 + 4 && isEntryName(Name.take_front(21)) &&
         Name.ends_with(".tmp");
}

int64_t nanos(llvm::sys::TimePoint<> T) {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             T.time_since_epoch())
      .count();
}

std::optional<uint64_t> contentHash(const std::string &Path) {
  auto Buf = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                         /*RequiresNullTerminator=*/false);
  if (!Buf)
    return std::nullopt;
  return llvm::xxh3_64bits((*Buf)->getBuffer());
}

/// Path, size and modification time of every file under \p Dir, sorted.
std::string treeStamp(const std::string &Dir) {
  std::vector<std::string> Entries;
  std::error_code EC;
  for (fs::recursive_directory_iterator I(Dir, EC), E; I != E && !EC;
       I.increment(EC)) {
    fs::file_status S;
    if (fs::status(I->path(), S) || !fs::is_regular_file(S))
      continue;
    Entries.push_back(I->path() + "|" + std::to_string(S.getSize()) + "|" +
                      std::to_string(nanos(S.getLastModificationTime())));
  }
  std::sort(Entries.begin(), Entries.end());
  std::string Out;
  for (const std::string &E : Entries)
    Out += E + "\n";
  return Out;
}

/// This executable's path, size and modification time: a rebuilt gradlint
/// never reads its predecessor's results.
std::string buildStamp() {
  std::string Exe = fs::getMainExecutable(nullptr, nullptr);
  fs::file_status S;
  if (Exe.empty() || fs::status(Exe, S))
    return "unknown build";
  return Exe + "|" + std::to_string(S.getSize()) + "|" +
         std::to_string(nanos(S.getLastModificationTime()));
}

/// Marks an entry used, so that dropOld keeps it.
void touch(const std::string &Path) {
  int FD = -1;
  if (fs::openFileForWrite(Path, FD, fs::CD_OpenExisting, fs::OF_Append))
    return;
  (void)fs::setLastAccessAndModificationTime(FD,
                                             std::chrono::system_clock::now());
  llvm::sys::Process::SafelyCloseFileDescriptor(FD);
}

/// Drops the cache's own entries and temporaries unused for a week.
void dropOld(const std::string &Dir) {
  std::error_code EC;
  auto Now = std::chrono::system_clock::now();
  for (fs::directory_iterator I(Dir, EC), E; I != E && !EC; I.increment(EC)) {
    llvm::StringRef Name = path::filename(I->path());
    if (!isEntryName(Name) && !isTempName(Name))
      continue;
    fs::file_status S;
    if (fs::status(I->path(), S, /*Follow=*/false) || !fs::is_regular_file(S))
      continue;
    if (Now - S.getLastModificationTime() > std::chrono::hours(24 * 7))
      fs::remove(I->path());
  }
}

std::string entryPath(const std::string &Dir, const std::string &Key) {
  llvm::SmallString<256> P(Dir);
  path::append(P, hex16(llvm::xxh3_64bits(llvm::StringRef(Key))) + ".json");
  return std::string(P);
}

/// Reads an entry: a regular file, bounded, JSON with the format tag and
/// exactly \p Key; anything else is none.
std::optional<Object> readEntry(const std::string &Dir, const std::string &Key,
                                llvm::StringRef Format) {
  std::string P = entryPath(Dir, Key);
  if (!fs::exists(P))
    return std::nullopt;
  StatusOr<std::string> Text = readBoundedFile(P, InputLimits::ModelJsonBytes);
  if (!Text || !checkJsonDepth(*Text))
    return std::nullopt;
  llvm::Expected<Value> V = llvm::json::parse(*Text);
  if (!V) {
    llvm::consumeError(V.takeError());
    return std::nullopt;
  }
  Object *O = V->getAsObject();
  if (!O || O->getString("format") != Format ||
      O->getInteger("version") != EntryVersion || O->getString("key") != Key)
    return std::nullopt;
  return std::move(*O);
}

/// Writes an entry whole: a temporary file beside it, renamed over it.
void writeEntry(const std::string &Dir, const std::string &Key,
                const Value &Entry) {
  if (fs::create_directories(Dir))
    return;
  std::string P = entryPath(Dir, Key);
  llvm::SmallString<256> Tmp;
  int FD = -1;
  if (fs::createUniqueFile(P + ".%%%%%%.tmp", FD, Tmp))
    return;
  bool Ok;
  {
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << llvm::formatv("{0}", Entry) << "\n";
    OS.close();
    Ok = !OS.has_error();
    OS.clear_error();
  }
  if (!Ok || fs::rename(Tmp, P))
    fs::remove(Tmp);
}

/// The compile command as a key: gradlint's own PCH is a cache artifact
/// that changes nothing found (the same findings with and without it), so
/// it stays out: a cached result is found whether or not the PCH was built
/// yet, or is still in the cache.
std::string commandKey(const FileCommand &C) {
  std::string K = C.Directory + "\n" + C.File + "\n";
  for (size_t I = 0; I < C.Args.size(); ++I) {
    if (!C.Pch.empty() && C.Args[I] == "-include-pch" &&
        I + 1 < C.Args.size() && C.Args[I + 1] == C.Pch) {
      ++I;
      continue;
    }
    K += C.Args[I] + "\n";
  }
  return K;
}

} // namespace

ResultCache::ResultCache(bool Enabled, const std::string &ApiDir) {
  if (!Enabled)
    return;
  Root = cacheDir();
  if (Root.empty())
    return;
  std::string Id = std::string("gradlint ") + GRADLINT_VERSION + "\n" +
                   buildStamp() + "\n" + clang::getClangFullVersion() +
                   "\napi " + ApiDir + "\n" +
                   (ApiDir.empty() ? "" : treeStamp(ApiDir));
  Identity = "identity " + hex16(llvm::xxh3_64bits(llvm::StringRef(Id))) +
             "\n";
  for (const char *Sub : {"facts", "probe"}) {
    llvm::SmallString<256> D(Root);
    path::append(D, Sub);
    dropOld(std::string(D));
  }
}

std::string ResultCache::keyText(const FileCommand &C) const {
  // JSON strings are UTF-8; a command from a repository need not be.
  return llvm::json::fixUTF8("facts\n" + Identity + commandKey(C));
}

std::optional<FileResult> ResultCache::lookup(const FileCommand &C) const {
  if (!enabled())
    return std::nullopt;
  llvm::SmallString<256> Dir(Root);
  path::append(Dir, "facts");
  std::string Key = keyText(C);
  std::optional<Object> E = readEntry(std::string(Dir), Key, "gradlint-facts-cache");
  if (!E)
    return std::nullopt;
  const Array *Inputs = E->getArray("inputs");
  const Array *Absent = E->getArray("absent");
  const Value *Result = E->get("result");
  if (!Inputs || !Absent || !Result)
    return std::nullopt;
  for (const Value &In : *Inputs) {
    const Object *I = In.getAsObject();
    if (!I)
      return std::nullopt;
    std::optional<llvm::StringRef> P = I->getString("path");
    std::optional<int64_t> Size = I->getInteger("size");
    std::optional<int64_t> MTime = I->getInteger("mtime");
    std::optional<llvm::StringRef> Hash = I->getString("hash");
    std::optional<bool> Racy = I->getBoolean("racy");
    if (!P || !Size || !MTime || !Hash || !Racy)
      return std::nullopt;
    fs::file_status S;
    if (fs::status(*P, S) || !fs::is_regular_file(S) ||
        static_cast<int64_t>(S.getSize()) != *Size)
      return std::nullopt;
    if (!*Racy && nanos(S.getLastModificationTime()) == *MTime)
      continue;
    // Touched, or too new to trust its time: the bytes decide.
    std::optional<uint64_t> H = contentHash(P->str());
    if (!H || hex16(*H) != *Hash)
      return std::nullopt;
  }
  for (const Value &A : *Absent) {
    std::optional<llvm::StringRef> P = A.getAsString();
    if (!P || fs::exists(*P))
      return std::nullopt;
  }
  StatusOr<FileResult> R = fileResultFromJson(*Result);
  if (!R)
    return std::nullopt;
  // Used: kept another week.
  touch(entryPath(std::string(Dir), Key));
  return std::move(*R);
}

void ResultCache::store(const FileCommand &C, const FileResult &R,
                        std::chrono::system_clock::time_point ParseStart) const {
  if (!enabled())
    return;
  Array Inputs;
  std::vector<std::string> Files = R.Inputs;
  std::sort(Files.begin(), Files.end());
  Files.erase(std::unique(Files.begin(), Files.end()), Files.end());
  // gradlint's own PCH is named by its content, and its inputs are listed
  // themselves: hashing it would only cost time.
  const std::string &Pch = C.Pch;
  for (const std::string &P : Files) {
    if (P == Pch)
      continue;
    fs::file_status S;
    std::optional<uint64_t> H = contentHash(P);
    // An input that cannot be read now cannot be checked later.
    if (fs::status(P, S) || !fs::is_regular_file(S) || !H)
      return;
    auto MTime = S.getLastModificationTime();
    // Written while the parse ran (file times lag the clock by up to a
    // timer tick): the facts may be of the old bytes or the new.
    if (MTime + ClockTick >= ParseStart)
      return;
    bool Racy = MTime + RacyWindow > ParseStart;
    Inputs.push_back(Object{{"path", P},
                            {"size", static_cast<int64_t>(S.getSize())},
                            {"mtime", nanos(MTime)},
                            {"hash", hex16(*H)},
                            {"racy", Racy}});
  }
  Array Absent;
  for (const std::string &P : R.Absent)
    Absent.push_back(P);
  std::string Key = keyText(C);
  Value Entry = Object{{"format", "gradlint-facts-cache"},
                       {"version", EntryVersion},
                       {"key", Key},
                       {"inputs", std::move(Inputs)},
                       {"absent", std::move(Absent)},
                       {"result", fileResultToJson(R)}};
  llvm::SmallString<256> Dir(Root);
  path::append(Dir, "facts");
  writeEntry(std::string(Dir), Key, Entry);
}

std::optional<std::string>
ResultCache::lookupProbe(const std::string &Key) const {
  if (!enabled())
    return std::nullopt;
  llvm::SmallString<256> Dir(Root);
  path::append(Dir, "probe");
  std::string Full = llvm::json::fixUTF8("probe\n" + Identity + Key);
  std::optional<Object> E =
      readEntry(std::string(Dir), Full, "gradlint-probe-cache");
  if (!E)
    return std::nullopt;
  std::optional<llvm::StringRef> V = E->getString("value");
  if (!V)
    return std::nullopt;
  touch(entryPath(std::string(Dir), Full));
  return V->str();
}

void ResultCache::storeProbe(const std::string &Key,
                             const std::string &Value) const {
  if (!enabled())
    return;
  llvm::SmallString<256> Dir(Root);
  path::append(Dir, "probe");
  std::string Full = llvm::json::fixUTF8("probe\n" + Identity + Key);
  writeEntry(std::string(Dir), Full,
             Object{{"format", "gradlint-probe-cache"},
                    {"version", EntryVersion},
                    {"key", Full},
                    {"value", Value}});
}

} // namespace gradlint::lint
