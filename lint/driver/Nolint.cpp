//===- lint/driver/Nolint.cpp - NOLINT comments ---------------------------===//

#include "lint/driver/Nolint.h"

#include "lint/report/SourceCache.h"
#include "rules/Registry.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"

#include <algorithm>
#include <map>
#include <optional>

namespace gradlint::lint {

namespace {

enum class Kind { Line, NextLine, Begin, End };

struct Directive {
  Kind K;
  unsigned Line;
  unsigned Column;
  unsigned Offset;
  /// The text in parentheses, or nullopt for "all checks".
  std::optional<std::string> Globs;
};

/// Whether \p Globs (clang-tidy's NOLINT list: comma separated globs, no
/// negation) selects \p Check.
bool selects(const std::optional<std::string> &Globs, const std::string &Check) {
  if (!Globs)
    return true;
  // A glob list with no '-' entries: globListMatches starting from "off".
  return rules::globListMatches(*Globs, Check, false);
}

/// Finds every NOLINT directive in \p Text, in one pass: the line and
/// column are counted from the previous directive, not from the start of
/// the file (a file of a million NOLINT lines must not cost 10^12 steps).
std::vector<Directive> scan(llvm::StringRef Text) {
  std::vector<Directive> Out;
  size_t Pos = 0;
  // Line and LineStart hold for offset Counted.
  unsigned Line = 1;
  size_t LineStart = 0, Counted = 0;
  // The first newline and ')' at or after the current directive.
  size_t Newline = 0, Close = 0;
  while ((Pos = Text.find("NOLINT", Pos)) != llvm::StringRef::npos) {
    size_t After = Pos + 6;
    Kind K = Kind::Line;
    llvm::StringRef Rest = Text.drop_front(After);
    if (Rest.starts_with("NEXTLINE")) {
      K = Kind::NextLine;
      After += 8;
    } else if (Rest.starts_with("BEGIN")) {
      K = Kind::Begin;
      After += 5;
    } else if (Rest.starts_with("END")) {
      K = Kind::End;
      After += 3;
    }
    std::optional<std::string> Globs;
    if (After < Text.size() && Text[After] == '(') {
      // The next ')' and newline are kept across directives too: many
      // "NOLINT(" with no ')' must not rescan the rest of the file at each.
      if (Newline != llvm::StringRef::npos && Newline < After)
        Newline = Text.find('\n', After);
      if (Close != llvm::StringRef::npos && Close < After)
        Close = Text.find(')', After);
      if (Close < Newline) {
        Globs = Text.slice(After + 1, Close).str();
        // A "NOLINT" inside the list is part of it: the lists never
        // overlap, so together they are at most the file's size.
        After = Close + 1;
      } else
        Globs = std::string(); // "NOLINT(" without ')' suppresses nothing
    } else if (After < Text.size() &&
               (std::isalnum(static_cast<unsigned char>(Text[After])) ||
                Text[After] == '_')) {
      // NOLINTFOO is not a directive.
      Pos = After;
      continue;
    }
    for (; Counted < Pos; ++Counted)
      if (Text[Counted] == '\n') {
        ++Line;
        LineStart = Counted + 1;
      }
    Out.push_back({K, Line, static_cast<unsigned>(Pos - LineStart + 1),
                   static_cast<unsigned>(Pos), Globs});
    Pos = After;
  }
  return Out;
}

struct FileNolint {
  std::vector<Directive> Directives;
  /// Line ranges [Begin, End] suppressed by NOLINTBEGIN/END, with globs.
  struct Region {
    unsigned Begin, End;
    std::optional<std::string> Globs;
  };
  std::vector<Region> Regions;
  /// The check lists of NOLINT and NOLINTNEXTLINE by the line they
  /// suppress (indices into Directives), so a finding does not walk every directive of its file.
  std::map<unsigned, std::vector<size_t>> ByLine;
  std::vector<ir::Finding> Unmatched;
};

FileNolint analyse(const std::string &File, llvm::StringRef Text) {
  FileNolint F;
  F.Directives = scan(Text);
  // The open NOLINTBEGINs by their check list: NOLINTEND closes the
  // innermost one with the same list, found without a walk over all the
  // open ones (which made 10^5 mismatched pairs quadratic).
  std::map<std::optional<std::string>, std::vector<const Directive *>> Open;
  auto unmatched = [&](const Directive &D, const char *Message) {
    ir::Finding X;
    X.Check = "clang-tidy-nolint";
    X.Sev = ir::Severity::Error;
    X.Loc = {File, D.Line, D.Column, D.Offset};
    X.Message = Message;
    F.Unmatched.push_back(X);
  };
  for (size_t I = 0; I < F.Directives.size(); ++I) {
    const Directive &D = F.Directives[I];
    if (D.K == Kind::Line)
      F.ByLine[D.Line].push_back(I);
    else if (D.K == Kind::NextLine)
      F.ByLine[D.Line + 1].push_back(I);
    if (D.K == Kind::Begin) {
      Open[D.Globs].push_back(&D);
    } else if (D.K == Kind::End) {
      auto It = Open.find(D.Globs);
      if (It == Open.end() || It->second.empty()) {
        unmatched(D, "unmatched 'NOLINTEND' comment without a previous "
                     "'NOLINTBEGIN' comment");
        continue;
      }
      F.Regions.push_back({It->second.back()->Line, D.Line, D.Globs});
      It->second.pop_back();
    }
  }
  // Unclosed NOLINTBEGINs are reported in source order, after the
  // unmatched NOLINTENDs, as before.
  std::vector<const Directive *> Unclosed;
  for (auto &[Globs, Stack] : Open)
    Unclosed.insert(Unclosed.end(), Stack.begin(), Stack.end());
  std::sort(Unclosed.begin(), Unclosed.end(),
            [](const Directive *A, const Directive *B) {
              return A->Offset < B->Offset;
            });
  for (const Directive *D : Unclosed)
    unmatched(*D, "unmatched 'NOLINTBEGIN' comment without a subsequent "
                  "'NOLINTEND' comment");
  return F;
}

bool suppressed(const FileNolint &F, const ir::Finding &X) {
  auto It = F.ByLine.find(X.Loc.Line);
  if (It != F.ByLine.end())
    for (size_t I : It->second)
      if (selects(F.Directives[I].Globs, X.Check))
        return true;
  for (const FileNolint::Region &R : F.Regions)
    if (R.Begin <= X.Loc.Line && X.Loc.Line <= R.End &&
        selects(R.Globs, X.Check))
      return true;
  return false;
}

} // namespace

void applyNolint(std::vector<ir::Finding> &Findings, SourceCache &Sources,
                 std::vector<ir::Finding> *Suppressed) {
  applyNolint(
      Findings, [&](llvm::StringRef File) { return Sources.text(File); },
      Suppressed);
}

void applyNolint(
    std::vector<ir::Finding> &Findings,
    llvm::function_ref<std::optional<llvm::StringRef>(llvm::StringRef)> TextOf,
    std::vector<ir::Finding> *Suppressed) {
  std::map<std::string, FileNolint> Files;
  std::vector<ir::Finding> Kept;
  for (ir::Finding &X : Findings) {
    auto It = Files.find(X.Loc.File);
    if (It == Files.end()) {
      std::optional<llvm::StringRef> Text = TextOf(X.Loc.File);
      It = Files.emplace(X.Loc.File, Text ? analyse(X.Loc.File, *Text)
                                          : FileNolint())
               .first;
    }
    if (!suppressed(It->second, X))
      Kept.push_back(std::move(X));
    else if (Suppressed)
      Suppressed->push_back(std::move(X));
  }
  for (auto &[File, F] : Files)
    for (ir::Finding &U : F.Unmatched)
      Kept.push_back(std::move(U));
  Findings = std::move(Kept);
}

} // namespace gradlint::lint
