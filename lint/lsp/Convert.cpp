//===- lint/lsp/Convert.cpp - Findings as LSP diagnostics -----------------===//

#include "lint/lsp/Convert.h"

#include "lint/report/Html.h"
#include "lint/report/SafeWrite.h"
#include "lint/report/SourceCache.h"

#include <cctype>

namespace gradlint::lint::lsp {

namespace {

int hexValue(char C) {
  if (C >= '0' && C <= '9')
    return C - '0';
  if (C >= 'a' && C <= 'f')
    return C - 'a' + 10;
  if (C >= 'A' && C <= 'F')
    return C - 'A' + 10;
  return -1;
}

/// An LSP Position of an IR location: 0-based line, UTF-16 column.
llvm::json::Object position(const ir::SourceLoc &L, SourceCache &Sources,
                            unsigned ExtraBytes = 0) {
  unsigned Line = L.Line ? L.Line - 1 : 0;
  unsigned Col = L.Column ? L.Column - 1 : 0;
  if (std::optional<llvm::StringRef> Text = Sources.line(L.File, L.Line))
    Col = utf16Column(*Text, (L.Column ? L.Column : 1) + ExtraBytes);
  else
    Col += ExtraBytes;
  return llvm::json::Object{{"line", Line}, {"character", Col}};
}

/// The range of the word (identifier or number) at \p L, else one
/// character: what the editor underlines.
llvm::json::Object range(const ir::SourceLoc &L, SourceCache &Sources) {
  unsigned Len = 1;
  if (std::optional<llvm::StringRef> Text = Sources.line(L.File, L.Line)) {
    size_t Start = L.Column ? L.Column - 1 : 0;
    size_t End = Start;
    auto Word = [](char C) {
      return std::isalnum(static_cast<unsigned char>(C)) || C == '_';
    };
    while (End < Text->size() && Word((*Text)[End]))
      ++End;
    if (End > Start)
      Len = unsigned(End - Start);
    if (Start >= Text->size())
      Len = 0;
  }
  return llvm::json::Object{{"start", position(L, Sources)},
                            {"end", position(L, Sources, Len)}};
}

} // namespace

std::optional<std::string> uriToPath(const std::string &Uri) {
  llvm::StringRef U(Uri);
  if (!U.consume_front_insensitive("file://"))
    return std::nullopt;
  // file://localhost/path and file:///path; no other authority.
  (void)U.consume_front_insensitive("localhost");
  if (!U.starts_with("/"))
    return std::nullopt;
  std::string Out;
  for (size_t I = 0; I < U.size(); ++I) {
    if (U[I] == '%' && I + 2 < U.size() &&
        hexValue(U[I + 1]) >= 0 && hexValue(U[I + 2]) >= 0) {
      char C = char(hexValue(U[I + 1]) * 16 + hexValue(U[I + 2]));
      if (C == '\0')
        return std::nullopt;
      Out += C;
      I += 2;
      continue;
    }
    Out += U[I];
  }
  return Out;
}

std::string pathToUri(const std::string &Path) {
  std::string Out = "file://";
  const char *Hex = "0123456789ABCDEF";
  for (unsigned char C : Path) {
    if (std::isalnum(C) || C == '/' || C == '-' || C == '_' || C == '.' ||
        C == '~')
      Out += char(C);
    else {
      Out += '%';
      Out += Hex[C >> 4];
      Out += Hex[C & 15];
    }
  }
  return Out;
}

unsigned utf16Column(llvm::StringRef Line, unsigned Column) {
  size_t Bytes = Column ? Column - 1 : 0;
  unsigned Units = 0;
  for (size_t I = 0; I < Bytes && I < Line.size();) {
    unsigned char C = static_cast<unsigned char>(Line[I]);
    size_t Len = C < 0x80 ? 1 : (C >> 5) == 6 ? 2 : (C >> 4) == 14 ? 3
                 : (C >> 3) == 30 ? 4 : 1;
    Units += Len == 4 ? 2 : 1; // outside the BMP: a surrogate pair
    I += Len;
  }
  if (Bytes > Line.size())
    Units += unsigned(Bytes - Line.size());
  return Units;
}

llvm::json::Object toDiagnostic(const ir::Finding &F, SourceCache &Sources) {
  int Severity = 2;
  switch (F.Sev) {
  case ir::Severity::Error:
    Severity = 1;
    break;
  case ir::Severity::Warning:
    Severity = 2;
    break;
  case ir::Severity::Note:
    Severity = 3; // Information
    break;
  }
  std::string Message = F.Message;
  // In the message, not only in relatedInformation: not every client shows
  // the latter (Neovim's default float does not).
  if (F.Probe)
    Message += "\n" + ir::verdictNote(*F.Probe);
  llvm::json::Array Related;
  for (const ir::Note &N : F.Notes) {
    ir::SourceLoc At = N.Loc.isValid() ? N.Loc : F.Loc;
    Related.push_back(llvm::json::Object{
        {"location",
         llvm::json::Object{{"uri", pathToUri(canonicalPath(At.File))},
                            {"range", range(At, Sources)}}},
        {"message", N.Message}});
  }
  llvm::json::Object D{
      {"range", range(F.Loc, Sources)},
      {"severity", Severity},
      {"code", F.Check},
      {"codeDescription", llvm::json::Object{{"href", checkPageUrl(F.Check)}}},
      {"source", "gradlint"},
      {"message", Message}};
  if (!Related.empty())
    D["relatedInformation"] = std::move(Related);
  return D;
}

std::map<std::string, llvm::json::Array> diagnosticsByFile(const Report &R,
                                                           SourceCache &Sources) {
  std::map<std::string, llvm::json::Array> Out;
  for (const ir::Finding &F : R.Findings) {
    if (F.Loc.File.empty())
      continue;
    Out[canonicalPath(F.Loc.File)].push_back(toDiagnostic(F, Sources));
  }
  return Out;
}

} // namespace gradlint::lint::lsp
