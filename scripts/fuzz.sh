#!/usr/bin/env bash
# Builds the libFuzzer targets under ASan and UBSan (build-fuzz/) and runs
# each for SECONDS seconds (default 60; CI uses the default, the issue's
# acceptance run 600) on a copy of its seed corpus in fuzz/corpus/.
# Findings (crash-*, leak-*, timeout-*) are left in build-fuzz/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-60}
export CCACHE_BASEDIR=$PWD
CC=/usr/lib/llvm-19/bin/clang CXX=/usr/lib/llvm-19/bin/clang++ \
  cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DGRADLINT_FUZZ=ON -DGRADLINT_SANITIZE=ON > /dev/null
nice cmake --build build-fuzz --target gradlint_fuzzers -- -j"${JOBS:-1}"
mkdir -p build-fuzz/artifacts
status=0
set +e
for t in model_json config compile_db line_filter baseline; do
  work=build-fuzz/corpus/$t
  mkdir -p "$work"
  cp -n fuzz/corpus/$t/* "$work"/ 2>/dev/null
  echo "== $t: ${SECONDS_EACH}s"
  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    build-fuzz/fuzz/${t}_fuzzer -max_total_time="$SECONDS_EACH" \
    -max_len=65536 -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 \
    -artifact_prefix=build-fuzz/artifacts/$t- "$work" > build-fuzz/$t.log 2>&1
  rc=$?
  grep -E 'stat::number_of_executed_units|stat::average_exec_per_sec|ERROR|SUMMARY' build-fuzz/$t.log
  [ $rc -eq 0 ] || { echo "$t: exit $rc (see build-fuzz/$t.log)"; status=1; }
done
exit $status
