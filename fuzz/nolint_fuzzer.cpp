//===- fuzz/nolint_fuzzer.cpp - NOLINT comments in a source file ----------===//
//
// Any bytes as the text of a source file that holds findings: the NOLINT
// scanner, the BEGIN/END matching and the check-glob matching must end in
// time linear in the text (the sources come from untrusted repositories).
// The findings are on the first lines, one per check, so every directive
// kind and glob list meets some check name.
//
//===----------------------------------------------------------------------===//

#include "lint/driver/Nolint.h"
#include "rules/Registry.h"

#include <cstddef>
#include <cstdint>

using namespace gradlint;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  std::vector<ir::Finding> Findings;
  unsigned Line = 1;
  for (const rules::CheckInfo &Info : rules::allChecks()) {
    ir::Finding X;
    X.Check = Info.Name;
    X.Loc.File = "net.cpp";
    X.Loc.Line = Line++;
    Findings.push_back(X);
  }
  lint::applyNolint(Findings, [&](llvm::StringRef File)
                                  -> std::optional<llvm::StringRef> {
    if (File == "net.cpp")
      return Text;
    return std::nullopt;
  });
  return 0;
}
