//===- lint/driver/ApiPch.h - Precompiled bundled API model ----*- C++ -*-===//
//
// Parsing the bundled API model (and the C++ standard headers under it)
// is most of the time of a gradlint run on one file. A precompiled header
// of lint/api/torch/torch.h, built once per compiler flag set into a cache
// and passed as -include-pch, halves it.
//
//===----------------------------------------------------------------------===//

#ifndef GRADLINT_LINT_DRIVER_APIPCH_H
#define GRADLINT_LINT_DRIVER_APIPCH_H

#include <string>
#include <vector>

namespace gradlint::lint {

/// The path of a precompiled header of \p ApiDir's torch/torch.h built with
/// the flags of \p Args (a compile command for \p File, compiler first), or
/// "" when there is none to be had: no cache directory, no clang++ 19, a
/// failed build, or GRADLINT_NO_PCH set. Never fails the run.
///
/// The cache key covers the compiler version, every flag that is not the
/// input or output, and the path, size and modification time of every API
/// header, so a stale header can never be used (Clang rejects a PCH whose
/// inputs changed). Builds go to a temporary file renamed into place, so
/// parallel runs share the cache safely; the name also carries the hash of
/// the file's bytes, checked before each use, so a truncated or replaced
/// PCH is rebuilt rather than failing every run. Only allow-listed flags
/// reach the compiler (SafeArgs.h). The cache lives in GRADLINT_CACHE_DIR,
/// else an absolute $XDG_CACHE_HOME/gradlint or $HOME/.cache/gradlint, else
/// nowhere; it only ever deletes its own files.
std::string apiPch(const std::string &ApiDir, const std::string &File,
                   const std::vector<std::string> &Args);

} // namespace gradlint::lint

#endif // GRADLINT_LINT_DRIVER_APIPCH_H
