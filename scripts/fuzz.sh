#!/usr/bin/env bash
# Builds the libFuzzer targets under ASan and UBSan (build-fuzz/) and runs
# each for SECONDS seconds (default 60; CI runs 20, the issue's acceptance
# run 600), one after another at the lowest priority, on a copy of its seed
# corpus in fuzz/corpus/. FUZZ_TARGETS="nolint config" runs only those.
# Findings (crash-*, leak-*, timeout-*, oom-*) are left in
# build-fuzz/artifacts/; the log of each target in build-fuzz/<target>.log.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-60}
TARGETS=${FUZZ_TARGETS:-model_json config compile_db line_filter baseline nolint}
export CCACHE_BASEDIR=$PWD
CC=/usr/lib/llvm-19/bin/clang CXX=/usr/lib/llvm-19/bin/clang++ \
  cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DGRADLINT_FUZZ=ON -DGRADLINT_SANITIZE=ON > /dev/null
nice -n 19 cmake --build build-fuzz --target gradlint_fuzzers -- -j"${JOBS:-$(nproc)}"
mkdir -p build-fuzz/artifacts
status=0
set +e
for t in $TARGETS; do
  work=build-fuzz/corpus/$t
  mkdir -p "$work"
  cp -n fuzz/corpus/$t/* "$work"/ 2>/dev/null
  echo "== $t: ${SECONDS_EACH}s"
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    nice -n 19 build-fuzz/fuzz/${t}_fuzzer -max_total_time="$SECONDS_EACH" \
    -max_len=65536 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix=build-fuzz/artifacts/$t- "$work" > build-fuzz/$t.log 2>&1
  rc=$?
  grep -a -E '^#[0-9]+[[:space:]]+DONE|stat::number_of_executed_units|stat::average_exec_per_sec|ERROR|SUMMARY|Test unit written' build-fuzz/$t.log
  [ $rc -eq 0 ] || { echo "$t: exit $rc (see build-fuzz/$t.log)"; status=1; }
done
exit $status
