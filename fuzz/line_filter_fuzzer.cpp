//===- fuzz/line_filter_fuzzer.cpp - The --line-filter reader -------------===//

#include "lint/driver/LineFilter.h"

#include <cstddef>
#include <cstdint>

using namespace gradlint;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::string Text(reinterpret_cast<const char *>(Data), Size);
  StatusOr<lint::LineFilter> F = lint::LineFilter::fromJson(Text);
  if (!F)
    return 0;
  ir::Finding Probe;
  Probe.Loc.File = "src/net.cpp";
  Probe.Loc.Line = 12;
  (void)F->accepts(Probe);
  return 0;
}
