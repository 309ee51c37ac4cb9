//===- lint/report/Html.h - The static HTML report -------------*- C++ -*-===//
//
// `--html=DIR`: DIR/index.html, one self-contained page (inline CSS and
// SVG, no scripts, nothing fetched at view time): the findings grouped by
// model, each with its source excerpt, notes, fix-it, the probe's verdict
// and its curves — the loss as written against the loss with the fix over
// the steps, and the gradient norm of each layer, with the spread across
// seeds.
//
//===----------------------------------------------------------------------===//

#ifndef GRADLINT_LINT_REPORT_HTML_H
#define GRADLINT_LINT_REPORT_HTML_H

#include "lint/report/Report.h"
#include "rules/ir/Model.h"
#include "rules/ir/Status.h"

#include <string>

namespace gradlint::lint {

class SourceCache;

/// The absolute address of a check's documentation page (the LSP server's
/// codeDescription.href, the report's links).
std::string checkPageUrl(const std::string &Check);

/// The model a finding is about: its first claim's, else the model defined
/// last before it in its file, else "".
std::string modelOfFinding(const ir::Finding &F, const ir::Program &P);

/// The report as one HTML page; paths are shown relative to \p Root.
std::string renderHtml(const Report &R, const ir::Program &P,
                       SourceCache &Sources, const std::string &Root);

/// Writes renderHtml() to \p Dir/index.html, creating \p Dir.
[[nodiscard]] Status writeHtmlReport(const std::string &Dir, const Report &R,
                                     const ir::Program &P, SourceCache &Sources,
                                     const std::string &Root);

} // namespace gradlint::lint

#endif // GRADLINT_LINT_REPORT_HTML_H
