//===- lint/report/SvgPlot.h - Line plots as inline SVG --------*- C++ -*-===//
//
// A small plotter for the HTML report: lines over a shared x axis, each
// drawn as its median across seeds with the min-max band of the seeds
// behind it. Plain SVG text, no scripts, no fonts to fetch.
//
//===----------------------------------------------------------------------===//

#ifndef GRADLINT_LINT_REPORT_SVGPLOT_H
#define GRADLINT_LINT_REPORT_SVGPLOT_H

#include <string>
#include <vector>

namespace gradlint::lint {

/// One line of a plot: a value per seed at each x.
struct PlotSeries {
  std::string Label;
  /// A CSS colour.
  std::string Color;
  std::vector<double> X;
  /// Seeds[S][I]: seed S's value at X[I]; non-finite values are gaps.
  std::vector<std::vector<double>> Seeds;
  bool Dashed = false;
};

struct PlotSpec {
  std::string Title;
  std::string XLabel;
  std::string YLabel;
  /// Logarithmic y axis (non-positive values are gaps).
  bool LogY = false;
  int Width = 400;
  int Height = 250;
  /// Values the y axis covers even where no series reaches them: plots
  /// meant to be compared side by side share a range.
  std::vector<double> YInclude;
};

/// The plot as an `<svg class="plot">` element; a plot with no finite
/// value says so in place of lines.
std::string svgPlot(const PlotSpec &Spec, const std::vector<PlotSeries> &S);

/// \p Text with &, <, >, " and ' escaped for HTML and SVG.
std::string escapeXml(const std::string &Text);

} // namespace gradlint::lint

#endif // GRADLINT_LINT_REPORT_SVGPLOT_H
