//===- fuzz/config_fuzzer.cpp - The .clang-tidy reader --------------------===//
//
// Any bytes as a .clang-tidy: parsed, then used as the driver uses it (the
// Checks and WarningsAsErrors globs against every check name) and dumped.
//
//===----------------------------------------------------------------------===//

#include "lint/driver/Config.h"
#include "rules/Registry.h"

#include <cstddef>
#include <cstdint>

using namespace gradlint;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  StatusOr<lint::Config> C = lint::parseConfig(Text, ".clang-tidy");
  if (!C)
    return 0;
  for (const rules::CheckInfo &Info : rules::allChecks()) {
    if (C->Checks)
      (void)rules::globListMatches(*C->Checks, Info.Name, Info.DefaultOn);
    if (C->WarningsAsErrors)
      (void)rules::globListMatches(*C->WarningsAsErrors, Info.Name, false);
  }
  (void)lint::dumpConfig(*C);
  return 0;
}
