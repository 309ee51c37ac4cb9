#!/usr/bin/env bash
# Installs what gradlint needs from Debian 12's packages, if it is missing.
# Idempotent and quiet when everything is there. Run as root (or with sudo).
set -euo pipefail

PACKAGES=(
  cmake ninja-build g++ python3 git ccache
  llvm-19-dev llvm-19-tools libclang-19-dev clang-19 clang-tidy-19
  libclang-rt-19-dev
  libeigen3-dev libfmt-dev libgtest-dev
  libtorch-dev
  python3-jsonschema pre-commit
  # test/ci/: the GitHub Action and GitLab template (YAML), the .deb fetched by URL
  python3-yaml curl
  # cpack -G DEB (dpkg-shlibdeps); man -l renders the generated man page
  dpkg-dev man-db
  # test/html/browser.test: headless Chromium, and PIL to read its screenshot
  chromium python3-pil
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
echo "setup: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
