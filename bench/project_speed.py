#!/usr/bin/env python3
"""Times gradlint on a whole project of at least 100 files and prints, in
one run: a cold run (empty cache), a warm re-run (every file's facts and the
probe's verdicts cached), a re-run after changing one file, -j1 against -j2
without the result cache, and each run's peak memory (RSS of the process).

The project is generated under a temporary folder: copies of the realistic
programs (test/realistic/*.cpp) and the seed examples (examples/seed/), one
folder per copy, with a compile_commands.json that puts the bundled API
model on the include path. Models of the same name in different copies
merge into one (as they would in a real project); that is part of the
merge's work, not a fault of the bench.

Usage: bench/project_speed.py [build-dir] [--files N] [--probe]
"""
import argparse
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
parser = argparse.ArgumentParser()
parser.add_argument("build", nargs="?", default=os.path.join(root, "build"))
parser.add_argument("--files", type=int, default=120)
parser.add_argument("--probe", action="store_true",
                    help="run the probe too (default --no-probe)")
args = parser.parse_args()
gradlint = os.path.join(args.build, "bin", "gradlint")
api = os.path.join(root, "lint", "api")

sources = sorted(glob.glob(os.path.join(root, "test", "realistic", "*.cpp")) +
                 glob.glob(os.path.join(root, "examples", "seed", "*.cpp")))
if not sources:
    sys.exit("no sources found under test/realistic and examples/seed")

work = tempfile.mkdtemp(prefix="gradlint-bench-")
project = os.path.join(work, "project")
files = []
copy = 0
while len(files) < args.files:
    for src in sources:
        if len(files) >= args.files:
            break
        dst_dir = os.path.join(project, "copy%d" % copy)
        os.makedirs(dst_dir, exist_ok=True)
        dst = os.path.join(dst_dir, os.path.basename(src))
        shutil.copyfile(src, dst)
        files.append(dst)
    copy += 1
with open(os.path.join(project, "compile_commands.json"), "w") as f:
    json.dump([{"directory": project, "file": p,
                "arguments": ["c++", "-std=c++17", "-I" + api, "-c", p]}
               for p in files], f)


def run(extra, cache, jobs):
    """Seconds, CPU seconds (user + system) and peak RSS (MiB) of one
    gradlint run."""
    env = dict(os.environ, GRADLINT_CACHE_DIR=cache)
    cmd = [gradlint, "-p", project, "-j%d" % jobs, "--quiet",
           "--fail-on=never"] + ([] if args.probe else ["--no-probe"]) + \
        extra + files
    t = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(p.pid, 0)
    dt = time.perf_counter() - t
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1, 3):
        sys.exit("gradlint failed with %d: %s" % (code, " ".join(cmd)))
    return dt, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024.0


def spin_seconds(procs):
    """Wall time of PROCS processes each spinning the same fixed work: on
    N idle cores, up to N of them take as long as one."""
    code = "x = 0\nfor i in range(10_000_000): x += i\n"
    t = time.perf_counter()
    ps = [subprocess.Popen([sys.executable, "-c", code]) for _ in range(procs)]
    for p in ps:
        p.wait()
    return time.perf_counter() - t


cores = os.cpu_count() or 1
cache = os.path.join(work, "cache")
print("project: %d files in %s; %d cores; load average %.1f" %
      (len(files), project, cores, os.getloadavg()[0]))
cold, cold_cpu, cold_rss = run([], cache, cores)
warm, warm_cpu, warm_rss = run([], cache, cores)
with open(files[len(files) // 2], "a") as f:
    f.write("\n// changed by bench/project_speed.py\n")
one, one_cpu, one_rss = run([], cache, cores)
# The API-model PCH is built by now: -j compares parsing alone.
j1, j1_cpu, j1_rss = run(["--no-cache"], cache, 1)
j2, j2_cpu, j2_rss = run(["--no-cache"], cache, 2)
spin1, spin2 = spin_seconds(1), spin_seconds(2)

print("%-34s %8s %9s %8s %10s" %
      ("run", "seconds", "of cold", "CPU s", "peak MiB"))
for name, t, cpu, rss in [
        ("cold (empty cache, -j%d)" % cores, cold, cold_cpu, cold_rss),
        ("warm re-run", warm, warm_cpu, warm_rss),
        ("re-run after changing one file", one, one_cpu, one_rss),
        ("--no-cache -j1", j1, j1_cpu, j1_rss),
        ("--no-cache -j2", j2, j2_cpu, j2_rss)]:
    print("%-34s %8.2f %8.1f%% %8.2f %10.0f" %
          (name, t, 100 * t / cold, cpu, rss))
print("re-run after one change / cold: %.3f (target < 0.10)" % (one / cold))
print("-j2 / -j1: %.2f (target <= 0.6 on 2 idle cores); CPU seconds "
      "-j2 / -j1: %.2f (the cost of parallelism itself)" % (j2 / j1, j2_cpu / j1_cpu))
print("machine: two spinning processes take %.2fx the wall time of one "
      "(1.0 on two idle cores; 2.0 when only one core's worth is free)" %
      (spin2 / spin1))
shutil.rmtree(work)
