//===- lint/driver/PchFlags.h - The flags that shape a PCH -----*- C++ -*-===//
//
// A precompiled header is only as reusable as its key is small. What
// changes the meaning of the LibTorch headers (or the bundled API model) is
// the language and standard, the target, the defines and the dialect flags,
// and the folders the headers themselves are found in; a project's own
// include folders are not, so they neither reach the PCH build nor its key
// (a sweep over many folders then shares one PCH instead of building one a
// folder).
//
//===----------------------------------------------------------------------===//

#ifndef GRADLINT_LINT_DRIVER_PCHFLAGS_H
#define GRADLINT_LINT_DRIVER_PCHFLAGS_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>
#include <vector>

namespace gradlint::lint {

/// The flags of \p Args (a compile command, compiler first, run in
/// \p Directory) that a PCH of the framework headers is built with and keyed
/// on: the allow-listed flags (SafeArgs.h) without inputs, warnings or -x,
/// and of the include folders only those \p KeepDir accepts (given absolute,
/// and passed on absolute). None when the command force-includes a file
/// (-include, -imacros, -include-pch): what it defines comes before the
/// headers and is not part of the key, so such a command gets no PCH.
std::optional<std::vector<std::string>>
pchFlags(const std::vector<std::string> &Args, llvm::StringRef Directory,
         llvm::function_ref<bool(llvm::StringRef)> KeepDir);

/// Every folder \p Args searches for headers (-I, -isystem, -iquote,
/// -idirafter, ...), absolute, in order.
std::vector<std::string> searchDirs(const std::vector<std::string> &Args,
                                    llvm::StringRef Directory);

} // namespace gradlint::lint

#endif // GRADLINT_LINT_DRIVER_PCHFLAGS_H
