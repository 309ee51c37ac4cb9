//===- lint/driver/RealPch.cpp - Precompiled real LibTorch headers --------===//

#include "lint/driver/RealPch.h"
#include "lint/driver/PchCache.h"
#include "lint/driver/PchFlags.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"

namespace gradlint::lint {

namespace fs = llvm::sys::fs;
namespace path = llvm::sys::path;

/// The LibTorch header trees: a folder holding one of them resolves the
/// framework's own includes.
static const char *const TorchTrees[] = {"torch", "ATen", "c10"};

/// The header an `#include <...>` line (after the '#') names.
static std::optional<llvm::StringRef> angleInclude(llvm::StringRef Directive) {
  if (!Directive.consume_front("include"))
    return std::nullopt;
  Directive = Directive.ltrim(" \t");
  if (!Directive.consume_front("<"))
    return std::nullopt;
  size_t Close = Directive.find('>');
  if (Close == llvm::StringRef::npos)
    return std::nullopt;
  llvm::StringRef Header = Directive.take_front(Close);
  llvm::StringRef Rest = Directive.drop_front(Close + 1).trim(" \t");
  if (Header.empty() || (!Rest.empty() && !Rest.starts_with("//")))
    return std::nullopt;
  return Header;
}

static bool isTorchHeader(llvm::StringRef Header) {
  for (const char *T : TorchTrees)
    if (Header.starts_with(std::string(T) + "/"))
      return true;
  return false;
}

/// A C++ standard library name (<vector>, <cstdio>): no folder, no
/// extension.
static bool isStdHeader(llvm::StringRef Header) {
  return llvm::all_of(Header, [](char C) {
    return llvm::isLower(C) || llvm::isDigit(C) || C == '_';
  });
}

/// The standard library headers \p Prelude includes.
static std::vector<std::string> stdHeaders(llvm::StringRef Prelude) {
  std::vector<std::string> Out;
  while (!Prelude.empty()) {
    auto [Line, Rest] = Prelude.split('\n');
    Prelude = Rest;
    std::optional<llvm::StringRef> H = angleInclude(Line.drop_front(1));
    if (H && isStdHeader(*H))
      Out.push_back(H->str());
  }
  return Out;
}

std::optional<std::string> torchPrelude(llvm::StringRef Source) {
  std::string Text, Pending;
  bool InComment = false;
  Source.consume_front("\xEF\xBB\xBF");
  while (!Source.empty()) {
    auto [Raw, Rest] = Source.split('\n');
    Source = Rest;
    llvm::StringRef Line = Raw.trim(" \t\r\f\v");
    // A backslash at the end splices the next line in (into a // comment,
    // too): what follows is not read line by line, so stop.
    if (Line.ends_with("\\"))
      break;
    if (InComment) {
      size_t End = Line.find("*/");
      if (End == llvm::StringRef::npos)
        continue;
      InComment = false;
      Line = Line.drop_front(End + 2).trim(" \t\r\f\v");
    }
    // Comments alone on their lines.
    while (Line.starts_with("/*")) {
      size_t End = Line.find("*/", 2);
      if (End == llvm::StringRef::npos) {
        InComment = true;
        Line = "";
        break;
      }
      Line = Line.drop_front(End + 2).trim(" \t\r\f\v");
    }
    if (Line.empty() || Line.starts_with("//"))
      continue;
    if (!Line.consume_front("#"))
      break;
    // A comment opened on a directive: stop here.
    if (Line.contains("/*"))
      break;
    Line = Line.ltrim(" \t");
    if (Line.starts_with("pragma") &&
        Line.drop_front(6).trim(" \t") == "once")
      continue;
    if (Line.starts_with("define ") || Line.starts_with("define\t") ||
        Line.starts_with("undef ") || Line.starts_with("undef\t")) {
      Pending += "#" + Line.str() + "\n";
      continue;
    }
    std::optional<llvm::StringRef> Header = angleInclude(Line);
    if (!Header)
      break;
    // Standard headers go in only with a LibTorch include after them.
    if (isStdHeader(*Header)) {
      Pending += "#" + Line.str() + "\n";
      continue;
    }
    if (!isTorchHeader(*Header))
      break;
    Text += Pending + "#" + Line.str() + "\n";
    Pending.clear();
  }
  if (Text.empty())
    return std::nullopt;
  return Text;
}

static bool holdsTorch(llvm::StringRef Dir) {
  for (const char *T : TorchTrees) {
    llvm::SmallString<256> P(Dir);
    path::append(P, T);
    if (fs::is_directory(P))
      return true;
  }
  return false;
}

/// Whether a first LibTorch header of \p Prelude is found in one of the
/// folders of \p Flags or the usual system folders: if not, a build would
/// only fail.
static bool reachable(llvm::StringRef Prelude,
                      const std::vector<std::string> &Flags) {
  llvm::StringRef First = Prelude;
  std::optional<llvm::StringRef> Header;
  while (!Header && !First.empty()) {
    auto [Line, Rest] = First.split('\n');
    First = Rest;
    Header = angleInclude(Line.drop_front(1));
    if (Header && !isTorchHeader(*Header))
      Header = std::nullopt;
  }
  if (!Header)
    return false;
  std::vector<std::string> Dirs = {"/usr/include", "/usr/local/include"};
  for (size_t I = 0; I + 1 < Flags.size(); ++I)
    if (llvm::StringRef(Flags[I]).starts_with("-i") || Flags[I] == "-I")
      Dirs.push_back(Flags[I + 1]);
  for (const std::string &D : Dirs) {
    llvm::SmallString<256> P(D);
    path::append(P, *Header);
    if (fs::exists(P))
      return true;
  }
  return false;
}

std::string realPch(const std::string &File, const std::string &Directory,
                    const std::vector<std::string> &Args) {
  if (llvm::sys::Process::GetEnv("GRADLINT_NO_PCH"))
    return "";
  llvm::SmallString<256> Path(File);
  if (!path::is_absolute(Path) && !fs::exists(Path) && !Directory.empty())
    fs::make_absolute(Directory, Path);
  // The prelude is at the top: a bounded read is enough, and a huge or
  // special file is not read whole here.
  fs::file_status St;
  if (fs::status(Path, St) || !fs::is_regular_file(St))
    return "";
  auto Buf = llvm::MemoryBuffer::getFileSlice(
      Path, std::min<uint64_t>(St.getSize(), 256 * 1024), 0);
  if (!Buf)
    return "";
  std::optional<std::string> Prelude = torchPrelude((*Buf)->getBuffer());
  if (!Prelude)
    return "";
  std::optional<std::vector<std::string>> Flags =
      pchFlags(Args, Directory, holdsTorch);
  if (!Flags || !reachable(*Prelude, *Flags))
    return "";
  // The PCH is built without the project's folders: a standard header name
  // that one of them holds would be another file in the PCH than in the
  // file's own parse.
  std::vector<std::string> Std = stdHeaders(*Prelude);
  if (!Std.empty())
    for (const std::string &D : searchDirs(Args, Directory))
      for (const std::string &H : Std) {
        llvm::SmallString<256> P(D);
        path::append(P, H);
        if (!holdsTorch(D) && fs::exists(P))
          return "";
      }
  PchSpec S;
  S.Kind = "real";
  S.Flags = std::move(*Flags);
  S.HeaderText = std::move(*Prelude);
  S.InstantiateTemplates = true;
  // Real torch/torch.h takes a minute or two to precompile on a loaded
  // machine.
  S.TimeoutSeconds = 900;
  return cachedPch(S);
}

} // namespace gradlint::lint
