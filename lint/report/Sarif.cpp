//===- lint/report/Sarif.cpp - SARIF 2.1.0 and fingerprints ---------------===//

#include "lint/report/IrJson.h"
#include "lint/report/Report.h"
#include "lint/report/SourceCache.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MD5.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#ifndef GRADLINT_VERSION
#define GRADLINT_VERSION "0"
#endif

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

namespace gradlint::lint {

std::string relativePath(const std::string &Path, const std::string &Root) {
  llvm::SmallString<256> Abs(Path);
  llvm::sys::fs::make_absolute(Abs);
  llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  llvm::SmallString<256> R(Root);
  llvm::sys::path::remove_dots(R, true);
  llvm::StringRef A = Abs, RootRef = R;
  if (!RootRef.empty() && A.starts_with(RootRef)) {
    llvm::StringRef Rest = A.drop_front(RootRef.size());
    if (Rest.empty() || llvm::sys::path::is_separator(Rest[0]) ||
        RootRef.ends_with("/"))
      return llvm::sys::path::convert_to_slash(Rest.ltrim("/"));
  }
  return llvm::sys::path::convert_to_slash(Path);
}

/// \p Path as a URI reference (RFC 3986): every byte outside the
/// unreserved characters and '/' percent-encoded, so a ' ', '#', '?' or '%'
/// in a file name is not read as a separator or fragment, and a name that
/// is not UTF-8 keeps its bytes instead of becoming U+FFFD.
static std::string uriOf(llvm::StringRef Path) {
  std::string Out;
  for (unsigned char C : Path) {
    if (llvm::isAlnum(C) || C == '-' || C == '.' || C == '_' || C == '~' ||
        C == '/') {
      Out += char(C);
      continue;
    }
    static const char Hex[] = "0123456789ABCDEF";
    Out += '%';
    Out += Hex[C >> 4];
    Out += Hex[C & 15];
  }
  return Out;
}

/// The line with runs of whitespace collapsed to one space and trimmed, so
/// re-indenting does not change a fingerprint.
static std::string normalizedLine(llvm::StringRef Line) {
  std::string Out;
  bool Space = false;
  for (char C : Line.trim()) {
    if (C == ' ' || C == '\t' || C == '\r') {
      Space = true;
      continue;
    }
    if (Space)
      Out += ' ';
    Space = false;
    Out += C;
  }
  return Out;
}

std::vector<std::string> fingerprints(const std::vector<ir::Finding> &Findings,
                                      SourceCache &Sources,
                                      const std::string &Root) {
  std::vector<std::string> Out;
  llvm::StringMap<unsigned> Seen;
  for (const ir::Finding &F : Findings) {
    std::string Rel = relativePath(F.Loc.File, Root);
    auto Line = Sources.line(F.Loc.File, F.Loc.Line);
    // Without source text the message stands in for the line.
    std::string Text = Line ? normalizedLine(*Line) : F.Message;
    std::string Key = F.Check + '\0' + Rel + '\0' + Text;
    unsigned Occurrence = Seen[Key]++;
    Key += '\0' + std::to_string(Occurrence);
    llvm::MD5 H;
    H.update(Key);
    llvm::MD5::MD5Result Result;
    H.final(Result);
    Out.push_back(std::string(Result.digest().str()));
  }
  return Out;
}

static std::string sarifLevel(ir::Severity S) {
  switch (S) {
  case ir::Severity::Error:
    return "error";
  case ir::Severity::Warning:
    return "warning";
  case ir::Severity::Note:
    return "note";
  }
  return "warning";
}

static Value location(const ir::SourceLoc &L, const std::string &Root,
                      llvm::StringRef Message = "") {
  Object Region{{"startLine", std::max(1u, L.Line)}};
  if (L.Column)
    Region["startColumn"] = L.Column;
  Object Loc{{"physicalLocation",
              Object{{"artifactLocation",
                      Object{{"uri", uriOf(relativePath(L.File, Root))},
                             {"uriBaseId", "%SRCROOT%"}}},
                     {"region", std::move(Region)}}}};
  if (!Message.empty())
    Loc["message"] = Object{{"text", Message}};
  return Loc;
}

void writeSarif(llvm::raw_ostream &OS, const Report &R,
                const std::string &Root,
                const std::vector<std::string> &Fingerprints) {
  Array Rules;
  llvm::StringMap<unsigned> RuleIndex;
  auto addRule = [&](const std::string &Id, const std::string &Summary,
                     bool DefaultOn) {
    if (RuleIndex.count(Id))
      return;
    RuleIndex[Id] = Rules.size();
    std::string Doc = "docs/checks/" + Id + ".md";
    std::string Short = Summary.empty() ? Id : Summary;
    Rules.push_back(Object{
        {"id", Id},
        {"name", Id},
        {"shortDescription", Object{{"text", Short}}},
        {"fullDescription",
         Object{{"text", Short + " (" + Id + "; " +
                             (DefaultOn ? "on by default" : "opt-in") + ")"}}},
        {"help", Object{{"text", Short + ". See " + Doc + "."},
                        {"markdown",
                         Short + ". See [" + Doc + "](" + Doc + ")."}}},
        {"defaultConfiguration", Object{{"level", "warning"}}},
        {"properties", Object{{"docs", Doc}}}});
  };
  for (const RuleInfo &Rule : R.Rules)
    addRule(Rule.Id, Rule.Summary, Rule.DefaultOn);

  Array Results;
  for (size_t I = 0; I < R.Findings.size(); ++I) {
    const ir::Finding &F = R.Findings[I];
    addRule(F.Check, "", false);
    Object Result{{"ruleId", F.Check},
                  {"ruleIndex", RuleIndex[F.Check]},
                  {"level", sarifLevel(F.Sev)},
                  {"message", Object{{"text", F.Message}}},
                  {"locations", Array{location(F.Loc, Root)}}};
    if (!F.Notes.empty()) {
      Array Related;
      unsigned Id = 0;
      for (const ir::Note &N : F.Notes) {
        Value L = location(N.Loc, Root, N.Message);
        L.getAsObject()->try_emplace("id", Id++);
        Related.push_back(std::move(L));
      }
      Result["relatedLocations"] = std::move(Related);
    }
    if (I < Fingerprints.size())
      Result["partialFingerprints"] =
          Object{{"gradlintFingerprint/v1", Fingerprints[I]}};
    if (F.Probe)
      Result["properties"] = Object{{"probe", verdictToJson(*F.Probe)}};
    Results.push_back(std::move(Result));
  }

  Array Notifications;
  for (const FileError &E : R.Errors) {
    Object Artifact{{"uri", uriOf(relativePath(E.File, Root))},
                    {"uriBaseId", "%SRCROOT%"}};
    Object Physical{{"artifactLocation", std::move(Artifact)}};
    Object Loc{{"physicalLocation", std::move(Physical)}};
    Notifications.push_back(Object{{"level", "error"},
                                   {"message", Object{{"text", E.Message}}},
                                   {"locations", Array{std::move(Loc)}}});
  }

  // A partial analysis is a note about the run, not a result: SARIF's
  // toolExecutionNotifications, with the place of the first missing header.
  for (const PartialFile &P : R.Partial) {
    Object Artifact{{"uri", uriOf(relativePath(P.File, Root))},
                    {"uriBaseId", "%SRCROOT%"}};
    Object Physical{{"artifactLocation", std::move(Artifact)}};
    if (P.Loc.Line)
      Physical["region"] = Object{{"startLine", P.Loc.Line},
                                  {"startColumn", std::max(1u, P.Loc.Column)}};
    Object Loc{{"physicalLocation", std::move(Physical)}};
    Array Missing;
    for (const std::string &H : P.MissingHeaders)
      Missing.push_back(H);
    Object Props{{"partial", true},
                 {"missingHeaders", std::move(Missing)},
                 {"errorCount", P.Errors}};
    if (!P.FirstError.empty())
      Props["firstError"] = P.FirstError;
    Notifications.push_back(Object{
        {"level", "note"},
        {"descriptor", Object{{"id", "gradlint-partial-analysis"}}},
        {"message",
         Object{{"text", "partial analysis: " + P.Reason +
                             "; facts that depend on it are unknown"}}},
        {"locations", Array{std::move(Loc)}},
        {"properties", std::move(Props)}});
  }

  std::string RootUri = "file://" + uriOf(Root);
  if (!llvm::StringRef(RootUri).ends_with("/"))
    RootUri += '/';
  Object Invocation{{"executionSuccessful", R.Errors.empty()}};
  if (!Notifications.empty())
    Invocation["toolExecutionNotifications"] = std::move(Notifications);
  Object Run{
      {"tool",
       Object{{"driver",
               Object{{"name", "gradlint"},
                      {"version", GRADLINT_VERSION},
                      {"rules", std::move(Rules)}}}}},
      {"originalUriBaseIds",
       Object{{"%SRCROOT%", Object{{"uri", RootUri}}}}},
      {"invocations", Array{std::move(Invocation)}},
      {"results", std::move(Results)}};
  Object Log{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
             {"version", "2.1.0"},
             {"runs", Array{std::move(Run)}}};
  OS << llvm::formatv("{0:2}", Value(std::move(Log))) << '\n';
}

} // namespace gradlint::lint
