//===- lint/driver/ApiPch.h - Precompiled bundled API model ----*- C++ -*-===//
//
// Parsing the bundled API model (and the C++ standard headers under it)
// is most of the time of a gradlint run on one file. A precompiled header
// of lint/api/torch/torch.h, built once per flag set into the PCH cache
// (PchCache.h) and passed as -include-pch, halves it.
//
//===----------------------------------------------------------------------===//

#ifndef GRADLINT_LINT_DRIVER_APIPCH_H
#define GRADLINT_LINT_DRIVER_APIPCH_H

#include <string>
#include <vector>

namespace gradlint::lint {

/// The path of a precompiled header of \p ApiDir's torch/torch.h built with
/// the flags of \p Args (a compile command run in \p Directory, compiler
/// first), or "" when there is none to be had: no cache directory, no
/// clang++ 19, a failed build, a forced include, or GRADLINT_NO_PCH set.
/// Never fails the run.
///
/// Keyed on what changes the model's meaning (PchFlags.h): the project's
/// own include folders are not, so files in many folders share one PCH.
std::string apiPch(const std::string &ApiDir, const std::string &Directory,
                   const std::vector<std::string> &Args);

} // namespace gradlint::lint

#endif // GRADLINT_LINT_DRIVER_APIPCH_H
