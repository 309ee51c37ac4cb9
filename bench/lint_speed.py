#!/usr/bin/env python3
"""Times gradlint against the bundled API model and prints medians and
ratios measured in one run: gradlint --no-probe, gradlint with the probe,
clang++-19 -fsyntax-only and (when built) clang-tidy-19 with the gradlint
plugin, on the same files with the same flags.

Usage: bench/lint_speed.py [build-dir] [runs]
       bench/lint_speed.py --real [build-dir] [FILE...]

--real: the real LibTorch headers (/usr/include/torch/csrc/api/include), one
run of each per file (examples/seed/*.cpp unless FILEs are given):
gradlint cold (an empty cache: the first file's run builds the real-header
PCH; later files of the same flags find it), gradlint warm (the PCH built,
the file parsed: --no-cache), gradlint with its result cache warm too (the
file not parsed at all), gradlint warm with every template instantiation
(GRADLINT_ALL_INSTANTIATIONS=1: what the parse cost before the framework's
own instantiations were skipped),
clang++-19 -fsyntax-only without a PCH and with -include-pch of the PCH
gradlint built, and clang-tidy-19 with the gradlint plugin; wall and CPU
seconds, peak memory of each process (with its children), and the ratios
the issue asks for.
"""
import os
import statistics
import subprocess
import sys
import time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if "--real" in sys.argv[1:]:
    sys.argv.remove("--real")
    REAL = True
else:
    REAL = False
build = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "build")
runs = int(sys.argv[2]) if len(sys.argv) > 2 and not REAL else 5
api = os.path.join(root, "lint", "api")
flags = ["-std=c++17", "-I" + api]
gradlint = os.path.join(build, "bin", "gradlint")
plugin = os.path.join(build, "lib", "GradlintTidyModule.so")
files = [os.path.join(root, "examples", "seed", "1-sigmoid-stack-tiny-init.cpp"),
         os.path.join(root, "bench", "Inputs", "model300.cpp")]


def measured(cmd, env=None):
    """Wall seconds, CPU seconds and peak RSS (MB) of one run of cmd."""
    t = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-f", "%U %S %M"] + cmd, env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                       universal_newlines=True)
    wall = time.perf_counter() - t
    user, system, rss = p.stderr.strip().splitlines()[-1].split()[-3:]
    return wall, float(user) + float(system), int(rss) / 1024.0, p.returncode


def real_bench(files):
    import glob
    import shutil
    import tempfile
    torch = "/usr/include/torch/csrc/api/include"
    flags = ["-std=c++17", "-I" + torch]
    clangxx = "/usr/lib/llvm-19/bin/clang++"
    tidy = "/usr/lib/llvm-19/bin/clang-tidy"
    files = files or sorted(glob.glob(os.path.join(root, "examples", "seed", "*.cpp")))
    cache = tempfile.mkdtemp(prefix="gradlint-bench-cache-")
    env = dict(os.environ, GRADLINT_CACHE_DIR=cache)
    print("real LibTorch headers (%s), one run each; cache %s" % (torch, cache))
    print("%-30s %-36s %8s %8s %8s" % ("file", "run", "wall s", "cpu s", "peak MB"))
    summary = []
    for i, f in enumerate(files):
        name = os.path.basename(f)
        lint = [gradlint, "--no-probe", "--header-mode=real", f, "--"] + flags
        # Cold once: the first file's run finds an empty cache.
        rows = [("gradlint cold (builds PCH)", measured(lint, env))] if i == 0 else []
        # Warm: the PCH is built; the file is parsed (the result cache would
        # skip the parse that the ratios compare).
        rows.append(("gradlint warm (--no-cache)", measured(lint[:1] + ["--no-cache"] + lint[1:], env)))
        rows.append(("gradlint warm, all instantiations",
                     measured(lint[:1] + ["--no-cache"] + lint[1:],
                              dict(env, GRADLINT_ALL_INSTANTIATIONS="1"))))
        measured(lint, env)  # stores the result
        rows.append(("gradlint result cache hit", measured(lint, env)))
        pchs = glob.glob(os.path.join(cache, "real-*.pch"))
        rows.append(("clang++-19 -fsyntax-only", measured([clangxx, "-fsyntax-only"] + flags + [f])))
        if pchs:
            rows.append(("clang++-19 -fsyntax-only -include-pch",
                         measured([clangxx, "-fsyntax-only", "-include-pch", pchs[0]] + flags + [f])))
        if os.path.exists(plugin):
            rows.append(("clang-tidy-19 --load (gradlint-*)",
                         measured([tidy, "--load=" + plugin, "--checks=-*,gradlint-*", f, "--"] + flags)))
        for label, (wall, cpu, rss, rc) in rows:
            print("%-30s %-36s %8.2f %8.2f %8.0f" % (name, label, wall, cpu, rss))
        r = dict((label.split(" (")[0], m) for label, m in rows)
        summary.append((name, r))
        sys.stdout.flush()
    print("\nratios (wall / cpu); targets: warm <= 0.15x clang-tidy, <= 1.2x clang++ -include-pch")
    for name, r in summary:
        warm = r["gradlint warm"]
        parts = []
        for other in ("clang-tidy-19 --load", "clang++-19 -fsyntax-only -include-pch",
                      "clang++-19 -fsyntax-only", "gradlint warm, all instantiations"):
            if other in r:
                parts.append("%.2fx / %.2fx %s" % (warm[0] / r[other][0], warm[1] / r[other][1], other))
        print("  %-30s warm gradlint = %s" % (name, "; ".join(parts)))
        if "gradlint result cache hit" in r and "clang-tidy-19 --load" in r:
            hit, tidy_m = r["gradlint result cache hit"], r["clang-tidy-19 --load"]
            print("  %-30s result cache hit = %.3fx / %.3fx clang-tidy-19 --load"
                  % ("", hit[0] / tidy_m[0], hit[1] / tidy_m[1]))
    shutil.rmtree(cache, ignore_errors=True)


def median_time(cmd):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


if REAL:
    real_bench(sys.argv[2:])
    sys.exit(0)

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
