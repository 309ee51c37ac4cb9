#!/usr/bin/env python3
"""Runs a check test through both front ends and prints gradlint's output.

Usage: check_gradlint.py [--gradlint G --tidy T --plugin P --api A] FILE
                         [gradlint options...] [-- compiler args...]

It runs `gradlint --no-probe FILE [options] -- -std=c++17 -I<api> [args]`
and, when the clang-tidy plugin is built, `clang-tidy --load=<plugin>` with
the same --checks and --config, then requires both to report the same
diagnostics (file:line:col: severity: message [check]). gradlint's output is
printed for FileCheck. A difference is a failure: the front ends share the
checks and must never disagree.
"""
import argparse
import re
import subprocess
import sys
import os

DIAG = re.compile(r"^(.*?):(\d+):(\d+): (warning|error|note): (.*)$")


def diagnostics(text):
    out = []
    for line in text.splitlines():
        m = DIAG.match(line)
        if m:
            # The probe's verdict note is gradlint's own; the plugin runs
            # without the probe.
            if m.group(4) == "note" and m.group(5).startswith("probe:"):
                continue
            out.append(line.strip())
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gradlint", required=True)
    ap.add_argument("--tidy", required=True)
    ap.add_argument("--plugin", required=True)
    ap.add_argument("--api", required=True)
    ap.add_argument("--no-tidy", action="store_true",
                    help="compare nothing: the plugin cannot express this test")
    args, rest = ap.parse_known_args()
    if not rest:
        ap.error("no source file")
    source = rest[0]
    rest = rest[1:]
    if "--" in rest:
        i = rest.index("--")
        opts, cargs = rest[:i], rest[i + 1:]
    else:
        opts, cargs = rest, []
    cargs = ["-std=c++17", "-I" + args.api] + cargs

    cmd = [args.gradlint, "--no-probe", source] + opts + ["--"] + cargs
    g = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       universal_newlines=True)
    sys.stdout.write(g.stdout)

    # Findings (exit 1) are what a check test expects; 2 and 3 are errors.
    status = 0 if g.returncode in (0, 1) else g.returncode
    if args.no_tidy or not os.path.exists(args.plugin):
        return status
    tidy_opts = [o for o in opts if o.startswith("--checks=") or o.startswith("--config=")]
    if not any(o.startswith("--checks=") for o in tidy_opts):
        tidy_opts.append("--checks=-*,gradlint-*")
    t = subprocess.run([args.tidy, "--load=" + args.plugin, "--quiet"] + tidy_opts +
                       [source, "--"] + cargs,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       universal_newlines=True)
    gd, td = diagnostics(g.stdout), diagnostics(t.stdout)
    if gd != td:
        sys.stderr.write("check_gradlint: gradlint and clang-tidy --load disagree\n")
        sys.stderr.write("--- gradlint\n" + "\n".join(gd) + "\n")
        sys.stderr.write("--- clang-tidy\n" + "\n".join(td) + "\n" + t.stderr)
        return 99
    return status


if __name__ == "__main__":
    sys.exit(main())
