#!/bin/sh
# Regenerates the bundled LibTorch API model (lint/api) from the real
# LibTorch 1.13 headers; see lint/api/README.md.
#
#   scripts/regen-api.sh [OUTDIR]
#
# OUTDIR defaults to lint/api. GRADLINT_APIGEN names the generator binary
# (default build/bin/gradlint-apigen: `cmake --build build --target
# gradlint-apigen`), TORCH_INCLUDE the real C++ frontend include folder.
# Writes, from lint/apigen/manifest.txt: the generated headers, a one-line
# shim for every header of the real C++ frontend (torch/nn/modules/linear.h
# ...), and lint/apigen/left-out.txt when OUTDIR is lint/api (what the
# closure left out, and why; GRADLINT_APIGEN_LEFT_OUT names another file). The hand-written prelude (c10/api_model.h,
# torch/torch.h) and README.md are not touched.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/lint/api}
apigen=${GRADLINT_APIGEN:-$root/build/bin/gradlint-apigen}
torch_include=${TORCH_INCLUDE:-/usr/include/torch/csrc/api/include}
log=$(mktemp)
trap 'rm -f "$log"' EXIT

mkdir -p "$out"
"$apigen" "$root/lint/apigen/manifest.txt" "$out" -I"$torch_include" 2>"$log" || {
  cat "$log" >&2
  exit 1
}
left_out=${GRADLINT_APIGEN_LEFT_OUT:-}
if [ -z "$left_out" ] && [ "$out" = "$root/lint/api" ]; then
  left_out=$root/lint/apigen/left-out.txt
fi
if [ -n "$left_out" ]; then
  cp "$log" "$left_out"
fi

# Every header a user may include from the real C++ frontend resolves to the
# whole model, as the real ones resolve to (nearly) all of it.
shim() {
  mkdir -p "$(dirname "$out/$1")"
  printf '%s\n%s\n\n%s\n' \
    '// gradlint bundled API model: declaration-only mirror of LibTorch 1.13; see lint/api/README.md' \
    '#pragma once' '#include <torch/all.h>' >"$out/$1"
}
(cd "$torch_include" && find torch -name '*.h' | LC_ALL=C sort) | while read -r h; do
  case "$h" in
  torch/torch.h | torch/all.h) ;;
  *) shim "$h" ;;
  esac
done
shim torch/script.h
