//===- lint/driver/CacheDir.cpp - Where gradlint caches -------------------===//

#include "lint/driver/CacheDir.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"

#include <optional>

namespace gradlint::lint {

namespace fs = llvm::sys::fs;
namespace path = llvm::sys::path;

/// An absolute directory from \p Var, or none.
static std::optional<std::string> absoluteEnv(const char *Var) {
  std::optional<std::string> V = llvm::sys::Process::GetEnv(Var);
  if (!V || V->empty() || !path::is_absolute(*V))
    return std::nullopt;
  return V;
}

std::string cacheDir() {
  // A directory the user names explicitly may be relative, but not empty.
  if (std::optional<std::string> D =
          llvm::sys::Process::GetEnv("GRADLINT_CACHE_DIR")) {
    if (D->empty())
      return "";
    llvm::SmallString<256> P(*D);
    fs::make_absolute(P);
    return std::string(P);
  }
  llvm::SmallString<256> P;
  if (std::optional<std::string> X = absoluteEnv("XDG_CACHE_HOME"))
    P = *X;
  else if (std::optional<std::string> H = absoluteEnv("HOME")) {
    P = *H;
    path::append(P, ".cache");
  } else {
    return "";
  }
  path::append(P, "gradlint");
  return std::string(P);
}

} // namespace gradlint::lint
