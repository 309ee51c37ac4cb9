//===- lint/report/Fixes.cpp - Fix-its and baselines ----------------------===//

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

StatusOr<std::multiset<std::string>> readBaseline(const std::string &Path) {
  StatusOr<std::string> Text =
      readBoundedFile(Path, InputLimits::BaselineBytes);
  if (!Text)
    return Text.status();
  return parseBaseline(*Text, Path);
}

StatusOr<std::multiset<std::string>> parseBaseline(llvm::StringRef Text,
                                                   const std::string &Path) {
  if (Status S = checkJsonDepth(Text); !S)
    return Status::error(Path + ": " + S.message());
  // One finding at a time: parsed whole, a baseline of 300,000 findings
  // (20 MB) took 2.3 GB.
  if (std::optional<std::vector<std::pair<std::string, llvm::StringRef>>> Members =
          jsonObjectMembers(Text)) {
    std::optional<std::vector<llvm::StringRef>> Elements;
    bool VersionOk = true;
    for (const auto &[Key, Value] : *Members) {
      if (Key == "findings")
        Elements = jsonArrayElements(Value);
      if (Key == "version")
        VersionOk = Value == "1";
    }
    std::multiset<std::string> Out;
    for (size_t I = 0; Elements && VersionOk && I < Elements->size(); ++I) {
      llvm::Expected<llvm::json::Value> E = llvm::json::parse((*Elements)[I]);
      const llvm::json::Object *O = E ? E->getAsObject() : nullptr;
      auto FP = O ? O->getString("fingerprint") : std::nullopt;
      if (!FP) {
        if (!E)
          llvm::consumeError(E.takeError());
        // Parsed whole below, for the error message.
        Elements.reset();
        break;
      }
      Out.insert(FP->str());
    }
    if (Elements && VersionOk)
      return Out;
  }
  llvm::Expected<llvm::json::Value> V = llvm::json::parse(Text);
  if (!V)
    return Status::error(Path + ": " + llvm::toString(V.takeError()));
  const llvm::json::Object *O = V->getAsObject();
  // A baseline of a later format would be misread: refuse it.
  if (O && O->get("version") && O->getInteger("version") != 1)
    return Status::error(Path + ": unsupported baseline version (expected 1)");
  const llvm::json::Array *A = O ? O->getArray("findings") : nullptr;
  if (!A)
    return Status::error(Path + ": expected {\"version\": 1, \"findings\": "
                                "[...]}");
  std::multiset<std::string> Out;
  for (size_t I = 0; I < A->size(); ++I) {
    const llvm::json::Object *E = (*A)[I].getAsObject();
    auto FP = E ? E->getString("fingerprint") : std::nullopt;
    if (!FP)
      return Status::error(Path + ": findings[" + std::to_string(I) +
                           "].fingerprint: expected a string");
    Out.insert(FP->str());
  }
  return Out;
}

Status writeBaseline(const std::string &Path,
                     const std::vector<ir::Finding> &Findings,
                     const std::vector<std::string> &Fingerprints,
                     const std::string &Root) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  llvm::json::OStream J(OS, 2);
  J.object([&] {
    J.attribute("version", 1);
    J.attributeArray("findings", [&] {
      for (size_t I = 0; I < Findings.size(); ++I)
        J.object([&] {
          J.attribute("fingerprint", Fingerprints[I]);
          J.attribute("check", Findings[I].Check);
          J.attribute("file", relativePath(Findings[I].Loc.File, Root));
          J.attribute("message", Findings[I].Message);
        });
    });
  });
  OS << '\n';
  return writeFileAtomically(Path, Out);
}

} // namespace gradlint::lint
