//===- lint/report/Sarif.cpp - SARIF 2.1.0 --------------------------------===//

#include "lint/report/IrJson.h"
#include "lint/report/Report.h"
#include "lint/report/Baseline.h"
#include "lint/report/CheckDocs.h"

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

/// A fix-it as SARIF's fix: one artifactChange per file, its replacements
/// as byte ranges (the offsets clang gave) and the text to insert.
static Value fixOf(const ir::Finding &F, const std::string &Root) {
  Array Changes;
  llvm::StringMap<size_t> ChangeOf;
  for (const ir::FixIt &X : F.Fixes) {
    auto [It, New] = ChangeOf.try_emplace(X.Loc.File, Changes.size());
    if (New)
      Changes.push_back(Object{
          {"artifactLocation",
           Object{{"uri", uriOf(relativePath(X.Loc.File, Root))},
                  {"uriBaseId", "%SRCROOT%"}}},
          {"replacements", Array{}}});
    Object Deleted{{"byteOffset", X.Loc.Offset}, {"byteLength", X.Length}};
    Object Replacement{{"deletedRegion", std::move(Deleted)}};
    if (!X.Replacement.empty())
      Replacement["insertedContent"] = Object{{"text", X.Replacement}};
    Changes[It->second]
        .getAsObject()
        ->getArray("replacements")
        ->push_back(std::move(Replacement));
  }
  return Object{{"description", Object{{"text", "apply the fix-it"}}},
                {"artifactChanges", std::move(Changes)}};
}

/// One SARIF result.
static Object resultOf(const ir::Finding &F, unsigned RuleIndex,
                       const std::string &Fingerprint,
                       const std::string &Root) {
  Object Result{{"ruleId", F.Check},
                {"ruleIndex", RuleIndex},
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
  if (!Fingerprint.empty())
    Result["partialFingerprints"] =
        Object{{"gradlintFingerprint/v" + std::to_string(FingerprintVersion),
                Fingerprint}};
  if (!F.Fixes.empty())
    Result["fixes"] = Array{fixOf(F, Root)};
  if (F.Probe)
    Result["properties"] = Object{{"probe", verdictToJson(*F.Probe)}};
  return Result;
}

void writeSarif(llvm::raw_ostream &OS, const Report &R,
                const std::string &Root, const std::string &DocsUrl) {
  Array Rules;
  llvm::StringMap<unsigned> RuleIndex;
  auto addRule = [&](const std::string &Id, const std::string &Summary,
                     bool DefaultOn) {
    if (RuleIndex.count(Id))
      return;
    RuleIndex[Id] = Rules.size();
    std::string Short = Summary.empty() ? Id : Summary;
    Object Rule{{"id", Id},
                {"name", Id},
                {"shortDescription", Object{{"text", Short}}},
                {"fullDescription",
                 Object{{"text", Short + " (" + Id + "; " +
                                     (DefaultOn ? "on by default" : "opt-in") +
                                     ")"}}},
                {"defaultConfiguration", Object{{"level", "warning"}}}};
    // The check's page, built in, with links that work outside this
    // repository; clang-tidy-nolint and other ids without a page get none.
    if (std::optional<llvm::StringRef> Page = checkDoc(Id)) {
      std::string Help = absoluteLinks(*Page, DocsUrl);
      Rule["helpUri"] = checkDocUrl(Id, DocsUrl);
      Rule["help"] = Object{{"text", Help}, {"markdown", Help}};
    }
    Rules.push_back(std::move(Rule));
  };
  for (const RuleInfo &Rule : R.Rules)
    addRule(Rule.Id, Rule.Summary, Rule.DefaultOn);

  Array Results;
  for (size_t I = 0; I < R.Findings.size(); ++I) {
    const ir::Finding &F = R.Findings[I];
    addRule(F.Check, "", false);
    Object Result = resultOf(F, RuleIndex[F.Check],
                             I < R.Fingerprints.size() ? R.Fingerprints[I] : "",
                             Root);
    if (R.HasBaseline)
      Result["baselineState"] = "new";
    Results.push_back(std::move(Result));
  }
  for (const HeldFinding &H : R.Baselined) {
    addRule(H.Finding.Check, "", false);
    Object Result =
        resultOf(H.Finding, RuleIndex[H.Finding.Check], H.Fingerprint, Root);
    Result["baselineState"] = "unchanged";
    Results.push_back(std::move(Result));
  }
  for (const HeldFinding &H : R.Suppressed) {
    addRule(H.Finding.Check, "", false);
    Object Result =
        resultOf(H.Finding, RuleIndex[H.Finding.Check], H.Fingerprint, Root);
    Result["suppressions"] = Array{Object{
        {"kind", "inSource"},
        {"justification", "a NOLINT comment names this check"}}};
    Results.push_back(std::move(Result));
  }

  Array Notifications;
  for (const std::string &E : R.RunErrors)
    Notifications.push_back(
        Object{{"level", "error"},
               {"descriptor", Object{{"id", "gradlint-error"}}},
               {"message", Object{{"text", E}}}});
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
  Object Invocation{
      {"executionSuccessful", R.Errors.empty() && R.RunErrors.empty()}};
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
