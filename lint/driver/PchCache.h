//===- lint/driver/PchCache.h - Cached precompiled headers -----*- C++ -*-===//
//
// Parsing the framework headers (the bundled API model, or the real
// LibTorch headers at 20-30 s a file) is most of the time of a gradlint run.
// A precompiled header, built once into a cache and passed as -include-pch,
// takes that away. The cache must never hurt:
//
//  - An entry is "<kind>-<key>-<content>.pch" with "<kind>-<key>-<content>.dep"
//    beside it: the key hashes what changes the header's meaning, <content>
//    is the hash of the PCH's bytes, and the .dep file lists the path, size
//    and modification time of every header the PCH read. An entry is used
//    only if its bytes still hash to its name and every header is unchanged;
//    otherwise it is removed and rebuilt, never trusted.
//  - Builds write temporaries renamed into place, so parallel runs building
//    the same entry cannot corrupt it; a lock ("<kind>-<key>.lock", flock)
//    makes them wait for one build instead of each doing it.
//  - A failed build is remembered ("<kind>-<key>.fail", with the stamps of
//    the headers it read as far as clang listed them): the runs after it
//    do not pay for the same failure while the key and those headers stay
//    the same, for at most a day (a header that was not found may have
//    been installed since, which no stamp shows).
//  - Only allow-listed flags reach the compiler (PchFlags.h, SafeArgs.h).
//  - The cache stays small: at most GRADLINT_CACHE_MAX bytes of entries
//    (default 2G), the least recently used removed first, and nothing unused
//    for a week. It only ever deletes files named as its own.
//
//===----------------------------------------------------------------------===//

#ifndef GRADLINT_LINT_DRIVER_PCHCACHE_H
#define GRADLINT_LINT_DRIVER_PCHCACHE_H

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <string>
#include <vector>

namespace gradlint::lint {

/// What to precompile and what it is keyed on.
struct PchSpec {
  /// The entries' name prefix: "api" or "real".
  std::string Kind;
  /// Everything that changes the header's meaning, beyond the compiler's
  /// version and the build flags (both added to the key).
  std::string KeyText;
  /// The build's flags (allow-listed, no input, no output).
  std::vector<std::string> Flags;
  /// The header to precompile: a file, or else this text (fed on stdin,
  /// so the PCH refers to no file of the cache).
  std::string HeaderPath;
  std::string HeaderText;
  /// -fpch-instantiate-templates: the header's templates are instantiated
  /// once in the PCH instead of in every file.
  bool InstantiateTemplates = false;
  unsigned TimeoutSeconds = 120;
};

/// The path of a valid cached PCH for \p S, built if need be, or "" when
/// there is none to be had: no cache directory, no clang++ 19, a failed
/// build. Never fails the run.
std::string cachedPch(const PchSpec &S);

/// Removes \p Path (and its .dep) when it is one of the cache's own
/// entries: clang rejected it, so the next run rebuilds it.
void discardPch(const std::string &Path);

/// Whether \p Name (a file name, no folder) is one the cache writes: an
/// entry, its .dep, a temporary, the lock of a build or a failed build.
bool isOwnCacheFile(llvm::StringRef Name);

/// GRADLINT_CACHE_MAX ("500M", "2G", "1048576"), else 2 GiB.
uint64_t cacheMaxBytes();

/// Removes the cache's own files from \p Dir until its entries take at most
/// \p MaxBytes, least recently used first (never \p Keep), plus entries
/// unused for a week and temporaries of builds that died.
void boundCache(const std::string &Dir, uint64_t MaxBytes,
                const std::string &Keep);

} // namespace gradlint::lint

#endif // GRADLINT_LINT_DRIVER_PCHCACHE_H
