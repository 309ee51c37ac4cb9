#!/usr/bin/env python3
"""Runs partial files through the gradlint command and the clang-tidy plugin
and prints, per file, whether both report the same findings.

Usage: same_findings.py --gradlint G --tidy T --plugin P --api A FILE...

Each FILE is checked as the realistic suite checks it: `gradlint --no-probe
--header-mode=bundled FILE -- -std=c++17 -I<its folder>`, and `clang-tidy
--load=P --checks=-*,gradlint-* FILE -- -std=c++17 -I<its folder> -I<api>`.
Compared are the gradlint warnings and their notes (file name, line,
column, severity, message); not compared are what only one front end says
about the parse: the command's "partial analysis" note and clang-tidy's
clang-diagnostic-error for the missing header. Prints "same FILE (N
findings)" or "DIFFERENT FILE" followed by the lines only one printed.
"""
import argparse
import os
import re
import subprocess

DIAG = re.compile(r"^(.*?):(\d+):(\d+): (warning|error|note): (.*?)(?: \[([\w,-]+)\])?$")


def findings(text):
    out = []
    for line in text.splitlines():
        m = DIAG.match(line.strip())
        if not m or m.group(4) == "error":
            continue
        if m.group(5).startswith("partial analysis"):
            continue
        out.append("%s:%s:%s: %s: %s" % (os.path.basename(m.group(1)), m.group(2),
                                         m.group(3), m.group(4), m.group(5)))
    return out


def main():
    ap = argparse.ArgumentParser()
    for opt in ("--gradlint", "--tidy", "--plugin", "--api"):
        ap.add_argument(opt, required=True)
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()
    for f in args.files:
        inc = "-I" + os.path.dirname(os.path.abspath(f))
        g = subprocess.run([args.gradlint, "--no-probe", "--header-mode=bundled", f,
                            "--", "-std=c++17", inc],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           universal_newlines=True)
        t = subprocess.run([args.tidy, "--load=" + args.plugin, "--checks=-*,gradlint-*",
                            "--quiet", f, "--", "-std=c++17", inc, "-I" + args.api],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           universal_newlines=True)
        a, b = findings(g.stdout), findings(t.stdout)
        name = os.path.basename(f)
        if a == b:
            print("same %s (%d findings)" % (name, sum(1 for x in a if ": warning: " in x)))
            continue
        print("DIFFERENT %s" % name)
        for x in a:
            if x not in b:
                print("  command only: " + x)
        for x in b:
            if x not in a:
                print("  plugin only: " + x)


if __name__ == "__main__":
    main()
