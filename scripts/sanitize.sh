#!/usr/bin/env bash
# Builds the whole tool under AddressSanitizer and UBSan in build-asan/
# (clang 19, -O1, assertions on) and runs the GoogleTest units and the lit
# suite with it. Any sanitizer report aborts the process (halt_on_error), so
# it fails its test. Not part of CI (a second full build; see
# docs/reliability.md).
#
#   scripts/sanitize.sh            # units + lit
#   LIT_FILTER='reliability|driver' scripts/sanitize.sh    # a part of lit
#   SANITIZE_TARGETS="gradlint gradlint_unit_tests" scripts/sanitize.sh
#                                  # build only these (not LibTorch's tests)
#
# The clang-tidy plugin is not built here: clang-tidy itself is not
# instrumented and cannot load an instrumented module, so the check tests
# compare nothing with it (check_gradlint.py skips a missing plugin).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=build-asan
export CCACHE_BASEDIR=$PWD
if [ ! -f "$BUILD/build.ninja" ]; then
  CC=/usr/lib/llvm-19/bin/clang CXX=/usr/lib/llvm-19/bin/clang++ \
    cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1" -DGRADLINT_SANITIZE=ON > /dev/null
fi
# shellcheck disable=SC2086
nice -n 19 cmake --build "$BUILD" ${SANITIZE_TARGETS:+--target $SANITIZE_TARGETS} \
  -- -j"${JOBS:-$(nproc)}"

# Leaks count: a leak is a finding like any other.
export ASAN_OPTIONS=halt_on_error=1:detect_leaks=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
status=0
for t in "$BUILD"/test/gradlint_unit_tests "$BUILD"/test/gradlint_torch_tests; do
  [ -x "$t" ] || continue
  echo "== $(basename "$t")"
  # Timing assertions measure the instrumented code, several times slower.
  nice -n 19 "$t" --gtest_brief=1 \
    --gtest_filter=-RuntimeProbe.SeedExamplesTakeWellUnderASecond:EvalModeTraining.DeeplyNestedLoopsFinishInBoundedTime || status=1
done
echo "== lit"
nice -n 19 python3 /usr/lib/llvm-19/build/utils/lit/lit.py -q --time-tests \
  ${LIT_FILTER:+--filter "$LIT_FILTER"} ${LIT_FILTER_OUT:+--filter-out "$LIT_FILTER_OUT"} \
  "$BUILD/test" || status=1
exit $status
