#!/usr/bin/env bash
# Sets up, builds and runs the whole test suite: GoogleTest units, the
# LibTorch differential tests and the lit suite, through ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
BUILD=${GRADLINT_BUILD_DIR:-build}
ctest --test-dir "$BUILD" --output-on-failure
