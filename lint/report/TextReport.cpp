//===- lint/report/TextReport.cpp - clang-style diagnostics ---------------===//

#include "lint/report/Report.h"
#include "lint/report/SourceCache.h"

#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>

namespace gradlint::lint {

namespace {

llvm::raw_ostream::Colors colorOf(llvm::StringRef Level) {
  if (Level == "error")
    return llvm::raw_ostream::RED;
  if (Level == "warning")
    return llvm::raw_ostream::MAGENTA;
  return llvm::raw_ostream::BLACK;
}

class TextWriter {
public:
  TextWriter(llvm::raw_ostream &OS, SourceCache &Sources, bool Color)
      : OS(OS), Sources(Sources), Color(Color) {}

  void header(const ir::SourceLoc &Loc, llvm::StringRef Level,
              llvm::StringRef Message, llvm::StringRef Check) {
    if (Color)
      OS.changeColor(llvm::raw_ostream::SAVEDCOLOR, true);
    if (Loc.isValid())
      OS << Loc.File << ':' << Loc.Line << ':' << Loc.Column << ": ";
    else if (!Loc.File.empty())
      OS << Loc.File << ": ";
    if (Color)
      OS.changeColor(colorOf(Level), true);
    OS << Level << ": ";
    if (Color)
      OS.changeColor(llvm::raw_ostream::SAVEDCOLOR, true);
    OS << Message;
    if (!Check.empty())
      OS << " [" << Check << ']';
    if (Color)
      OS.resetColor();
    OS << '\n';
  }

  /// The source line and a caret under the column; returns the indentation
  /// that reaches the column (tabs kept) for fix-it hints.
  std::optional<std::string> snippet(const ir::SourceLoc &Loc) {
    if (!Loc.isValid())
      return std::nullopt;
    auto Line = Sources.line(Loc.File, Loc.Line);
    if (!Line)
      return std::nullopt;
    OS << *Line << '\n';
    std::string Indent;
    // A column past the line's end (a stale or hand-written location) puts
    // the caret just after it, as clang does: never a line as long as the
    // column.
    size_t Col = Loc.Column == 0 ? 1 : std::min<size_t>(Loc.Column, Line->size() + 1);
    for (size_t I = 0; I + 1 < Col; ++I)
      Indent += (I < Line->size() && (*Line)[I] == '\t') ? '\t' : ' ';
    if (Color)
      OS.changeColor(llvm::raw_ostream::GREEN, true);
    OS << Indent << "^\n";
    if (Color)
      OS.resetColor();
    return Indent;
  }

  void finding(const ir::Finding &F) {
    header(F.Loc, ir::name(F.Sev), F.Message, F.Check);
    std::optional<std::string> Indent = snippet(F.Loc);
    // Fix-it hints on the finding's line, as clang prints them under the
    // caret; others are listed as notes.
    for (const ir::FixIt &X : F.Fixes) {
      if (Indent && X.Loc.File == F.Loc.File && X.Loc.Line == F.Loc.Line &&
          X.Loc.Column != 0 && !X.Replacement.empty()) {
        std::string Pad;
        auto Line = Sources.line(X.Loc.File, X.Loc.Line);
        size_t Col = std::min<size_t>(X.Loc.Column, Line ? Line->size() + 1 : 1);
        for (size_t I = 0; I + 1 < Col; ++I)
          Pad += (Line && I < Line->size() && (*Line)[I] == '\t') ? '\t' : ' ';
        if (Color)
          OS.changeColor(llvm::raw_ostream::GREEN);
        OS << Pad << X.Replacement << '\n';
        if (Color)
          OS.resetColor();
      }
    }
    for (const ir::Note &N : F.Notes) {
      header(N.Loc, "note", N.Message, "");
      snippet(N.Loc);
    }
    if (F.Probe)
      header(F.Loc, "note", ir::verdictNote(*F.Probe), "");
  }

  /// A file read only in part: a note at its first missing include (or
  /// first error), as clang would place the error.
  void partial(const PartialFile &P) {
    ir::SourceLoc Loc = P.Loc;
    if (!Loc.isValid()) {
      Loc = ir::SourceLoc();
      Loc.File = P.File;
    }
    header(Loc, "note",
           "partial analysis: " + P.Reason +
               "; facts that depend on it are unknown",
           "");
    snippet(Loc);
  }

private:
  llvm::raw_ostream &OS;
  SourceCache &Sources;
  bool Color;
};

} // namespace

void writeText(llvm::raw_ostream &OS, const Report &R, SourceCache &Sources,
               bool Color) {
  TextWriter W(OS, Sources, Color);
  for (const PartialFile &P : R.Partial)
    W.partial(P);
  for (const ir::Finding &F : R.Findings)
    W.finding(F);
}

} // namespace gradlint::lint
