//===- lint/report/SourceCache.h - Source text by file and line -*- C++ -*-===//

#ifndef GRADLINT_LINT_REPORT_SOURCECACHE_H
#define GRADLINT_LINT_REPORT_SOURCECACHE_H

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/MemoryBuffer.h"

#include <memory>
#include <optional>
#include <vector>

namespace gradlint::lint {

/// Reads each source file once; hands out its text and lines.
class SourceCache {
public:
  /// The whole file, or nullopt if it cannot be read.
  std::optional<llvm::StringRef> text(llvm::StringRef File);
  /// Line \p Line (1-based) without its newline, or nullopt.
  std::optional<llvm::StringRef> line(llvm::StringRef File, unsigned Line);
  /// Forgets a file (after --fix rewrote it).
  void invalidate(llvm::StringRef File);

private:
  struct Entry {
    std::unique_ptr<llvm::MemoryBuffer> Buffer;
    std::vector<size_t> LineStarts;
  };
  Entry *get(llvm::StringRef File);
  llvm::StringMap<std::unique_ptr<Entry>> Files;
};

} // namespace gradlint::lint

#endif // GRADLINT_LINT_REPORT_SOURCECACHE_H
