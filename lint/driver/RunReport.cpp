//===- lint/driver/RunReport.cpp - Checks, filters, probe and output ------===//
//
// The merged program checked; findings deduplicated, NOLINT, the header
// and line filters, the baseline and the probe applied; the report written
// (text, JSON, SARIF, HTML, fixes) and the exit status chosen.
//
//===----------------------------------------------------------------------===//

#include "lint/driver/Run.h"

#include "lint/driver/Nolint.h"
#include "lint/driver/ProbeCache.h"
#include "lint/driver/ResultCache.h"
#include "lint/report/Baseline.h"
#include "lint/report/Fixes.h"
#include "lint/report/Html.h"
#include "lint/report/SafeWrite.h"
#include "runtime/Probe.h"
#include "llvm/Support/Regex.h"

#include <algorithm>
#include <tuple>

namespace gradlint::lint {

/// clang-tidy's header filters: findings in the files linted are
/// always shown; in a header, when it does not match
/// ExcludeHeaderFilterRegex and matches HeaderFilterRegex (every header
/// when there is none).
bool Run::headerShown(const ir::Finding &F) {
  if (F.Loc.File.empty() || MainFiles.count(absolute(F.Loc.File)))
    return true;
  if (Cfg.ExcludeHeaderFilterRegex && !Cfg.ExcludeHeaderFilterRegex->empty() &&
      llvm::Regex(*Cfg.ExcludeHeaderFilterRegex).match(F.Loc.File))
    return false;
  if (!Cfg.HeaderFilterRegex)
    return true;
  llvm::Regex R(*Cfg.HeaderFilterRegex);
  return !Cfg.HeaderFilterRegex->empty() && R.match(F.Loc.File);
}

/// Whether --line-filter and --diff keep \p F: whether it is touched by
/// the change (LineFilter::accepts; its evidence in \p P).
bool Run::linesShown(const ir::Program &P, const ir::Finding &F) const {
  return (!Lines || Lines->accepts(F)) &&
         (!Diff || Diff->accepts(F, evidenceFiles(P, F)));
}

int Run::lint(const ir::Program &Merged) {
  rules::Context Ctx(Merged);
  for (const auto &C : Checks.Checks)
    C->check(Ctx);
  std::vector<ir::Finding> Findings = std::move(Ctx.findings());

  // One finding per place: a header seen by two files is checked once in
  // the merged program, but two checks may still agree on a spot.
  std::set<std::tuple<std::string, std::string, unsigned, unsigned,
                      std::string>>
      Seen;
  std::vector<ir::Finding> Unique;
  // A header reached by two spellings (-I../include, -I/abs/include) is
  // one file.
  for (ir::Finding &F : Findings)
    if (Seen.insert({F.Check, canonicalPath(F.Loc.File), F.Loc.Line,
                     F.Loc.Column, F.Message})
            .second)
      Unique.push_back(std::move(F));
  Findings = std::move(Unique);

  if (Cfg.WarningsAsErrors)
    for (ir::Finding &F : Findings)
      if (F.Sev == ir::Severity::Warning &&
          rules::globListMatches(*Cfg.WarningsAsErrors, F.Check, false))
        F.Sev = ir::Severity::Error;

  std::vector<ir::Finding> Suppressed;
  applyNolint(Findings, Sources, &Suppressed);
  // In source order, as clang prints them; NOLINT's own errors included.
  std::stable_sort(Findings.begin(), Findings.end(),
                   [](const ir::Finding &A, const ir::Finding &B) {
                     return std::tie(A.Loc.File, A.Loc.Line, A.Loc.Column) <
                            std::tie(B.Loc.File, B.Loc.Line, B.Loc.Column);
                   });

  std::string Root = projectRoot();
  std::vector<std::string> Prints = fingerprints(Findings, Sources, Root);
  if (!O.WriteBaseline.empty()) {
    Status S = writeBaseline(O.WriteBaseline, Findings, Prints, Root);
    if (!S)
      return error(ExitStatus::UsageError, S.message());
  }

  std::multiset<std::string> Baseline;
  if (!O.Baseline.empty()) {
    StatusOr<std::multiset<std::string>> B = readBaseline(O.Baseline);
    if (!B)
      return error(ExitStatus::UsageError, B.status().message());
    Baseline = std::move(*B);
    Rep.HasBaseline = true;
  }
  unsigned HeldBack = 0;
  std::vector<ir::Finding> Shown;
  std::vector<std::string> ShownPrints;
  for (size_t I = 0; I < Findings.size(); ++I) {
    const ir::Finding &F = Findings[I];
    if (!headerShown(F) || !linesShown(Merged, F))
      continue;
    auto It = Baseline.find(Prints[I]);
    if (It != Baseline.end()) {
      Baseline.erase(It);
      ++HeldBack;
      Rep.Baselined.push_back({F, Prints[I]});
      continue;
    }
    Shown.push_back(F);
    ShownPrints.push_back(Prints[I]);
  }
  std::vector<std::string> SuppressedPrints =
      fingerprints(Suppressed, Sources, Root);
  for (size_t I = 0; I < Suppressed.size(); ++I)
    if (headerShown(Suppressed[I]) && linesShown(Merged, Suppressed[I]))
      Rep.Suppressed.push_back({Suppressed[I], SuppressedPrints[I]});
  if (!O.Baseline.empty() && !O.Quiet)
    llvm::errs() << "gradlint: " << HeldBack << " finding"
                 << (HeldBack == 1 ? "" : "s") << " held back by baseline "
                 << O.Baseline << "\n";

  if (O.Probe) {
    probe::ProbeOptions PO;
    PO.Steps = O.ProbeSteps;
    ResultCache Cache(O.Cache, ApiDir);
    if (probeWithCache(Merged, Shown, PO, Cache) && O.Verbose)
      llvm::errs() << "gradlint: probe verdicts from cache\n";
    // "Not confirmed" is shown with its numbers, but as a note: it does
    // not fail --fail-on=warning.
    for (ir::Finding &F : Shown)
      if (F.Probe && F.Probe->Kind == ir::VerdictKind::NotConfirmed)
        F.Sev = ir::Severity::Note;
  }
  Rep.Findings = Shown;
  Rep.Fingerprints = ShownPrints;
  if (Capture) {
    *Capture = Rep;
    return exitCode(ExitStatus::Clean);
  }
  if (Status S = Out.write(Rep, Sources, Root); !S)
    return error(ExitStatus::UsageError, S.message());
  if (!O.HtmlDir.empty())
    if (Status H = writeHtmlReport(O.HtmlDir, Rep, Merged, Sources, Root); !H)
      return error(ExitStatus::UsageError, H.message());

  if (!O.ExportFixes.empty()) {
    // `check`'s inputs are facts files; the main source is the first
    // source they name.
    std::string Main = O.CheckCommand ? (Names.empty() ? "" : Names.front())
                       : O.Sources.empty() ? ""
                                           : O.Sources.front();
    Status E = exportFixes(O.ExportFixes, Main, Shown);
    if (!E)
      return error(ExitStatus::UsageError, E.message());
  }
  if (O.Fix) {
    StatusOr<unsigned> N = applyFixes(Shown, Started);
    if (!N)
      return error(ExitStatus::UsageError, N.status().message());
    if (!O.Quiet && *N)
      llvm::errs() << "gradlint: applied " << *N << " fix"
                   << (*N == 1 ? "" : "es") << "\n";
  }

  // The hook fails a commit for findings only: a file it cannot read is
  // reported above, but must not block a good commit.
  if (!Rep.Errors.empty() && !O.PreCommit)
    return exitCode(ExitStatus::AnalysisError);
  // --write-baseline did what was asked: the findings it recorded are
  // accepted, so an adoption script under `set -e` goes on.
  if (!O.WriteBaseline.empty())
    return exitCode(ExitStatus::Clean);
  for (const ir::Finding &F : Shown)
    if (fails(F.Sev, O.Fail))
      return exitCode(ExitStatus::Findings);
  return exitCode(ExitStatus::Clean);
}

} // namespace gradlint::lint
