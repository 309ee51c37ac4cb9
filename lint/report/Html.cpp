//===- lint/report/Html.cpp - The static HTML report ----------------------===//
//
// One page, readable offline and safe to open: every text that comes from
// the scanned repository (paths, source lines, names, messages) is escaped,
// the page has no script and links nothing but the checks' documentation.
//
//===----------------------------------------------------------------------===//

#include "lint/report/Html.h"

#include "lint/report/CheckDocs.h"
#include "lint/report/SafeWrite.h"
#include "lint/report/SourceCache.h"
#include "lint/report/SvgPlot.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>

namespace gradlint::lint {

namespace {

/// Lines of source shown around a finding.
constexpr unsigned ExcerptContext = 2;

const char *Style = R"css(
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:1500px;padding:16px 24px;color:#1d1d1d;background:#f6f6f4}
h1{font-size:22px;margin:4px 0 8px}h2{font-size:18px;margin:28px 0 8px;border-bottom:2px solid #ccc;padding-bottom:4px}
h3{font-size:15px;margin:0 0 6px}code,pre{font:12.5px/1.4 ui-monospace,"DejaVu Sans Mono",monospace}
.summary{color:#444}.finding{background:#fff;border:1px solid #ddd;border-left:6px solid #c77;border-radius:4px;padding:10px 14px;margin:12px 0}
.finding.sev-error{border-left-color:#b00}.finding.sev-warning{border-left-color:#d80}.finding.sev-note{border-left-color:#69c}
.sev{text-transform:uppercase;font-size:11px;font-weight:700;padding:1px 6px;border-radius:3px;color:#fff;background:#d80;margin-right:6px}
.sev-error .sev{background:#b00}.sev-note .sev{background:#69c}.check{font-size:12px;color:#555;margin-left:6px}
.loc{color:#555;margin:0 0 6px}pre.excerpt{background:#fafafa;border:1px solid #eee;padding:6px 8px;overflow-x:auto;margin:6px 0}
.excerpt .hl{background:#fff1b8;display:inline-block;min-width:100%}.excerpt .ln{color:#999;user-select:none}
ul.notes{margin:6px 0;padding-left:20px}.fixit p{margin:6px 0 0}.excerpt .del{background:#fdecea;display:inline-block;min-width:100%}.excerpt .ins{background:#e8f5e9;display:inline-block;min-width:100%}
.verdict{margin:8px 0;padding:6px 10px;border-radius:3px;background:#f1f1f1}.verdict-confirmed{background:#e8f5e9}
.verdict-not-confirmed{background:#fff3e0}.verdict-inconclusive{background:#f3f3f3}.verdict-proven{background:#e3f2fd}
.plots{display:flex;flex-wrap:wrap;gap:10px;margin-top:6px}svg.plot{background:#fff;border:1px solid #eee}
svg .tick,svg .legend{font-size:10.5px;fill:#333}svg .axis-label{font-size:11px;fill:#333}svg .plot-title{font-size:12.5px;font-weight:600;fill:#222}
.errors li{color:#900}
)css";

std::string esc(const std::string &S) { return escapeXml(S); }

std::string anchor(const std::string &S) {
  std::string Out = "model-";
  for (char C : S)
    Out += std::isalnum(static_cast<unsigned char>(C)) ? C : '-';
  return Out;
}

std::string where(const ir::SourceLoc &L, const std::string &Root) {
  if (!L.isValid())
    return "";
  return relativePath(L.File, Root) + ":" + std::to_string(L.Line) + ":" +
         std::to_string(L.Column);
}

std::string excerpt(const ir::SourceLoc &L, SourceCache &Sources) {
  if (!L.isValid())
    return "";
  unsigned First = L.Line > ExcerptContext ? L.Line - ExcerptContext : 1;
  std::string Out;
  for (unsigned N = First; N <= L.Line + ExcerptContext; ++N) {
    std::optional<llvm::StringRef> Text = Sources.line(L.File, N);
    if (!Text)
      break;
    char Num[16];
    std::snprintf(Num, sizeof Num, "%5u ", N);
    std::string Line = "<span class=\"ln\">" + std::string(Num) + "</span>" +
                       esc(Text->str());
    Out += N == L.Line ? "<span class=\"hl\">" + Line + "</span>\n" : Line + "\n";
  }
  return Out.empty() ? "" : "<pre class=\"excerpt\">" + Out + "</pre>\n";
}

/// The value of \p C at step \p Step: its latest sample at or before it, NaN
/// past its end (a run that stopped early at a non-finite loss).
double at(const ir::SeedCurve &C, const std::vector<double> &V, double Step) {
  if (C.Steps.empty() || Step > C.Steps.back())
    return NAN;
  auto It = std::upper_bound(C.Steps.begin(), C.Steps.end(), Step);
  if (It == C.Steps.begin())
    return NAN;
  size_t I = size_t(It - C.Steps.begin()) - 1;
  return I < V.size() ? V[I] : NAN;
}

/// The steps of the longest run: the x axis.
std::vector<double> stepsOf(const std::vector<ir::SeedCurve> &Seeds) {
  const ir::SeedCurve *Longest = nullptr;
  for (const ir::SeedCurve &C : Seeds)
    if (!Longest || C.Steps.size() > Longest->Steps.size())
      Longest = &C;
  std::vector<double> X;
  if (Longest)
    for (int S : Longest->Steps)
      X.push_back(S);
  return X;
}

/// A series of \p Seeds' values picked by \p Pick (the loss, a layer's
/// gradient norm) at the steps \p X.
template <typename Fn>
PlotSeries series(const std::string &Label, const std::string &Color,
                  const std::vector<double> &X,
                  const std::vector<ir::SeedCurve> &Seeds, Fn Pick) {
  PlotSeries S;
  S.Label = Label;
  S.Color = Color;
  S.X = X;
  for (const ir::SeedCurve &C : Seeds) {
    const std::vector<double> *V = Pick(C);
    std::vector<double> Row;
    for (double Step : X)
      Row.push_back(V ? at(C, *V, Step) : NAN);
    S.Seeds.push_back(std::move(Row));
  }
  return S;
}

/// Logarithmic when every value is positive and they span over 30x.
bool wantsLog(const std::vector<PlotSeries> &All) {
  double Lo = INFINITY, Hi = 0;
  for (const PlotSeries &S : All)
    for (const std::vector<double> &Row : S.Seeds)
      for (double V : Row) {
        if (!std::isfinite(V))
          continue;
        if (V <= 0)
          return false;
        Lo = std::min(Lo, V);
        Hi = std::max(Hi, V);
      }
  return Hi > 0 && Hi / Lo > 30;
}

const char *const Palette[] = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd",
                               "#ff7f0e", "#8c564b", "#e377c2", "#17becf"};

/// The smallest and largest positive finite gradient norms of \p Seeds.
void gradRange(const std::vector<ir::SeedCurve> &Seeds, std::vector<double> &Out) {
  double Lo = INFINITY, Hi = 0;
  for (const ir::SeedCurve &C : Seeds)
    for (const std::vector<double> &L : C.GradNorm)
      for (double V : L)
        if (std::isfinite(V) && V > 0) {
          Lo = std::min(Lo, V);
          Hi = std::max(Hi, V);
        }
  if (Hi > 0) {
    Out.push_back(Lo);
    Out.push_back(Hi);
  }
}

std::string gradPlot(const std::string &Title, const ir::ProbeCurves &C,
                     const std::vector<ir::SeedCurve> &Seeds) {
  std::vector<double> X = stepsOf(Seeds);
  std::vector<PlotSeries> All;
  for (size_t L = 0; L < C.Layers.size(); ++L)
    All.push_back(series(C.Layers[L], Palette[L % 8], X, Seeds,
                         [L](const ir::SeedCurve &S) {
                           return L < S.GradNorm.size() ? &S.GradNorm[L]
                                                        : nullptr;
                         }));
  PlotSpec Spec;
  Spec.Title = Title;
  Spec.XLabel = "training step";
  Spec.YLabel = "weight gradient norm";
  Spec.LogY = true;
  // One y range for the written and the fixed runs: they are compared.
  gradRange(C.AsWritten, Spec.YInclude);
  gradRange(C.Fixed, Spec.YInclude);
  return svgPlot(Spec, All);
}

std::string plots(const ir::ProbeCurves &C, unsigned Seeds) {
  if (C.AsWritten.empty())
    return "";
  std::string Out = "<div class=\"plots\">\n";
  std::vector<double> X = stepsOf(C.AsWritten);
  std::vector<PlotSeries> Loss;
  auto PickLoss = [](const ir::SeedCurve &S) { return &S.Loss; };
  Loss.push_back(series("as written", "#d62728", X, C.AsWritten, PickLoss));
  if (!C.Fixed.empty()) {
    PlotSeries F = series("with the fix", "#1f77b4", stepsOf(C.Fixed), C.Fixed,
                          PickLoss);
    F.Dashed = true;
    Loss.push_back(std::move(F));
  }
  PlotSpec Spec;
  Spec.Title = "loss over the steps (" + std::to_string(Seeds) +
               " seeds: median, min-max band)";
  Spec.XLabel = "training step";
  Spec.YLabel = "loss";
  Spec.LogY = wantsLog(Loss);
  Out += svgPlot(Spec, Loss);
  if (!C.Layers.empty()) {
    Out += gradPlot("gradient norm per layer, as written", C, C.AsWritten);
    if (!C.Fixed.empty())
      Out += gradPlot("gradient norm per layer, with the fix", C, C.Fixed);
  }
  Out += "</div>\n";
  if (!C.FixDescription.empty())
    Out += "<p class=\"fix-description\">The fix: " + esc(C.FixDescription) +
           ".</p>\n";
  return Out;
}

/// The fix-its as the lines they change, before and after, one pair per
/// line (a fix-it is within one line: the checks make no others).
std::string fixIts(const ir::Finding &F, SourceCache &Sources,
                   const std::string &Root) {
  std::map<std::pair<std::string, unsigned>, std::vector<const ir::FixIt *>> ByLine;
  for (const ir::FixIt &X : F.Fixes)
    if (X.Loc.isValid() && X.Loc.Column > 0)
      ByLine[{X.Loc.File, X.Loc.Line}].push_back(&X);
  std::string Out;
  for (auto &[At, Fixes] : ByLine) {
    std::optional<llvm::StringRef> Line = Sources.line(At.first, At.second);
    if (!Line)
      continue;
    std::string New = Line->str();
    // Right to left, so earlier columns stay valid.
    std::sort(Fixes.begin(), Fixes.end(),
              [](const ir::FixIt *A, const ir::FixIt *B) {
                return A->Loc.Column > B->Loc.Column;
              });
    bool Fits = true;
    for (const ir::FixIt *X : Fixes) {
      size_t Col = X->Loc.Column - 1;
      if (Col + X->Length > New.size()) {
        Fits = false;
        break;
      }
      New.replace(Col, X->Length, X->Replacement);
    }
    if (!Fits)
      continue;
    Out += "<div class=\"fixit\"><p>Fix-it at <code>" +
           esc(relativePath(At.first, Root)) + ":" + std::to_string(At.second) +
           "</code>:</p>\n<pre class=\"excerpt\"><span class=\"del\">- " +
           esc(Line->str()) + "</span>\n<span class=\"ins\">+ " + esc(New) +
           "</span></pre></div>\n";
  }
  return Out;
}

std::string finding(const ir::Finding &F, SourceCache &Sources,
                    const std::string &Root, unsigned Index) {
  std::string Sev(ir::name(F.Sev));
  std::string Out = "<article class=\"finding sev-" + Sev + "\" id=\"finding-" +
                    std::to_string(Index) + "\">\n";
  Out += "<h3><span class=\"sev\">" + Sev + "</span>" + esc(F.Message) +
         "<a class=\"check\" href=\"" + esc(checkPageUrl(F.Check)) + "\">[" +
         esc(F.Check) + "]</a></h3>\n";
  Out += "<p class=\"loc\"><code>" + esc(where(F.Loc, Root)) + "</code></p>\n";
  Out += excerpt(F.Loc, Sources);
  if (!F.Notes.empty()) {
    Out += "<ul class=\"notes\">\n";
    for (const ir::Note &N : F.Notes) {
      Out += "<li>";
      if (N.Loc.isValid())
        Out += "<code>" + esc(where(N.Loc, Root)) + "</code>: ";
      Out += esc(N.Message);
      if (std::optional<llvm::StringRef> L = Sources.line(N.Loc.File, N.Loc.Line))
        Out += "<br><code>" + esc(L->trim().str()) + "</code>";
      Out += "</li>\n";
    }
    Out += "</ul>\n";
  }
  Out += fixIts(F, Sources, Root);
  if (F.Probe) {
    Out += "<p class=\"verdict verdict-" + std::string(ir::name(F.Probe->Kind)) +
           "\">" + esc(ir::verdictNote(*F.Probe)) + "</p>\n";
    if (F.Probe->Curves)
      Out += plots(*F.Probe->Curves, unsigned(F.Probe->Curves->AsWritten.size()));
  }
  Out += "</article>\n";
  return Out;
}

} // namespace

std::string checkPageUrl(const std::string &Check) {
  return checkDocUrl(Check, defaultDocsUrl());
}

std::string modelOfFinding(const ir::Finding &F, const ir::Program &P) {
  for (const ir::Claim &C : F.Claims)
    if (!C.ModelName.empty())
      return C.ModelName;
  const ir::Model *Best = nullptr;
  for (const ir::Model &M : P.Models)
    if (M.Loc.File == F.Loc.File && M.Loc.Line <= F.Loc.Line &&
        (!Best || M.Loc.Line > Best->Loc.Line))
      Best = &M;
  return Best ? Best->Name : "";
}

std::string renderHtml(const Report &R, const ir::Program &P,
                       SourceCache &Sources, const std::string &Root) {
  // Models in the order their first finding appears.
  std::vector<std::string> Order;
  std::map<std::string, std::vector<size_t>> ByModel;
  for (size_t I = 0; I < R.Findings.size(); ++I) {
    std::string M = modelOfFinding(R.Findings[I], P);
    if (!ByModel.count(M))
      Order.push_back(M);
    ByModel[M].push_back(I);
  }
  unsigned Confirmed = 0, Proven = 0;
  for (const ir::Finding &F : R.Findings) {
    Confirmed += F.Probe && F.Probe->Kind == ir::VerdictKind::Confirmed;
    Proven += F.Probe && F.Probe->Kind == ir::VerdictKind::Proven;
  }

  std::string Out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
                    "<meta charset=\"utf-8\">\n"
                    "<meta http-equiv=\"Content-Security-Policy\" "
                    "content=\"default-src 'none'; style-src 'unsafe-inline'; "
                    "img-src data:\">\n"
                    "<title>gradlint report</title>\n<style>" +
                    std::string(Style) + "</style>\n</head>\n<body>\n";
  Out += "<h1>gradlint report</h1>\n";
  Out += "<p class=\"summary\">" + std::to_string(R.Findings.size()) +
         " finding" + (R.Findings.size() == 1 ? "" : "s") + " in " +
         std::to_string(Order.size()) + " model" +
         (Order.size() == 1 ? "" : "s") + "; " + std::to_string(Confirmed) +
         " confirmed by the probe" +
         (Proven ? ", " + std::to_string(Proven) + " proven by the code" : "") +
         ".</p>\n";
  if (!Order.empty()) {
    Out += "<nav><ul>\n";
    for (const std::string &M : Order)
      Out += "<li><a href=\"#" + esc(anchor(M)) + "\">" +
             esc(M.empty() ? "outside any model" : M) + "</a> (" +
             std::to_string(ByModel[M].size()) + ")</li>\n";
    Out += "</ul></nav>\n";
  }
  unsigned Index = 0;
  for (const std::string &M : Order) {
    Out += "<section class=\"model\" id=\"" + esc(anchor(M)) + "\">\n<h2>";
    Out += M.empty() ? std::string("Outside any model")
                     : "Model <code>" + esc(M) + "</code>";
    Out += "</h2>\n";
    for (size_t I : ByModel[M])
      Out += finding(R.Findings[I], Sources, Root, ++Index);
    Out += "</section>\n";
  }
  if (!R.Errors.empty() || !R.Partial.empty()) {
    Out += "<section class=\"errors\">\n<h2>Files not analysed in full</h2>\n<ul>\n";
    for (const FileError &E : R.Errors)
      Out += "<li><code>" + esc(E.File) + "</code>: " + esc(E.Message) + "</li>\n";
    for (const PartialFile &F : R.Partial)
      Out += "<li><code>" + esc(F.File) + "</code>: read in part: " +
             esc(F.Reason) + "</li>\n";
    Out += "</ul>\n</section>\n";
  }
  Out += "</body>\n</html>\n";
  return Out;
}

Status writeHtmlReport(const std::string &Dir, const Report &R,
                       const ir::Program &P, SourceCache &Sources,
                       const std::string &Root) {
  if (std::error_code EC = llvm::sys::fs::create_directories(Dir))
    return Status::error(Dir + ": " + EC.message());
  llvm::SmallString<256> Path(Dir);
  llvm::sys::path::append(Path, "index.html");
  return writeFileAtomically(std::string(Path), renderHtml(R, P, Sources, Root));
}

} // namespace gradlint::lint
