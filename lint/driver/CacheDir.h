//===- lint/driver/CacheDir.h - Where gradlint caches things ---*- C++ -*-===//

#ifndef GRADLINT_LINT_DRIVER_CACHEDIR_H
#define GRADLINT_LINT_DRIVER_CACHEDIR_H

#include <string>

namespace gradlint::lint {

/// The directory gradlint's caches live in: GRADLINT_CACHE_DIR (made
/// absolute; empty means no cache), else an absolute $XDG_CACHE_HOME/gradlint
/// or $HOME/.cache/gradlint, else "" (no cache). An empty or relative
/// XDG_CACHE_HOME or HOME is ignored, as the XDG base directory
/// specification says, so a cache never lands in the current directory.
std::string cacheDir();

} // namespace gradlint::lint

#endif // GRADLINT_LINT_DRIVER_CACHEDIR_H
