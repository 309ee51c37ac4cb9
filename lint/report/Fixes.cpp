//===- lint/report/Fixes.cpp - Fix-its -------------------------------------===//

#include "lint/report/Fixes.h"
#include "lint/report/BoundedInput.h"
#include "lint/report/Report.h"
#include "lint/report/SafeWrite.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <map>
#include <set>
#include <tuple>

namespace gradlint::lint {

static std::string yamlQuote(llvm::StringRef S) {
  std::string Out = "'";
  for (char C : S) {
    if (C == '\'')
      Out += "''";
    else if (C == '\n')
      Out += "\n\n"; // a line break in a single-quoted YAML scalar
    else
      Out += C;
  }
  return Out + "'";
}

static std::string absolute(const std::string &P) {
  llvm::SmallString<256> A(P);
  llvm::sys::fs::make_absolute(A);
  return std::string(A);
}

Status exportFixes(const std::string &Path, const std::string &MainSourceFile,
                   const std::vector<ir::Finding> &Findings) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  OS << "---\nMainSourceFile:  " << yamlQuote(absolute(MainSourceFile))
     << "\nDiagnostics:";
  bool Any = false;
  for (const ir::Finding &F : Findings) {
    if (F.Fixes.empty())
      continue;
    Any = true;
    OS << "\n  - DiagnosticName:  " << F.Check << "\n"
       << "    DiagnosticMessage:\n"
       << "      Message:         " << yamlQuote(F.Message) << "\n"
       << "      FilePath:        " << yamlQuote(absolute(F.Loc.File)) << "\n"
       << "      FileOffset:      " << F.Loc.Offset << "\n"
       << "      Replacements:";
    for (const ir::FixIt &X : F.Fixes)
      OS << "\n        - FilePath:        " << yamlQuote(absolute(X.Loc.File))
         << "\n          Offset:          " << X.Loc.Offset
         << "\n          Length:          " << X.Length
         << "\n          ReplacementText: " << yamlQuote(X.Replacement);
    OS << "\n    Level:           "
       << (F.Sev == ir::Severity::Error     ? "Error"
           : F.Sev == ir::Severity::Warning ? "Warning"
                                            : "Remark");
  }
  if (!Any)
    OS << " []";
  OS << "\n...\n";
  return writeFileAtomically(Path, Out);
}

StatusOr<unsigned> applyFixes(const std::vector<ir::Finding> &Findings,
                              llvm::sys::TimePoint<> AnalysedAt) {
  // One file reached under two spellings (relative and absolute, two -I
  // paths to one header) is one file: grouped by real path, and a fix two
  // findings share is applied once.
  std::map<std::string, std::set<std::tuple<unsigned, unsigned, std::string>>>
      PerFile;
  std::map<std::string, std::string> Spelling;
  for (const ir::Finding &F : Findings)
    for (const ir::FixIt &X : F.Fixes) {
      std::string Real = canonicalPath(X.Loc.File);
      PerFile[Real].insert({X.Loc.Offset, X.Length, X.Replacement});
      Spelling.emplace(Real, X.Loc.File);
    }
  // Every file is checked before any is written: a refusal leaves all of
  // them as they were.
  std::map<std::string, std::string> Texts;
  for (const auto &[Real, Fixes] : PerFile) {
    const std::string &Name = Spelling[Real];
    llvm::sys::fs::file_status St;
    if (std::error_code EC = llvm::sys::fs::status(Real, St))
      return Status::error(Name + ": " + EC.message());
    // Offsets are those of the text the analysis read: a file saved by an
    // editor or a formatter since then would be garbled.
    if (St.getLastModificationTime() > AnalysedAt)
      return Status::error(Name +
                           ": changed since it was analysed; no fix applied");
    StatusOr<std::string> Text = readBoundedFile(Real, InputLimits::ModelJsonBytes);
    if (!Text)
      return Text.status();
    Texts[Real] = std::move(*Text);
  }
  unsigned Applied = 0;
  for (auto &[Real, Fixes] : PerFile) {
    std::string &Text = Texts[Real];
    // From the end, so earlier offsets stay valid; overlapping fixes after
    // the first are skipped.
    size_t Limit = Text.size() + 1;
    for (auto It = Fixes.rbegin(); It != Fixes.rend(); ++It) {
      const auto &[Offset, Length, Replacement] = *It;
      size_t End = size_t(Offset) + Length;
      if (End > Text.size() || End > Limit)
        continue;
      Text.replace(Offset, Length, Replacement);
      Limit = Offset;
      ++Applied;
    }
    if (Status S = writeFileAtomically(Real, Text); !S)
      return S;
  }
  return Applied;
}

} // namespace gradlint::lint
