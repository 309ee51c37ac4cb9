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

/// The end of the JSON value starting at \p I (after whitespace): the index
/// of the ',' or closing bracket that follows it at its own level, or npos
/// if the text ends first.
static size_t valueEnd(llvm::StringRef T, size_t I) {
  unsigned Depth = 0;
  bool InString = false;
  for (; I < T.size(); ++I) {
    char C = T[I];
    if (InString) {
      if (C == '\\')
        ++I;
      else if (C == '"')
        InString = false;
      continue;
    }
    if (C == '"')
      InString = true;
    else if (C == '[' || C == '{')
      ++Depth;
    else if ((C == ']' || C == '}') && Depth)
      --Depth;
    else if ((C == ',' || C == ']' || C == '}') && !Depth)
      return I;
  }
  return llvm::StringRef::npos;
}

/// The items between \p Open and its closing bracket, split at top-level
/// commas; std::nullopt if \p T is not such a bracket pair.
static std::optional<std::vector<llvm::StringRef>> items(llvm::StringRef T,
                                                         char Open) {
  char Close = Open == '[' ? ']' : '}';
  T = T.trim();
  if (T.size() < 2 || T.front() != Open || T.back() != Close)
    return std::nullopt;
  std::vector<llvm::StringRef> Out;
  llvm::StringRef Body = T.drop_front().drop_back();
  if (Body.trim().empty())
    return Out;
  size_t I = 0;
  while (true) {
    size_t End = valueEnd(Body, I);
    llvm::StringRef Item = Body.slice(I, End).trim();
    if (Item.empty())
      return std::nullopt;
    Out.push_back(Item);
    if (End == llvm::StringRef::npos)
      return Out;
    if (Body[End] != ',')
      return std::nullopt;
    I = End + 1;
  }
}

std::optional<std::vector<std::pair<std::string, llvm::StringRef>>>
jsonObjectMembers(llvm::StringRef Object) {
  std::optional<std::vector<llvm::StringRef>> Items = items(Object, '{');
  if (!Items)
    return std::nullopt;
  std::vector<std::pair<std::string, llvm::StringRef>> Out;
  for (llvm::StringRef Item : *Items) {
    if (!Item.starts_with("\""))
      return std::nullopt;
    size_t Quote = 1;
    while (Quote < Item.size() && Item[Quote] != '"')
      Quote += Item[Quote] == '\\' ? 2 : 1;
    if (Quote >= Item.size())
      return std::nullopt;
    llvm::StringRef Rest = Item.drop_front(Quote + 1).ltrim();
    if (!Rest.consume_front(":"))
      return std::nullopt;
    Out.emplace_back(Item.slice(1, Quote).str(), Rest.trim());
  }
  return Out;
}

std::optional<std::vector<llvm::StringRef>> jsonArrayElements(llvm::StringRef Array) {
  return items(Array, '[');
}

} // namespace gradlint::lint
