//===- fuzz/model_json_fuzzer.cpp - The model JSON reader and its users ---===//
//
// Any bytes as a model JSON: the reader must refuse or accept them without
// a crash, and an accepted program must survive every check and a dump.
// (The probe is left out: it trains networks, which is slow, not unsafe.)
//
//===----------------------------------------------------------------------===//

#include "lint/report/IrJson.h"
#include "rules/Registry.h"

#include "llvm/Support/raw_ostream.h"

#include <cstddef>
#include <cstdint>

using namespace gradlint;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  StatusOr<ir::Program> P = lint::programFromJson(Text);
  if (!P)
    return 0;
  ir::resolveSubmodules(*P);
  rules::Context Ctx(*P);
  rules::OptionMap NoOptions;
  std::vector<std::string> Errors;
  for (const rules::CheckInfo &Info : rules::allChecks())
    if (std::unique_ptr<rules::Check> C =
            rules::createCheck(Info.Name, NoOptions, Errors))
      C->check(Ctx);
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  OS << lint::programToJson(*P);
  return 0;
}
