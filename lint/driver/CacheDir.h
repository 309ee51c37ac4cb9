//===- lint/driver/CacheDir.h - Where gradlint caches ----------*- C++ -*-===//
//
// One cache root for everything gradlint keeps between runs: the API-model
// PCH, per-file facts, probe verdicts.
//
//===----------------------------------------------------------------------===//

#ifndef GRADLINT_LINT_DRIVER_CACHEDIR_H
#define GRADLINT_LINT_DRIVER_CACHEDIR_H

#include <string>

namespace gradlint::lint {

/// The cache root: GRADLINT_CACHE_DIR (made absolute; set but empty means
/// no cache), else an absolute $XDG_CACHE_HOME/gradlint, else an absolute
/// $HOME/.cache/gradlint, else "" (no cache). A relative XDG_CACHE_HOME or
/// HOME is ignored, as the XDG base directory specification says, so the
/// cache never lands in the current directory.
std::string cacheDir();

} // namespace gradlint::lint

#endif // GRADLINT_LINT_DRIVER_CACHEDIR_H
