//===- lint/driver/ApiPch.cpp - Precompiled bundled API model -------------===//

#include "lint/driver/ApiPch.h"
#include "lint/driver/PchCache.h"
#include "lint/driver/PchFlags.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"

namespace gradlint::lint {

namespace fs = llvm::sys::fs;
namespace path = llvm::sys::path;

std::string apiPch(const std::string &ApiDir, const std::string &Directory,
                   const std::vector<std::string> &Args) {
  if (ApiDir.empty() || llvm::sys::Process::GetEnv("GRADLINT_NO_PCH"))
    return "";
  // The model's headers include only each other and the standard library:
  // of the include folders only the model's own shapes the PCH.
  std::optional<std::vector<std::string>> Flags =
      pchFlags(Args, Directory, [&](llvm::StringRef D) {
        return fs::equivalent(D, ApiDir);
      });
  if (!Flags)
    return "";
  PchSpec S;
  S.Kind = "api";
  S.KeyText = ApiDir;
  S.Flags = std::move(*Flags);
  llvm::SmallString<256> Header(ApiDir);
  path::append(Header, "torch", "torch.h");
  S.HeaderPath = std::string(Header);
  return cachedPch(S);
}

} // namespace gradlint::lint
