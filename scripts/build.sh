#!/usr/bin/env bash
# Configures and builds gradlint in build/ (Release, Ninja).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${GRADLINT_BUILD_DIR:-build}
if [ ! -f "$BUILD/build.ninja" ]; then
  cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$BUILD" -- -j"$(nproc)"
