//===- fuzz/config_fuzzer.cpp - The .clang-tidy reader --------------------===//

#include "lint/driver/Config.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  (void)gradlint::lint::parseConfig(Text, ".clang-tidy");
  return 0;
}
