//===- fuzz/baseline_fuzzer.cpp - The --baseline reader -------------------===//

#include "lint/report/Baseline.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  (void)gradlint::lint::parseBaseline(Text, "baseline.json");
  return 0;
}
