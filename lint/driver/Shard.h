//===- lint/driver/Shard.h - Stable slices of a file list ------*- C++ -*-===//
//
// `gradlint extract --shard=K/N` on N machines must cover every file once,
// whatever each machine's checkout path: files are ordered by their path
// relative to the compile database's folder (or the current directory), and
// shard K takes every N-th of them from the K-th on.
//
//===----------------------------------------------------------------------===//

#ifndef GRADLINT_LINT_DRIVER_SHARD_H
#define GRADLINT_LINT_DRIVER_SHARD_H

#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace gradlint::lint {

/// \p Path relative to \p Base, both absolute and without dot segments:
/// "src/a.cpp", "../src/a.cpp"; "." for \p Base itself.
std::string relativePath(llvm::StringRef Path, llvm::StringRef Base);

/// The indices into \p Files (absolute paths) of shard \p K of \p N
/// (1 <= K <= N), in the files' order.
std::vector<size_t> shardSlice(const std::vector<std::string> &Files,
                               llvm::StringRef Base, unsigned K, unsigned N);

/// The facts file's name for a source at \p AbsolutePath: a hash of the
/// path, never the path itself ("3f2a...e1.facts.json").
std::string factsFileName(llvm::StringRef AbsolutePath);

} // namespace gradlint::lint

#endif // GRADLINT_LINT_DRIVER_SHARD_H
