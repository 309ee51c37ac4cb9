#!/usr/bin/env python3
"""A/B of the end-of-TU pruning of framework-only template instantiations
(lint/driver/FrameworkInstantiations.h): runs gradlint on each file with it
and without it (GRADLINT_ALL_INSTANTIATIONS=1) and requires byte-identical
output, the findings (JSON, with notes) and the Model IR (--dump-model);
prints the CPU seconds of both.

Usage: bench/instantiation_ab.py [--real] [--gradlint G] [--arg FLAG]... FILE...

Each file gets -std=c++17 and -I of its own folder (and of an include/ of a
project above it); --real parses the real LibTorch headers
(/usr/include/torch/csrc/api/include) against their PCH, else the bundled
API model. --no-cache: every run parses.
"""
import argparse
import os
import resource
import subprocess
import sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TORCH = "/usr/include/torch/csrc/api/include"


def flags(path, extra):
    out = ["-std=c++17", "-I" + os.path.dirname(os.path.abspath(path))]
    d = os.path.dirname(os.path.abspath(path))
    while d != "/" and d.startswith(root):
        if os.path.isdir(os.path.join(d, "include")):
            out.append("-I" + os.path.join(d, "include"))
            break
        d = os.path.dirname(d)
    return out + list(extra)


def run(gradlint, path, real, extra, what, all_inst):
    args = [gradlint, path, "--no-cache",
            "--header-mode=" + ("real" if real else "bundled")]
    if what == "ir":
        args.append("--dump-model")
    else:
        args += ["--format=json", "--no-probe", "--checks=gradlint-*"]
    args += ["--"] + flags(path, extra) + (["-I" + TORCH] if real else [])
    env = dict(os.environ)
    env.pop("GRADLINT_ALL_INSTANTIATIONS", None)
    if all_inst:
        env["GRADLINT_ALL_INSTANTIATIONS"] = "1"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    p = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       env=env)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return p.returncode, p.stdout, p.stderr, cpu


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gradlint", default=os.path.join(root, "build", "bin", "gradlint"))
    ap.add_argument("--real", action="store_true")
    ap.add_argument("--arg", action="append", default=[])
    ap.add_argument("files", nargs="+")
    a = ap.parse_args()
    different = 0
    cpu_new = cpu_all = 0.0
    for f in a.files:
        for what in ("ir", "findings"):
            new = run(a.gradlint, f, a.real, a.arg, what, False)
            old = run(a.gradlint, f, a.real, a.arg, what, True)
            cpu_new += new[3]
            cpu_all += old[3]
            same = new[:3] == old[:3]
            different += not same
            print("%s %s %s (%.2f s vs %.2f s cpu)" % (
                "same" if same else "DIFFERENT", what, os.path.basename(f),
                new[3], old[3]))
            sys.stdout.flush()
    print("total cpu: %.1f s pruned, %.1f s all instantiations (%.2fx); %d different"
          % (cpu_new, cpu_all, cpu_new / max(cpu_all, 1e-9), different))
    return 1 if different else 0


if __name__ == "__main__":
    sys.exit(main())
