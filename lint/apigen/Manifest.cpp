//===- lint/apigen/Manifest.cpp - What the bundled API model covers -------===//

#include "lint/apigen/Manifest.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSwitch.h"

#include <optional>

namespace gradlint::apigen {

bool parseManifest(const std::string &Text, Manifest &M, std::string &Error) {
  llvm::SmallVector<llvm::StringRef, 0> Lines;
  llvm::StringRef(Text).split(Lines, '\n');
  unsigned LineNo = 0;
  for (llvm::StringRef L : Lines) {
    ++LineNo;
    L = L.split('#').first.trim();
    if (L.empty())
      continue;
    llvm::SmallVector<llvm::StringRef, 8> Words;
    L.split(Words, ' ', -1, /*KeepEmpty=*/false);
    llvm::StringRef Op = Words[0];
    auto Fail = [&](const char *Why) {
      Error = "manifest line " + std::to_string(LineNo) + ": " + Why;
      return false;
    };
    if (Op == "file") {
      if (Words.size() != 2)
        return Fail("file takes one path");
      M.Files.push_back({Words[1].str(), {}});
      continue;
    }
    if (M.Files.empty())
      return Fail("entry before the first 'file'");
    std::optional<EntryKind> K =
        llvm::StringSwitch<std::optional<EntryKind>>(Op)
            .Case("include", EntryKind::Include)
            .Case("class", EntryKind::Class)
            .Case("forward", EntryKind::Forward)
            .Case("function", EntryKind::Function)
            .Case("functions", EntryKind::Functions)
            .Case("classes", EntryKind::Classes)
            .Case("all", EntryKind::All)
            .Case("enum", EntryKind::Enum)
            .Case("alias", EntryKind::Alias)
            .Case("var", EntryKind::Var)
            .Case("using", EntryKind::Using)
            .Case("prelude", EntryKind::Prelude)
            .Case("omit", EntryKind::Omit)
            .Case("substitute", EntryKind::Substitute)
            .Default(std::nullopt);
    if (!K)
      return Fail("unknown entry kind");
    if (Words.size() < 2)
      return Fail("entry needs a name");
    Entry E{*K, Words[1].str(), "", "", {}, LineNo};
    bool TwoArgs = *K == EntryKind::Substitute || *K == EntryKind::Functions || *K == EntryKind::Classes || *K == EntryKind::All ||
                   *K == EntryKind::Using;
    if (TwoArgs) {
      if (Words.size() == 4 && Words[3].starts_with("!") &&
          *K != EntryKind::Using)
        E.Unless = Words[3].drop_front().str();
      else if (Words.size() != 3)
        return Fail("entry takes two arguments");
      E.Arg = Words[2].str();
    } else {
      for (size_t I = 2; I < Words.size(); ++I) {
        if (*K == EntryKind::Prelude || *K == EntryKind::Omit) {
          E.Exclude.push_back(Words[I].str());
          continue;
        }
        if (*K != EntryKind::Class || !Words[I].starts_with("-"))
          return Fail("unexpected argument");
        E.Exclude.push_back(Words[I].drop_front().str());
      }
    }
    M.Files.back().Entries.push_back(std::move(E));
  }
  return true;
}

} // namespace gradlint::apigen
