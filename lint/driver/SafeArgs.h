//===- lint/driver/SafeArgs.h - Allow-listed compile flags -----*- C++ -*-===//
//
// A compile command comes from files the user did not write for gradlint: a
// compile_commands.json found by the upward search in a cloned repository,
// or flags after `--` pasted from a build log. Every flag of it reaches a
// compiler gradlint runs: in process (the extraction) and as a subprocess
// (the API precompiled header). Flags that load code (-fplugin=, -Xclang
// -load) or write files (-MJ, -Wp,-MD, -save-temps, -o, module caches,
// time traces, crash reports) would do so on the user's machine without the
// user asking. So, as clangd does, only the flags that change how a header
// parses are kept: language and standard, include paths and forced
// includes, defines, warnings, target and machine flags, and the handful of
// -f flags that set language dialects or predefined macros.
//
//===----------------------------------------------------------------------===//

#ifndef GRADLINT_LINT_DRIVER_SAFEARGS_H
#define GRADLINT_LINT_DRIVER_SAFEARGS_H

#include <string>
#include <vector>

namespace gradlint::lint {

enum class InputArgs {
  /// Positional inputs stay (the in-process parse needs the file).
  Keep,
  /// Positional inputs go (the PCH build names its own input).
  Drop,
};

/// \p Args (compiler first) with every flag that is not on the allow-list
/// removed, unknown flags included, each kept flag in clang's canonical
/// spelling. The compiler name stays first. An empty \p Args stays empty.
std::vector<std::string> safeCompileArgs(const std::vector<std::string> &Args,
                                         InputArgs Inputs);

} // namespace gradlint::lint

#endif // GRADLINT_LINT_DRIVER_SAFEARGS_H
