#!/usr/bin/env python3
"""Checks a screenshot of gradlint's HTML report: every plot is on screen
and none is blank.

Finds the plot areas by their frame (a 1-pixel #888 rectangle drawn on pixel
centres, so it renders as one solid grey row and column) and counts the
coloured pixels inside each: the curves and bands are saturated colours,
while grid lines, ticks and labels are grey.

usage: check_plots.py REPORT.html SCREENSHOT.png [MIN_COLOURED]
"""
import re
import sys

from PIL import Image

FRAME = (136, 136, 136)


def is_frame(p):
    return all(abs(a - b) <= 10 for a, b in zip(p[:3], FRAME))


def is_coloured(p):
    r, g, b = p[:3]
    return max(r, g, b) - min(r, g, b) > 60


def horizontal_runs(img, min_len):
    """(y, x0, x1) of every run of frame-grey pixels at least min_len long."""
    w, h = img.size
    px = img.load()
    runs = []
    for y in range(h):
        x = 0
        while x < w:
            if is_frame(px[x, y]):
                x0 = x
                while x < w and is_frame(px[x, y]):
                    x += 1
                if x - x0 >= min_len:
                    runs.append((y, x0, x - 1))
            else:
                x += 1
    return runs


def plot_areas(img):
    """Rectangles framed by two runs with the same ends and grey sides."""
    runs = horizontal_runs(img, 200)
    px = img.load()
    areas = []
    used = set()
    for i, (y0, a0, b0) in enumerate(runs):
        if i in used:
            continue
        for j in range(i + 1, len(runs)):
            y1, a1, b1 = runs[j]
            if (a1, b1) != (a0, b0) or y1 - y0 < 60:
                continue
            # Both sides are frame grey all the way down.
            if all(is_frame(px[a0, y]) and is_frame(px[b0, y])
                   for y in range(y0, y1 + 1)):
                areas.append((a0, y0, b0, y1))
                used.add(j)
                break
    return areas


def main():
    html, png = sys.argv[1], sys.argv[2]
    minimum = int(sys.argv[3]) if len(sys.argv) > 3 else 150
    text = open(html, encoding="utf-8").read()
    expected = len(re.findall(r'<svg class="plot"', text))
    if re.search(r"<script|src=\"https?:|@import|url\(", text, re.I):
        print("FAIL: the report loads something at view time")
        return 1
    img = Image.open(png).convert("RGB")
    areas = plot_areas(img)
    print("plots in the page: %d, plot areas on screen: %d" %
          (expected, len(areas)))
    if expected == 0 or len(areas) != expected:
        print("FAIL: expected %d plot areas" % expected)
        return 1
    px = img.load()
    failed = 0
    for n, (x0, y0, x1, y1) in enumerate(areas):
        coloured = sum(1 for x in range(x0 + 1, x1) for y in range(y0 + 1, y1)
                       if is_coloured(px[x, y]))
        status = "ok" if coloured >= minimum else "BLANK"
        print("plot %d at (%d,%d)-(%d,%d): %d coloured pixels: %s" %
              (n + 1, x0, y0, x1, y1, coloured, status))
        failed += coloured < minimum
    if failed:
        print("FAIL: %d blank plot(s)" % failed)
        return 1
    print("PASS")
    return 0


if __name__ == "__main__":
    sys.exit(main())
