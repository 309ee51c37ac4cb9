//===- lint/driver/ResultCache.h - Results kept between runs ---*- C++ -*-===//
//
// An unchanged file is not parsed again: its FileResult is stored under a
// key of everything that decides it (this gradlint build, the API model, the
// file and its compile command), with the path, size, modification time
// and content hash of every file the parse read, and where each missing
// header was looked for. A stored result is used only when all of those
// still match; anything else (another key, a changed input, a header that
// appeared, a truncated, foreign or unreadable entry) is a miss, and the
// file is parsed and the entry rewritten. Probe verdicts are kept the same
// way under a key of the merged model IR, the findings' claims and the
// probe's options.
//
// Entries live under the cache root (CacheDir.h) in facts/ and probe/,
// each written to a temporary file and renamed into place, so concurrent
// runs never see a half-written entry. Entries unused for a week go.
//
//===----------------------------------------------------------------------===//

#ifndef GRADLINT_LINT_DRIVER_RESULTCACHE_H
#define GRADLINT_LINT_DRIVER_RESULTCACHE_H

#include "lint/driver/CompileCommands.h"
#include "lint/driver/Frontend.h"

#include <chrono>
#include <optional>
#include <string>

namespace gradlint::lint {

class ResultCache {
public:
  /// A cache under cacheDir(), or a disabled one (every lookup misses,
  /// nothing is written) when \p Enabled is false or there is no cache
  /// root. \p ApiDir is the bundled API model in use ("" for none): part of
  /// every key.
  ResultCache(bool Enabled, const std::string &ApiDir);

  bool enabled() const { return !Root.empty(); }

  /// The stored result for \p C, if every input still matches.
  std::optional<FileResult> lookup(const FileCommand &C) const;
  /// Stores \p R for \p C, parsed from \p ParseStart on. Nothing is stored
  /// if an input changed during the parse (the facts may be of either
  /// version); failures (a full disk, a read-only cache) are ignored: the
  /// cache is an optimisation.
  void store(const FileCommand &C, const FileResult &R,
             std::chrono::system_clock::time_point ParseStart) const;

  /// Probe verdicts: \p Value stored for \p Key (any text) and read back.
  std::optional<std::string> lookupProbe(const std::string &Key) const;
  void storeProbe(const std::string &Key, const std::string &Value) const;

  /// The key text of \p C: exposed for tests.
  std::string keyText(const FileCommand &C) const;

private:
  std::string Root;
  /// This build, the compiler version and the API model's stamps.
  std::string Identity;
};

} // namespace gradlint::lint

#endif // GRADLINT_LINT_DRIVER_RESULTCACHE_H
