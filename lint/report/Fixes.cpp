//===- lint/report/Fixes.cpp - Fix-its and baselines ----------------------===//

#include "lint/report/Fixes.h"
#include "lint/report/Report.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <map>

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
  std::error_code EC;
  llvm::raw_fd_ostream OS(Path, EC, llvm::sys::fs::OF_Text);
  if (EC)
    return Status::error(Path + ": " + EC.message());
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
  return Status::ok();
}

StatusOr<unsigned> applyFixes(const std::vector<ir::Finding> &Findings) {
  std::map<std::string, std::vector<const ir::FixIt *>> PerFile;
  for (const ir::Finding &F : Findings)
    for (const ir::FixIt &X : F.Fixes)
      PerFile[X.Loc.File].push_back(&X);
  unsigned Applied = 0;
  for (auto &[File, Fixes] : PerFile) {
    auto Buf = llvm::MemoryBuffer::getFile(File);
    if (!Buf)
      return Status::error(File + ": " + Buf.getError().message());
    std::string Text = (*Buf)->getBuffer().str();
    std::sort(Fixes.begin(), Fixes.end(),
              [](const ir::FixIt *A, const ir::FixIt *B) {
                return A->Loc.Offset > B->Loc.Offset;
              });
    size_t Limit = Text.size() + 1;
    const ir::FixIt *Prev = nullptr;
    for (const ir::FixIt *X : Fixes) {
      if (Prev && Prev->Loc.Offset == X->Loc.Offset &&
          Prev->Length == X->Length && Prev->Replacement == X->Replacement)
        continue; // the same fix from two findings
      size_t End = size_t(X->Loc.Offset) + X->Length;
      if (End > Text.size() || End > Limit)
        continue;
      Text.replace(X->Loc.Offset, X->Length, X->Replacement);
      Limit = X->Loc.Offset;
      Prev = X;
      ++Applied;
    }
    std::error_code EC;
    llvm::raw_fd_ostream OS(File, EC);
    if (EC)
      return Status::error(File + ": " + EC.message());
    OS << Text;
  }
  return Applied;
}

StatusOr<std::multiset<std::string>> readBaseline(const std::string &Path) {
  auto Buf = llvm::MemoryBuffer::getFile(Path);
  if (!Buf)
    return Status::error(Path + ": " + Buf.getError().message());
  llvm::Expected<llvm::json::Value> V = llvm::json::parse((*Buf)->getBuffer());
  if (!V)
    return Status::error(Path + ": " + llvm::toString(V.takeError()));
  const llvm::json::Object *O = V->getAsObject();
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
  std::error_code EC;
  llvm::raw_fd_ostream OS(Path, EC, llvm::sys::fs::OF_Text);
  if (EC)
    return Status::error(Path + ": " + EC.message());
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
  return Status::ok();
}

} // namespace gradlint::lint
