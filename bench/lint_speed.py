#!/usr/bin/env python3
"""Times gradlint against the bundled API model and prints medians and
ratios measured in one run: gradlint --no-probe, gradlint with the probe,
clang++-19 -fsyntax-only and (when built) clang-tidy-19 with the gradlint
plugin, on the same files with the same flags.

Usage: bench/lint_speed.py [build-dir] [runs]
"""
import os
import statistics
import subprocess
import sys
import time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
build = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "build")
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
api = os.path.join(root, "lint", "api")
flags = ["-std=c++17", "-I" + api]
gradlint = os.path.join(build, "bin", "gradlint")
plugin = os.path.join(build, "lib", "GradlintTidyModule.so")
files = [os.path.join(root, "examples", "seed", "1-sigmoid-stack-tiny-init.cpp"),
         os.path.join(root, "bench", "Inputs", "model300.cpp")]


def median_time(cmd):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


# gradlint precompiles the API model (docs/usage.md); time clang++ with the
# same kind of PCH too, so the comparison is like for like.
import tempfile
pch_dir = tempfile.mkdtemp()
pch = os.path.join(pch_dir, "api.pch")
subprocess.run(["/usr/lib/llvm-19/bin/clang++", "-x", "c++-header", "-std=c++17",
                "-isystem", api, "-w", os.path.join(api, "torch", "torch.h"), "-o", pch],
               check=True)
# Warm gradlint's own PCH cache before timing.
subprocess.run([gradlint, "--no-probe", files[0], "--"] + flags,
               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

for f in files:
    name = os.path.basename(f)
    rows = [
        ("clang++-19 -fsyntax-only", ["/usr/lib/llvm-19/bin/clang++", "-fsyntax-only"] + flags + [f]),
        ("clang++-19 -fsyntax-only, API PCH", ["/usr/lib/llvm-19/bin/clang++", "-fsyntax-only",
                                              "-std=c++17", "-isystem", api, "-include-pch", pch, f]),
        ("gradlint --no-probe", [gradlint, "--no-probe", f, "--"] + flags),
        ("gradlint (probe on)", [gradlint, f, "--"] + flags),
    ]
    if os.path.exists(plugin):
        rows.append(("clang-tidy-19 --load (gradlint-*)",
                     ["/usr/lib/llvm-19/bin/clang-tidy", "--load=" + plugin,
                      "--checks=-*,gradlint-*", f, "--"] + flags))
    results = [(label, median_time(cmd)) for label, cmd in rows]
    base = results[0][1]
    print("%s (%d lines), median of %d runs:" % (name, sum(1 for _ in open(f)), runs))
    for label, t in results:
        print("  %-36s %6.3f s   %5.2fx clang++ -fsyntax-only" % (label, t, t / base))
