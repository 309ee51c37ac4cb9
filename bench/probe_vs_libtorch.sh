#!/bin/sh
# Times one training step of the same MLPs in the probe and in LibTorch (CPU,
# single-threaded) and prints the ratio, all measured in one run.
# Usage: bench/probe_vs_libtorch.sh [build-dir]   (default: build)
set -eu
Root=$(cd "$(dirname "$0")/.." && pwd)
Build=${1:-$Root/build}
ninja -C "$Build" -j2 gradlint_runtime >/dev/null
Out="$Build/bench_probe_vs_libtorch"
if [ ! -x "$Out" ] || [ "$Root/bench/probe_vs_libtorch.cpp" -nt "$Out" ] ||
   [ "$Build/runtime/libgradlint_runtime.a" -nt "$Out" ]; then
  g++ -std=c++17 -O2 -DNDEBUG "$Root/bench/probe_vs_libtorch.cpp" -o "$Out" \
    -I"$Root" -I/usr/include/eigen3 \
    -isystem /usr/include/torch/csrc/api/include \
    "$Build/runtime/libgradlint_runtime.a" "$Build/rules/libgradlint_rules.a" \
    -ltorch -ltorch_cpu -lc10 -lfmt -lpthread
fi
"$Out"
