//===- lint/report/Baseline.cpp - Fingerprints and baselines --------------===//

#include "lint/report/Baseline.h"

#include "lint/report/BoundedInput.h"
#include "lint/report/Report.h"
#include "lint/report/SafeWrite.h"
#include "lint/report/SourceCache.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MD5.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>

namespace gradlint::lint {

/// The longest statement read around a finding: a generated file with no
/// ';' for megabytes costs nothing.
static constexpr size_t MaxStatement = 4096;

static bool isStatementEnd(char C) { return C == ';' || C == '{' || C == '}'; }

std::string statementTokens(llvm::StringRef Text, size_t Offset) {
  if (Offset > Text.size())
    return "";
  size_t Begin = Offset;
  while (Begin > 0 && Offset - Begin < MaxStatement &&
         !isStatementEnd(Text[Begin - 1]))
    --Begin;
  size_t End = Offset;
  while (End < Text.size() && End - Offset < MaxStatement &&
         !isStatementEnd(Text[End]))
    ++End;
  llvm::StringRef S = Text.slice(Begin, End);
  std::string Out;
  bool LineStart = true;
  for (size_t I = 0; I < S.size(); ++I) {
    char C = S[I];
    if (C == '\n') {
      LineStart = true;
      continue;
    }
    // Comments and preprocessor lines before the statement are not part
    // of it (and clang-format reflows comments).
    if (C == '/' && I + 1 < S.size() && S[I + 1] == '/') {
      I = std::min(S.find('\n', I), S.size()) - 1;
      continue;
    }
    if (C == '/' && I + 1 < S.size() && S[I + 1] == '*') {
      size_t Close = S.find("*/", I + 2);
      I = Close == llvm::StringRef::npos ? S.size() : Close + 1;
      continue;
    }
    if (LineStart && C == '#') {
      I = std::min(S.find('\n', I), S.size()) - 1;
      continue;
    }
    if (C == ' ' || C == '\t' || C == '\r' || C == '\f' || C == '\v')
      continue;
    LineStart = false;
    Out += C;
  }
  return Out;
}

/// Byte offset of \p Line:\p Column in \p Text (both 1-based), clamped.
static size_t offsetOf(llvm::StringRef Text, unsigned Line, unsigned Column) {
  size_t Pos = 0;
  for (unsigned L = 1; L < Line && Pos != llvm::StringRef::npos; ++L) {
    Pos = Text.find('\n', Pos);
    if (Pos != llvm::StringRef::npos)
      ++Pos;
  }
  if (Pos == llvm::StringRef::npos)
    return Text.size();
  return std::min(Text.size(), Pos + (Column ? Column - 1 : 0));
}

std::vector<std::string> quotedNames(llvm::StringRef Message) {
  std::vector<std::string> Out;
  while (true) {
    size_t Open = Message.find('\'');
    if (Open == llvm::StringRef::npos)
      break;
    size_t Close = Message.find('\'', Open + 1);
    if (Close == llvm::StringRef::npos)
      break;
    Out.push_back(Message.slice(Open + 1, Close).str());
    Message = Message.drop_front(Close + 1);
  }
  return Out;
}

std::vector<std::string> fingerprints(const std::vector<ir::Finding> &Findings,
                                      SourceCache &Sources,
                                      const std::string &Root) {
  std::vector<std::string> Out;
  llvm::StringMap<unsigned> Seen;
  for (const ir::Finding &F : Findings) {
    std::string Key = F.Check + '\0' + relativePath(F.Loc.File, Root) + '\0';
    std::vector<std::string> Models;
    for (const ir::Claim &C : F.Claims)
      Models.push_back(C.ModelName);
    std::sort(Models.begin(), Models.end());
    Models.erase(std::unique(Models.begin(), Models.end()), Models.end());
    for (const std::string &M : Models)
      Key += M + '\1';
    Key += '\0';
    for (const std::string &N : quotedNames(F.Message))
      Key += N + '\1';
    Key += '\0';
    std::optional<llvm::StringRef> Text = Sources.text(F.Loc.File);
    std::string Statement;
    if (Text && F.Loc.Line)
      Statement =
          statementTokens(*Text, offsetOf(*Text, F.Loc.Line, F.Loc.Column));
    // Without source text the message stands in for the statement.
    Key += Statement.empty() ? F.Message : Statement;
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

/// Version 1 fingerprints hashed the line text: they would match nothing
/// now and report every accepted finding again.
static Status versionOneError(const std::string &Path) {
  return Status::error(Path + ": a version 1 baseline (fingerprints of the "
                              "line text); write it again with "
                              "--write-baseline");
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
    bool VersionOk = false;
    for (const auto &[Key, Value] : *Members) {
      if (Key == "findings")
        Elements = jsonArrayElements(Value);
      if (Key == "version")
        VersionOk = Value == std::to_string(FingerprintVersion);
      // Said at once, without parsing the whole file below.
      if (Key == "version" && Value == "1")
        return versionOneError(Path);
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
  // Another format's fingerprints would match nothing and report every
  // accepted finding again: refuse it, saying what to do.
  std::optional<int64_t> Version = O ? O->getInteger("version") : std::nullopt;
  if (Version == 1)
    return versionOneError(Path);
  if (O && O->get("version") && Version != FingerprintVersion)
    return Status::error(Path + ": unsupported baseline version (expected " +
                         std::to_string(FingerprintVersion) + ")");
  const llvm::json::Array *A = O ? O->getArray("findings") : nullptr;
  if (!A || !Version)
    return Status::error(Path + ": expected {\"version\": 2, \"findings\": "
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
    J.attribute("version", FingerprintVersion);
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
