#!/usr/bin/env bash
# Sets up, builds, and runs gradlint (with the probe) on the bundled seed
# examples. Exits 0: the examples are supposed to have findings.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
BUILD=${GRADLINT_BUILD_DIR:-build}
"$BUILD"/bin/gradlint examples/seed/*.cpp -- -std=c++17 || [ $? -eq 1 ]
