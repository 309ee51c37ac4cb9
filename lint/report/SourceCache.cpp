//===- lint/report/SourceCache.cpp - Source text by file and line ---------===//

#include "lint/report/SourceCache.h"

#include "llvm/Support/FileSystem.h"

namespace gradlint::lint {

static constexpr uint64_t MaxSourceBytes = uint64_t(64) << 20;

SourceCache::Entry *SourceCache::get(llvm::StringRef File) {
  auto It = Files.find(File);
  if (It != Files.end())
    return It->second.get();
  auto E = std::make_unique<Entry>();
  // Locations may come from a model JSON: only a regular file of a sane
  // size is read (not /dev/zero, not a FIFO that would block).
  llvm::sys::fs::file_status St;
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Buf =
      std::make_error_code(std::errc::invalid_argument);
  if (!llvm::sys::fs::status(File, St) &&
      llvm::sys::fs::is_regular_file(St) && St.getSize() <= MaxSourceBytes)
    Buf = llvm::MemoryBuffer::getFile(File, /*IsText=*/true);
  if (Buf) {
    E->Buffer = std::move(*Buf);
    llvm::StringRef T = E->Buffer->getBuffer();
    E->LineStarts.push_back(0);
    for (size_t I = 0; I < T.size(); ++I)
      if (T[I] == '\n')
        E->LineStarts.push_back(I + 1);
  }
  Entry *Raw = E.get();
  Files[File] = std::move(E);
  return Raw;
}

std::optional<llvm::StringRef> SourceCache::text(llvm::StringRef File) {
  Entry *E = get(File);
  if (!E->Buffer)
    return std::nullopt;
  return E->Buffer->getBuffer();
}

std::optional<llvm::StringRef> SourceCache::line(llvm::StringRef File,
                                                 unsigned Line) {
  Entry *E = get(File);
  if (!E->Buffer || Line == 0 || Line > E->LineStarts.size())
    return std::nullopt;
  llvm::StringRef T = E->Buffer->getBuffer();
  size_t Start = E->LineStarts[Line - 1];
  if (Start >= T.size() && Line > 1)
    return std::nullopt;
  size_t End = T.find('\n', Start);
  llvm::StringRef L = T.slice(Start, End == llvm::StringRef::npos ? T.size() : End);
  return L.rtrim('\r');
}

void SourceCache::invalidate(llvm::StringRef File) { Files.erase(File); }

} // namespace gradlint::lint
