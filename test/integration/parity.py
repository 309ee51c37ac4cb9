#!/usr/bin/env python3
"""Runs gradlint on each source with the real LibTorch headers and with the
bundled API model and requires identical results: the same findings (with
notes) and, with --ir, the same Model IR.

Usage: parity.py --gradlint G --torch-include DIR [--ir] [--pch] [--arg FLAG]... FILE...

--arg adds a compiler flag to both runs (a project's -I<include>).
--pch compares the real headers parsed against their precompiled header
with the real headers parsed without it (--no-pch) instead.
"""
import argparse
import json
import subprocess
import sys


PCH_MODE = False


def run(gradlint, path, mode, torch_include, what, extra=()):
    args = [gradlint, path]
    if mode == "real-no-pch":
        mode = "real"
        args.append("--no-pch")
    if mode == "real" and PCH_MODE:
        # Both runs parse: no result cached by the other one.
        args.append("--no-cache")
    args.append("--header-mode=" + mode)
    if what == "ir":
        args.append("--dump-model")
    else:
        args += ["--format=json", "--no-probe", "--checks=gradlint-*"]
    args += ["--", "-std=c++17"] + list(extra)
    if mode == "real":
        args.append("-I" + torch_include)
    p = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       universal_newlines=True)
    if p.returncode not in (0, 1):
        sys.exit("parity: %s (%s) exited %d:\n%s" % (path, mode, p.returncode, p.stderr))
    return json.loads(p.stdout)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gradlint", required=True)
    ap.add_argument("--torch-include", required=True)
    ap.add_argument("--ir", action="store_true")
    ap.add_argument("--pch", action="store_true")
    ap.add_argument("--arg", action="append", default=[])
    ap.add_argument("files", nargs="+")
    a = ap.parse_args()
    global PCH_MODE
    PCH_MODE = a.pch
    failed = 0
    other = "real-no-pch" if a.pch else "bundled"
    for f in a.files:
        for what in (["ir"] if a.ir else []) + ["findings"]:
            real = run(a.gradlint, f, "real", a.torch_include, what, a.arg)
            bundled = run(a.gradlint, f, other, a.torch_include, what, a.arg)
            if real != bundled:
                failed += 1
                print("DIFFERENT %s %s" % (what, f))
                print("--- real\n" + json.dumps(real, indent=1, sort_keys=True)[:4000])
                print("--- %s\n" % other + json.dumps(bundled, indent=1, sort_keys=True)[:4000])
            else:
                n = len(real.get("findings", [])) if what == "findings" else len(real.get("models", []))
                print("same %s %s (%d)" % (what, f.split("/")[-1], n))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
