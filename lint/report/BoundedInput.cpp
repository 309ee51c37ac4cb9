//===- lint/report/BoundedInput.cpp - Inputs read within limits -----------===//

#include "lint/report/BoundedInput.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"

namespace gradlint::lint {

namespace fs = llvm::sys::fs;

StatusOr<std::string> readBoundedFile(const std::string &Path,
                                      uint64_t MaxBytes) {
  // The type is checked on the opened descriptor, not the name, so a file
  // swapped for a FIFO in between is still caught. Opening a FIFO for
  // reading would block until a writer comes: look at the name first.
  fs::file_status Named;
  if (std::error_code EC = fs::status(Path, Named))
    return Status::error(Path + ": " + EC.message());
  if (fs::is_directory(Named))
    return Status::error(Path + ": is a directory");
  if (!fs::is_regular_file(Named))
    return Status::error(Path + ": not a regular file");
  llvm::Expected<fs::file_t> FD = fs::openNativeFileForRead(Path);
  if (!FD)
    return Status::error(Path + ": " + llvm::toString(FD.takeError()));
  fs::file_status Opened;
  std::error_code EC = fs::status(*FD, Opened);
  if (EC || !fs::is_regular_file(Opened)) {
    fs::closeFile(*FD);
    return Status::error(Path + ": " +
                         (EC ? EC.message() : "not a regular file"));
  }
  if (Opened.getSize() > MaxBytes) {
    fs::closeFile(*FD);
    return Status::error(Path + ": " + std::to_string(Opened.getSize()) +
                         " bytes, over the limit of " +
                         std::to_string(MaxBytes));
  }
  auto Buf = llvm::MemoryBuffer::getOpenFile(*FD, Path, Opened.getSize(),
                                             /*RequiresNullTerminator=*/false);
  fs::closeFile(*FD);
  if (!Buf)
    return Status::error(Path + ": " + Buf.getError().message());
  // A file that grew after the stat is cut at the size read: the limit
  // holds either way.
  return (*Buf)->getBuffer().take_front(MaxBytes).str();
}

Status checkJsonDepth(llvm::StringRef Json, unsigned MaxDepth) {
  unsigned Depth = 0, Line = 1;
  size_t LineStart = 0;
  bool InString = false;
  for (size_t I = 0; I < Json.size(); ++I) {
    char C = Json[I];
    if (InString) {
      if (C == '\\')
        ++I;
      else if (C == '"')
        InString = false;
      else if (C == '\n')
        ++Line, LineStart = I + 1;
      continue;
    }
    switch (C) {
    case '"':
      InString = true;
      break;
    case '\n':
      ++Line;
      LineStart = I + 1;
      break;
    case '[':
    case '{':
      if (++Depth > MaxDepth)
        return Status::error("[" + std::to_string(Line) + ":" +
                             std::to_string(I - LineStart + 1) +
                             ", byte=" + std::to_string(I) +
                             "]: Nesting deeper than " +
                             std::to_string(MaxDepth) + " levels");
      break;
    case ']':
    case '}':
      if (Depth)
        --Depth;
      break;
    default:
      break;
    }
  }
  return Status::ok();
}

} // namespace gradlint::lint
