//===- lint/report/SvgPlot.cpp - Line plots as inline SVG -----------------===//

#include "lint/report/SvgPlot.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace gradlint::lint {

namespace {

/// Margins of the plot area inside the SVG: room for tick labels on the
/// left, the title on top, the x label below.
constexpr double Left = 64, Right = 12, Top = 30, Bottom = 42;

std::string fmt(double V) {
  char B[32];
  std::snprintf(B, sizeof B, "%.1f", V);
  return B;
}

std::string tickLabel(double V) {
  char B[32];
  std::snprintf(B, sizeof B, "%.3g", V);
  return B;
}

/// The median of the finite values of \p V, or NaN.
double medianOf(std::vector<double> V) {
  if (V.empty())
    return NAN;
  std::sort(V.begin(), V.end());
  size_t N = V.size();
  return N % 2 ? V[N / 2] : 0.5 * (V[N / 2 - 1] + V[N / 2]);
}

/// Min, median and max across seeds at each x; NaN where no seed has a
/// value that can be drawn.
struct Band {
  std::vector<double> Lo, Mid, Hi;
};

Band bandOf(const PlotSeries &S, bool LogY) {
  Band B;
  for (size_t I = 0; I < S.X.size(); ++I) {
    std::vector<double> Vals;
    for (const std::vector<double> &Seed : S.Seeds)
      if (I < Seed.size() && std::isfinite(Seed[I]) && (!LogY || Seed[I] > 0))
        Vals.push_back(LogY ? std::log10(Seed[I]) : Seed[I]);
    if (Vals.empty()) {
      B.Lo.push_back(NAN);
      B.Mid.push_back(NAN);
      B.Hi.push_back(NAN);
      continue;
    }
    B.Lo.push_back(*std::min_element(Vals.begin(), Vals.end()));
    B.Hi.push_back(*std::max_element(Vals.begin(), Vals.end()));
    B.Mid.push_back(medianOf(Vals));
  }
  return B;
}

/// A step of 1, 2 or 5 times a power of ten giving about \p N ticks.
double niceStep(double Range, int N) {
  double Raw = Range / N;
  double Mag = std::pow(10.0, std::floor(std::log10(Raw)));
  for (double M : {1.0, 2.0, 5.0, 10.0})
    if (M * Mag >= Raw)
      return M * Mag;
  return 10 * Mag;
}

} // namespace

std::string escapeXml(const std::string &Text) {
  std::string Out;
  Out.reserve(Text.size());
  for (char C : Text) {
    switch (C) {
    case '&':
      Out += "&amp;";
      break;
    case '<':
      Out += "&lt;";
      break;
    case '>':
      Out += "&gt;";
      break;
    case '"':
      Out += "&quot;";
      break;
    case '\'':
      Out += "&#39;";
      break;
    default:
      Out += C;
    }
  }
  return Out;
}

std::string svgPlot(const PlotSpec &Spec, const std::vector<PlotSeries> &All) {
  // The legend goes under the x label, three entries a row, outside the
  // plot area (which then holds nothing coloured but the data).
  constexpr size_t LegendColumns = 3;
  constexpr double LegendRow = 15;
  size_t LegendRows = (All.size() + LegendColumns - 1) / LegendColumns;
  double W = Spec.Width, H = Spec.Height + LegendRows * LegendRow;
  double PW = W - Left - Right, PH = Spec.Height - Top - Bottom;
  std::vector<Band> Bands;
  double XMin = INFINITY, XMax = -INFINITY, YMin = INFINITY, YMax = -INFINITY;
  for (const PlotSeries &S : All) {
    Bands.push_back(bandOf(S, Spec.LogY));
    const Band &B = Bands.back();
    for (size_t I = 0; I < S.X.size(); ++I) {
      if (std::isnan(B.Mid[I]))
        continue;
      XMin = std::min(XMin, S.X[I]);
      XMax = std::max(XMax, S.X[I]);
      YMin = std::min(YMin, B.Lo[I]);
      YMax = std::max(YMax, B.Hi[I]);
    }
  }

  std::string Out = "<svg class=\"plot\" xmlns=\"http://www.w3.org/2000/svg\" "
                    "width=\"" + fmt(W) + "\" height=\"" + fmt(H) +
                    "\" viewBox=\"0 0 " + fmt(W) + " " + fmt(H) +
                    "\" role=\"img\" aria-label=\"" + escapeXml(Spec.Title) +
                    "\">\n";
  Out += "<title>" + escapeXml(Spec.Title) + "</title>\n";
  Out += "<text x=\"" + fmt(W / 2) + "\" y=\"18\" text-anchor=\"middle\" "
         "class=\"plot-title\">" + escapeXml(Spec.Title) + "</text>\n";
  // On pixel centres, so the 1-pixel frame renders as one solid grey line;
  // drawn last, over the curves that touch it.
  std::string Frame = "<rect class=\"plot-area\" x=\"" + fmt(Left + 0.5) +
                      "\" y=\"" + fmt(Top + 0.5) + "\" width=\"" + fmt(PW) +
                      "\" height=\"" + fmt(PH) +
                      "\" fill=\"none\" stroke=\"#888\"/>\n";
  if (!std::isfinite(XMin) || !std::isfinite(YMin)) {
    Out += Frame + "<text class=\"plot-empty\" x=\"" + fmt(Left + PW / 2) +
           "\" y=\"" + fmt(Top + PH / 2) +
           "\" text-anchor=\"middle\">no finite values to draw</text>\n</svg>\n";
    return Out;
  }
  for (double V : Spec.YInclude) {
    if (!std::isfinite(V) || (Spec.LogY && V <= 0))
      continue;
    double Y = Spec.LogY ? std::log10(V) : V;
    YMin = std::min(YMin, Y);
    YMax = std::max(YMax, Y);
  }
  if (Spec.LogY) {
    YMin = std::floor(YMin);
    YMax = std::ceil(YMax);
    if (YMax <= YMin)
      YMax = YMin + 1;
  } else {
    double Pad = (YMax - YMin) * 0.05;
    if (Pad == 0)
      Pad = YMax == 0 ? 1 : std::abs(YMax) * 0.1;
    YMin -= Pad;
    YMax += Pad;
  }
  if (XMax <= XMin)
    XMax = XMin + 1;
  auto PX = [&](double X) { return Left + (X - XMin) / (XMax - XMin) * PW; };
  auto PY = [&](double Y) { return Top + PH - (Y - YMin) / (YMax - YMin) * PH; };

  // Ticks and grid lines.
  std::vector<double> YTicks;
  if (Spec.LogY) {
    int Every = std::max(1, int(std::ceil((YMax - YMin) / 8)));
    for (double E = YMin; E <= YMax + 1e-9; E += Every)
      YTicks.push_back(E);
  } else {
    double Step = niceStep(YMax - YMin, 5);
    for (double T = std::ceil(YMin / Step) * Step; T <= YMax + 1e-12; T += Step)
      YTicks.push_back(T);
  }
  for (double T : YTicks) {
    double Y = PY(T);
    Out += "<line x1=\"" + fmt(Left) + "\" x2=\"" + fmt(Left + PW) + "\" y1=\"" +
           fmt(Y) + "\" y2=\"" + fmt(Y) + "\" stroke=\"#e4e4e4\"/>\n";
    std::string Label =
        Spec.LogY ? "1e" + std::to_string(int(std::lround(T))) : tickLabel(T);
    Out += "<text class=\"tick\" x=\"" + fmt(Left - 4) + "\" y=\"" + fmt(Y + 4) +
           "\" text-anchor=\"end\">" + Label + "</text>\n";
  }
  double XStep = niceStep(XMax - XMin, 5);
  for (double T = std::ceil(XMin / XStep) * XStep; T <= XMax + 1e-9; T += XStep)
    Out += "<text class=\"tick\" x=\"" + fmt(PX(T)) + "\" y=\"" +
           fmt(Top + PH + 14) + "\" text-anchor=\"middle\">" + tickLabel(T) +
           "</text>\n";
  Out += "<text class=\"axis-label\" x=\"" + fmt(Left + PW / 2) + "\" y=\"" +
         fmt(Spec.Height - 10) + "\" text-anchor=\"middle\">" +
         escapeXml(Spec.XLabel) +
         "</text>\n";
  Out += "<text class=\"axis-label\" transform=\"translate(12 " +
         fmt(Top + PH / 2) + ") rotate(-90)\" text-anchor=\"middle\">" +
         escapeXml(Spec.YLabel) + "</text>\n";

  // Bands first, then the median lines over them.
  for (size_t K = 0; K < All.size(); ++K) {
    const PlotSeries &S = All[K];
    const Band &B = Bands[K];
    std::string Color = escapeXml(S.Color);
    for (size_t I = 0; I < S.X.size();) {
      if (std::isnan(B.Mid[I])) {
        ++I;
        continue;
      }
      size_t J = I;
      while (J < S.X.size() && !std::isnan(B.Mid[J]))
        ++J;
      std::string D;
      for (size_t P = I; P < J; ++P)
        D += (P == I ? "M" : "L") + fmt(PX(S.X[P])) + " " + fmt(PY(B.Hi[P])) + " ";
      for (size_t P = J; P-- > I;)
        D += "L" + fmt(PX(S.X[P])) + " " + fmt(PY(B.Lo[P])) + " ";
      Out += "<path class=\"band\" d=\"" + D + "Z\" fill=\"" + Color +
             "\" fill-opacity=\"0.22\" stroke=\"none\"/>\n";
      std::string L;
      for (size_t P = I; P < J; ++P)
        L += (P == I ? "M" : "L") + fmt(PX(S.X[P])) + " " + fmt(PY(B.Mid[P])) + " ";
      Out += "<path class=\"median\" d=\"" + L + "\" fill=\"none\" stroke=\"" +
             Color + "\" stroke-width=\"2\"" +
             (S.Dashed ? " stroke-dasharray=\"6 3\"" : "") + "/>\n";
      I = J;
    }
  }
  Out += Frame;
  for (size_t K = 0; K < All.size(); ++K) {
    const PlotSeries &S = All[K];
    double LX = Left + double(K % LegendColumns) * (PW / LegendColumns);
    double LY = Spec.Height + 4 + double(K / LegendColumns) * LegendRow;
    Out += "<line x1=\"" + fmt(LX) + "\" x2=\"" + fmt(LX + 18) + "\" y1=\"" +
           fmt(LY - 4) + "\" y2=\"" + fmt(LY - 4) + "\" stroke=\"" +
           escapeXml(S.Color) + "\" stroke-width=\"2\"" +
           (S.Dashed ? " stroke-dasharray=\"6 3\"" : "") + "/>\n";
    Out += "<text class=\"legend\" x=\"" + fmt(LX + 22) + "\" y=\"" + fmt(LY) +
           "\">" + escapeXml(S.Label) + "</text>\n";
  }
  Out += "</svg>\n";
  return Out;
}

} // namespace gradlint::lint
