//===- lint/driver/LineFilter.cpp - Changed lines only --------------------===//

#include "lint/driver/LineFilter.h"

#include "lint/report/Baseline.h"
#include "lint/report/BoundedInput.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"

#include <algorithm>
#include <functional>

namespace gradlint::lint {

StatusOr<LineFilter> LineFilter::fromJson(const std::string &Json) {
  if (Status S = checkJsonDepth(Json); !S)
    return Status::error("--line-filter: " + S.message());
  llvm::Expected<llvm::json::Value> V = llvm::json::parse(Json);
  if (!V)
    return Status::error("--line-filter: " + llvm::toString(V.takeError()));
  const llvm::json::Array *A = V->getAsArray();
  if (!A)
    return Status::error("--line-filter: expected an array of "
                         "{\"name\", \"lines\"} objects");
  LineFilter F;
  for (size_t I = 0; I < A->size(); ++I) {
    std::string Where = "--line-filter: [" + std::to_string(I) + "]";
    const llvm::json::Object *O = (*A)[I].getAsObject();
    if (!O)
      return Status::error(Where + ": expected an object");
    auto Name = O->getString("name");
    if (!Name)
      return Status::error(Where + ".name: expected a string");
    Entry E;
    E.Name = Name->str();
    if (const llvm::json::Value *L = O->get("lines")) {
      const llvm::json::Array *Ranges = L->getAsArray();
      if (!Ranges)
        return Status::error(Where + ".lines: expected an array");
      E.AllLines = false;
      for (size_t J = 0; J < Ranges->size(); ++J) {
        const llvm::json::Array *R = (*Ranges)[J].getAsArray();
        std::optional<int64_t> Lo, Hi;
        if (R && R->size() == 2) {
          Lo = (*R)[0].getAsInteger();
          Hi = (*R)[1].getAsInteger();
        }
        if (!Lo || !Hi || *Lo < 1 || *Hi < *Lo || *Hi > UINT32_MAX)
          return Status::error(Where + ".lines[" + std::to_string(J) +
                               "]: expected [first, last] with 1 <= first "
                               "<= last");
        E.Lines.push_back({static_cast<unsigned>(*Lo),
                           static_cast<unsigned>(*Hi)});
      }
    }
    F.Entries.push_back(std::move(E));
  }
  return F;
}

/// Runs git with \p Args in the current directory; its stdout, or an error.
static StatusOr<std::string> git(std::vector<llvm::StringRef> Args) {
  auto Git = llvm::sys::findProgramByName("git");
  if (!Git)
    return Status::error("--diff: git not found");
  llvm::SmallString<128> Out, Err;
  llvm::sys::fs::createTemporaryFile("gradlint-git", "out", Out);
  llvm::sys::fs::createTemporaryFile("gradlint-git", "err", Err);
  Args.insert(Args.begin(), "git");
  std::optional<llvm::StringRef> Redirects[] = {std::nullopt, Out.str(),
                                                Err.str()};
  int RC = llvm::sys::ExecuteAndWait(*Git, Args, std::nullopt, Redirects);
  auto OutBuf = llvm::MemoryBuffer::getFile(Out);
  auto ErrBuf = llvm::MemoryBuffer::getFile(Err);
  llvm::sys::fs::remove(Out);
  llvm::sys::fs::remove(Err);
  if (RC != 0) {
    std::string Msg = ErrBuf ? (*ErrBuf)->getBuffer().trim().str() : "";
    Msg = Msg.substr(0, Msg.find('\n'));
    return Status::error("--diff: git " + Args[1].str() + " failed" +
                         (Msg.empty() ? "" : ": " + Msg));
  }
  return OutBuf ? (*OutBuf)->getBuffer().str() : std::string();
}

StatusOr<LineFilter> LineFilter::fromGitDiff(const std::string &Rev) {
  // git reads an argument starting with '-' as an option wherever it
  // stands (--output=<file> truncates any file): a revision never does.
  if (Rev.empty())
    return Status::error("--diff: expected a git revision");
  if (Rev[0] == '-')
    return Status::error("--diff: '" + Rev + "' is not a git revision");
  return fromDiff({"--end-of-options", Rev});
}

StatusOr<LineFilter> LineFilter::fromStagedChanges() {
  return fromDiff({"--cached"});
}

StatusOr<LineFilter> LineFilter::fromDiff(std::vector<llvm::StringRef> Which) {
  StatusOr<std::string> Top = git({"rev-parse", "--show-toplevel"});
  if (!Top)
    return Top.status();
  std::string Root = llvm::StringRef(*Top).trim().str();
  std::vector<llvm::StringRef> Args = {"diff", "-U0", "--no-color",
                                       "--no-ext-diff"};
  Args.insert(Args.end(), Which.begin(), Which.end());
  Args.push_back("--");
  StatusOr<std::string> Diff = git(Args);
  if (!Diff)
    return Diff.status();
  LineFilter F;
  F.Exact = true;
  Entry *Cur = nullptr;
  llvm::SmallVector<llvm::StringRef, 0> Lines;
  llvm::StringRef(*Diff).split(Lines, '\n');
  for (llvm::StringRef L : Lines) {
    if (L.starts_with("+++ ")) {
      llvm::StringRef P = L.drop_front(4);
      if (P == "/dev/null") {
        Cur = nullptr;
        continue;
      }
      if (P.starts_with("b/"))
        P = P.drop_front(2);
      llvm::SmallString<256> Abs(Root);
      llvm::sys::path::append(Abs, P);
      F.Entries.push_back({std::string(Abs), {}, false, {}});
      Cur = &F.Entries.back();
    } else if (Cur && !L.starts_with("--- ") &&
               (L.starts_with("+") || L.starts_with("-"))) {
      Cur->Changed.push_back(L.drop_front(1).str());
    } else if (L.starts_with("@@ ") && Cur) {
      // @@ -a,b +c,d @@: lines c .. c+d-1 of the new file (d = 1 if absent).
      size_t Plus = L.find(" +");
      if (Plus == llvm::StringRef::npos)
        continue;
      llvm::StringRef Spec = L.drop_front(Plus + 2);
      Spec = Spec.take_until([](char C) { return C == ' '; });
      auto [StartS, CountS] = Spec.split(',');
      unsigned Start = 0, Count = 1;
      if (StartS.getAsInteger(10, Start))
        continue;
      if (!CountS.empty() && CountS.getAsInteger(10, Count))
        continue;
      if (Count > 0)
        Cur->Lines.push_back({Start, Start + Count - 1});
      else
        // Lines removed after line Start: the lines on both sides of the
        // gap are touched (deleting zero_grad() touches the backward()
        // below it, where its finding is).
        Cur->Lines.push_back({std::max(1u, Start), Start + 1});
    }
  }
  return F;
}

/// Whether \p Line holds \p Name as a whole identifier.
static bool mentions(llvm::StringRef Line, llvm::StringRef Name) {
  auto IsIdent = [](char C) {
    return std::isalnum(static_cast<unsigned char>(C)) || C == '_';
  };
  for (size_t Pos = Line.find(Name); Pos != llvm::StringRef::npos;
       Pos = Line.find(Name, Pos + 1)) {
    size_t End = Pos + Name.size();
    if ((Pos == 0 || !IsIdent(Line[Pos - 1])) &&
        (End == Line.size() || !IsIdent(Line[End])))
      return true;
  }
  return false;
}

/// A quoted name that can be an identifier in code ('fc2', 'model'), not
/// a phrase or a number.
static bool isIdentifier(llvm::StringRef Name) {
  if (Name.empty() || std::isdigit(static_cast<unsigned char>(Name[0])))
    return false;
  for (char C : Name)
    if (!std::isalnum(static_cast<unsigned char>(C)) && C != '_')
      return false;
  return true;
}

bool LineFilter::accepts(const ir::Finding &F,
                         const std::vector<std::string> &EvidenceFiles) const {
  // As clang-tidy: an empty --line-filter list filters nothing.
  if (!Exact && Entries.empty())
    return true;
  // Touched by the change when any of its places is: the finding's own
  // line, or a note's (where the evidence lies: the layer used, the step
  // taken, the optimizer made).
  if (acceptsLoc(F.Loc))
    return true;
  for (const ir::Note &N : F.Notes)
    if (acceptsLoc(N.Loc))
      return true;
  std::vector<std::string> Names;
  for (const std::string &N : quotedNames(F.Message))
    if (isIdentifier(N))
      Names.push_back(N);
  if (Names.empty())
    return false;
  for (const Entry &E : Entries) {
    if (E.Changed.empty())
      continue;
    bool Evidence = false;
    for (const std::string &File : EvidenceFiles)
      Evidence |= sameFile(E.Name, File);
    if (!Evidence)
      continue;
    for (const std::string &Line : E.Changed)
      for (const std::string &N : Names)
        if (mentions(Line, N))
          return true;
  }
  return false;
}

bool LineFilter::sameFile(const std::string &Name,
                          const std::string &FileIn) const {
  llvm::SmallString<256> Abs(FileIn);
  llvm::sys::fs::make_absolute(Abs);
  llvm::sys::path::remove_dots(Abs, true);
  llvm::SmallString<256> Real, NameReal;
  std::string File =
      llvm::sys::fs::real_path(Abs, Real) ? std::string(Abs) : std::string(Real);
  return File == Name ||
         (!llvm::sys::fs::real_path(Name, NameReal) && File == NameReal);
}

static void addFile(std::vector<std::string> &Out, const ir::SourceLoc &L) {
  if (!L.File.empty() &&
      std::find(Out.begin(), Out.end(), L.File) == Out.end())
    Out.push_back(L.File);
}

static bool sameLine(const ir::SourceLoc &A, const ir::SourceLoc &B) {
  return A.isValid() && A.File == B.File && A.Line == B.Line;
}

std::vector<std::string> evidenceFiles(const ir::Program &P,
                                       const ir::Finding &F) {
  std::vector<std::string> Out;
  std::vector<ir::SourceLoc> Places = {F.Loc};
  for (const ir::Note &N : F.Notes)
    Places.push_back(N.Loc);
  for (const ir::SourceLoc &L : Places)
    addFile(Out, L);
  auto At = [&](const ir::SourceLoc &L) {
    for (const ir::SourceLoc &X : Places)
      if (sameLine(L, X))
        return true;
    return false;
  };
  std::function<bool(const std::vector<ir::Layer> &)> InChain =
      [&](const std::vector<ir::Layer> &Chain) {
        for (const ir::Layer &L : Chain)
          if (At(L.Loc) || InChain(L.Children))
            return true;
        return false;
      };
  for (const ir::Model &M : P.Models) {
    bool About = At(M.Loc) || At(M.ForwardLoc) || InChain(M.Chain);
    for (const ir::Member &Mem : M.Members)
      About |= At(Mem.Loc);
    for (const ir::Init &I : M.Inits)
      About |= At(I.Loc);
    for (const ir::Claim &C : F.Claims)
      About |= C.ModelName == M.Name;
    if (!About)
      continue;
    addFile(Out, M.Loc);
    addFile(Out, M.ForwardLoc);
  }
  return Out;
}

bool LineFilter::acceptsLoc(const ir::SourceLoc &Loc) const {
  if (Loc.File.empty())
    return false;
  std::string File = Loc.File;
  if (Exact) {
    llvm::SmallString<256> Abs(File);
    llvm::sys::fs::make_absolute(Abs);
    llvm::sys::path::remove_dots(Abs, true);
    llvm::SmallString<256> Real;
    if (!llvm::sys::fs::real_path(Abs, Real))
      File = std::string(Real);
    else
      File = std::string(Abs);
  }
  for (const Entry &E : Entries) {
    bool NameMatches;
    if (Exact) {
      llvm::SmallString<256> Real;
      NameMatches = File == E.Name ||
                    (!llvm::sys::fs::real_path(E.Name, Real) && File == Real);
    } else {
      NameMatches = llvm::StringRef(File).ends_with(E.Name);
    }
    if (!NameMatches)
      continue;
    if (E.AllLines)
      return true;
    for (const auto &[Lo, Hi] : E.Lines)
      if (Lo <= Loc.Line && Loc.Line <= Hi)
        return true;
  }
  return false;
}

} // namespace gradlint::lint
