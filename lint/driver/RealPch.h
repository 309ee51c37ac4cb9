//===- lint/driver/RealPch.h - Precompiled real LibTorch headers -*- C++ -*-===//
//
// With the real LibTorch headers, parsing torch/torch.h takes 20-30 s and
// most of a gigabyte for every file. A file that starts by including the
// LibTorch umbrella headers gets a precompiled header of exactly that start
// (built once with -fpch-instantiate-templates into the PCH cache,
// PchCache.h) and is parsed against it: about a second and a half.
//
// Only the start of the file goes into the PCH: the leading run of
// `#include <torch/...>` (or <ATen/...>, <c10/...>) lines, with the
// `#define`/`#undef` lines and standard library includes (<vector>) among
// them, before any other code. So a file that defines a macro before
// including torch gets a PCH of its own (the define is part of the PCH's
// text and key), and a file whose first code is anything else (a
// conditional, a project header) gets none. A standard header name that a
// project folder also holds means no PCH: the PCH does not see those
// folders.
//
//===----------------------------------------------------------------------===//

#ifndef GRADLINT_LINT_DRIVER_REALPCH_H
#define GRADLINT_LINT_DRIVER_REALPCH_H

#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>
#include <vector>

namespace gradlint::lint {

/// The text a real-header PCH of \p Source is built from: its leading
/// LibTorch includes and the defines and standard includes among them, up
/// to the last LibTorch include; none if the file does not start that way.
std::optional<std::string> torchPrelude(llvm::StringRef Source);

/// The path of a PCH of \p File's LibTorch prelude built with the flags of
/// \p Args (compiler first, run in \p Directory), or "" when there is none
/// to be had: no prelude, no folder that holds the LibTorch headers, a
/// forced include, a failed build, no cache, or GRADLINT_NO_PCH set. Keyed
/// on the compiler, the prelude, the flags that change its meaning (not the
/// project's own include folders: only those holding torch/, ATen/ or c10/)
/// and the stamps of every header it read. Never fails the run.
std::string realPch(const std::string &File, const std::string &Directory,
                    const std::vector<std::string> &Args);

} // namespace gradlint::lint

#endif // GRADLINT_LINT_DRIVER_REALPCH_H
