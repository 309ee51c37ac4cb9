//===- lint/driver/Nolint.cpp - NOLINT comments ---------------------------===//

#include "lint/driver/Nolint.h"

#include "lint/report/SourceCache.h"
#include "rules/Registry.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"

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

/// Finds every NOLINT directive in \p Text.
std::vector<Directive> scan(llvm::StringRef Text) {
  std::vector<Directive> Out;
  size_t Pos = 0;
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
      size_t Close = Text.find(')', After);
      size_t Newline = Text.find('\n', After);
      if (Close != llvm::StringRef::npos && Close < Newline)
        Globs = Text.slice(After + 1, Close).str();
      else
        Globs = std::string(); // "NOLINT(" without ')' suppresses nothing
    } else if (After < Text.size() &&
               (std::isalnum(static_cast<unsigned char>(Text[After])) ||
                Text[After] == '_')) {
      // NOLINTFOO is not a directive.
      Pos = After;
      continue;
    }
    size_t LineStart = Text.rfind('\n', Pos);
    LineStart = LineStart == llvm::StringRef::npos ? 0 : LineStart + 1;
    unsigned Line = 1 + Text.take_front(Pos).count('\n');
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
  std::vector<ir::Finding> Unmatched;
};

FileNolint analyse(const std::string &File, llvm::StringRef Text) {
  FileNolint F;
  F.Directives = scan(Text);
  std::vector<const Directive *> Open;
  auto unmatched = [&](const Directive &D, const char *Message) {
    ir::Finding X;
    X.Check = "clang-tidy-nolint";
    X.Sev = ir::Severity::Error;
    X.Loc = {File, D.Line, D.Column, D.Offset};
    X.Message = Message;
    F.Unmatched.push_back(X);
  };
  for (const Directive &D : F.Directives) {
    if (D.K == Kind::Begin) {
      Open.push_back(&D);
    } else if (D.K == Kind::End) {
      // NOLINTEND closes the innermost NOLINTBEGIN with the same checks.
      auto It = Open.rbegin();
      for (; It != Open.rend(); ++It)
        if ((*It)->Globs == D.Globs)
          break;
      if (It == Open.rend()) {
        unmatched(D, "unmatched 'NOLINTEND' comment without a previous "
                     "'NOLINTBEGIN' comment");
        continue;
      }
      F.Regions.push_back({(*It)->Line, D.Line, (*It)->Globs});
      Open.erase(std::next(It).base());
    }
  }
  for (const Directive *D : Open)
    unmatched(*D, "unmatched 'NOLINTBEGIN' comment without a subsequent "
                  "'NOLINTEND' comment");
  return F;
}

bool suppressed(const FileNolint &F, const ir::Finding &X) {
  for (const Directive &D : F.Directives) {
    if (D.K == Kind::Line && D.Line == X.Loc.Line && selects(D.Globs, X.Check))
      return true;
    if (D.K == Kind::NextLine && D.Line + 1 == X.Loc.Line &&
        selects(D.Globs, X.Check))
      return true;
  }
  for (const FileNolint::Region &R : F.Regions)
    if (R.Begin <= X.Loc.Line && X.Loc.Line <= R.End &&
        selects(R.Globs, X.Check))
      return true;
  return false;
}

} // namespace

void applyNolint(std::vector<ir::Finding> &Findings, SourceCache &Sources,
                 std::vector<ir::Finding> *Suppressed) {
  std::map<std::string, FileNolint> Files;
  std::vector<ir::Finding> Kept;
  for (ir::Finding &X : Findings) {
    auto It = Files.find(X.Loc.File);
    if (It == Files.end()) {
      auto Text = Sources.text(X.Loc.File);
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
