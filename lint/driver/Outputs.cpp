//===- lint/driver/Outputs.cpp - Every report of a run --------------------===//

#include "lint/driver/Outputs.h"

#include "lint/report/CheckDocs.h"
#include "lint/report/Report.h"
#include "lint/report/SafeWrite.h"

#include "llvm/Support/raw_ostream.h"

#include <vector>

namespace gradlint::lint {

Status Outputs::writeTo(const std::string &Path, llvm::StringRef Text) {
  if (Path.empty() || Path == "-")
    return writeStdout(Text);
  return writeFileAtomically(Path, Text);
}

std::string Outputs::docsUrl() const {
  return O.DocsUrl.empty() ? defaultDocsUrl() : O.DocsUrl;
}

std::optional<std::string> Outputs::sarifDestination() const {
  if (!O.SarifFile.empty())
    return O.SarifFile;
  if (O.Format == OutputFormat::Sarif)
    return O.OutputFile;
  return std::nullopt;
}

std::string Outputs::render(const Report &R, OutputFormat Format,
                            SourceCache &Sources, const std::string &Root,
                            bool Color) const {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  OS.enable_colors(Color);
  switch (Format) {
  case OutputFormat::Text:
    writeText(OS, R, Sources, Color);
    break;
  case OutputFormat::Json:
    writeJson(OS, R);
    break;
  case OutputFormat::Sarif:
    writeSarif(OS, R, Root, docsUrl());
    break;
  }
  return Text;
}

Status Outputs::write(const Report &R, SourceCache &Sources,
                      const std::string &Root) {
  struct Output {
    OutputFormat Format;
    std::string Path;
  };
  std::vector<Output> All = {{O.Format, O.OutputFile}};
  // -o with a JSON or SARIF report: the log a person reads is not lost.
  if (!O.OutputFile.empty() && O.OutputFile != "-" &&
      O.Format != OutputFormat::Text)
    All.push_back({OutputFormat::Text, ""});
  if (!O.SarifFile.empty())
    All.push_back({OutputFormat::Sarif, O.SarifFile});
  if (!O.JsonFile.empty())
    All.push_back({OutputFormat::Json, O.JsonFile});
  Status First = Status::ok();
  for (const Output &Out : All) {
    bool ToStdout = Out.Path.empty() || Out.Path == "-";
    bool Color = ToStdout && Out.Format == OutputFormat::Text &&
                 llvm::outs().has_colors();
    Status S = writeTo(Out.Path, render(R, Out.Format, Sources, Root, Color));
    if (Out.Format == OutputFormat::Sarif)
      SarifWritten = S.isOk();
    if (!S && First.isOk())
      First = S;
  }
  return First;
}

void Outputs::writeSarifOnFailure(const Report &R, const std::string &Root) {
  std::optional<std::string> Dest = sarifDestination();
  // Written, and nothing went wrong after: it stands. An error after it
  // (--export-fixes, --fix) makes it say the run failed.
  if (!Dest || (SarifWritten && R.RunErrors.empty()))
    return;
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  writeSarif(OS, R, Root, docsUrl());
  (void)writeTo(*Dest, Text);
}

} // namespace gradlint::lint
