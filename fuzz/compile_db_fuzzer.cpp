//===- fuzz/compile_db_fuzzer.cpp - compile_commands.json and its flags ---===//
//
// Any bytes as a compilation database; every command it yields goes
// through the flag allow-list, which must keep the compiler first and be
// stable: its output passes through it unchanged.
//
//===----------------------------------------------------------------------===//

#include "lint/driver/SafeArgs.h"

#include "clang/Tooling/JSONCompilationDatabase.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  std::string Err;
  std::unique_ptr<clang::tooling::JSONCompilationDatabase> DB =
      clang::tooling::JSONCompilationDatabase::loadFromBuffer(
          Text, Err, clang::tooling::JSONCommandLineSyntax::AutoDetect);
  if (!DB)
    return 0;
  for (const clang::tooling::CompileCommand &C : DB->getAllCompileCommands()) {
    std::vector<std::string> Safe =
        gradlint::lint::safeCompileArgs(C.CommandLine,
                                        gradlint::lint::InputArgs::Keep);
    if (!C.CommandLine.empty() &&
        (Safe.empty() || Safe.front() != C.CommandLine.front()))
      std::abort();
    // What is kept is kept again: nothing in it is outside the list, and
    // a value cannot turn into a flag when clang reads it a second time.
    if (gradlint::lint::safeCompileArgs(Safe, gradlint::lint::InputArgs::Keep) !=
        Safe)
      std::abort();
  }
  return 0;
}
