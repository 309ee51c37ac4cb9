#!/usr/bin/env bash
# gradlint in CI: the one script behind the GitHub Action (action.yml) and
# the GitLab CI template (ci/gitlab/gradlint.gitlab-ci.yml).
#
#   gradlint-ci.sh install   install the .deb (a release's, or GRADLINT_CI_DEB)
#   gradlint-ci.sh run       lint: the log on stdout, SARIF, HTML report and
#                            GitLab code quality files from one analysis
#   gradlint-ci.sh finish    exit with the status `run` recorded (the Action
#                            fails the job only after its uploads)
#
# Settings, from the environment (the Action maps its inputs to these; the
# GitLab template sets them as variables); all optional:
#   GRADLINT_CI_PATHS        files or folders to lint, separated by blanks;
#                            default: every file of the compile database in
#                            GRADLINT_CI_BUILD_DIR, else the repository's C++
#                            sources (git ls-files)
#   GRADLINT_CI_BUILD_DIR    folder of compile_commands.json (gradlint -p)
#   GRADLINT_CI_FAIL_ON      error|warning|note|never (default warning)
#   GRADLINT_CI_SARIF        SARIF file (default gradlint.sarif; "" for none)
#   GRADLINT_CI_HTML         HTML report folder (default gradlint-report; "" for none)
#   GRADLINT_CI_CODEQUALITY  GitLab code quality report file (default none)
#   GRADLINT_CI_DIFF_BASE    report only findings touched by the changes since
#                            this branch (fetched from origin if the clone
#                            lacks it) or revision
#   GRADLINT_CI_ARGS         more gradlint arguments, separated by blanks
#   GRADLINT_CI_VERSION      release to install (default 0.2.0)
#   GRADLINT_CI_DEB          a .deb to install instead: a path or a URL
#   GRADLINT_CI_INSTALL_ROOT unpack the .deb there (dpkg-deb -x) instead of
#                            installing it with apt-get: no root needed, but
#                            its dependencies must be installed already
#   GRADLINT_CI_GRADLINT     the gradlint to run (default: the installed one)
#   GRADLINT_CI_DEFER        1: `run` exits 0 and leaves the status to `finish`
#   GRADLINT_CI_EXIT_CODE    `finish`: the status to exit with
# On GitHub, `run` writes its results to $GITHUB_OUTPUT (exit-code,
# sarif-file, html-dir) and a summary to $GITHUB_STEP_SUMMARY.
set -euo pipefail

REPO_URL=https://github.com/gradlint/gradlint
VERSION=${GRADLINT_CI_VERSION:-0.2.0}

say() { echo "gradlint-ci: $*" >&2; }
die() { say "error: $*"; exit 2; }

# Runs as root, or through sudo when there is one.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo > /dev/null; then sudo "$@"
  else die "installing needs root (or sudo), or set GRADLINT_CI_INSTALL_ROOT"
  fi
}

# Waits for a dpkg lock held by another install (unattended upgrades on a
# fresh runner) instead of failing at once.
apt_install() {
  local apt=(env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300)
  as_root "${apt[@]}" update -qq
  as_root "${apt[@]}" install -y -qq "$@" > /dev/null
}

install_root_bin() { echo "$GRADLINT_CI_INSTALL_ROOT/usr/bin/gradlint"; }

do_install() {
  local src=${GRADLINT_CI_DEB:-}
  if [ -z "$src" ]; then
    if command -v gradlint > /dev/null && [ -z "${GRADLINT_CI_INSTALL_ROOT:-}" ] &&
       gradlint --version | grep -q "^gradlint version $VERSION "; then
      say "gradlint $VERSION is installed"
      return 0
    fi
    src="$REPO_URL/releases/download/v$VERSION/gradlint_${VERSION}_amd64.deb"
  fi
  local deb
  case $src in
    http://*|https://*|file://*)
      local dir
      dir=$(mktemp -d)
      deb="$dir/${src##*/}"
      case $deb in *.deb) ;; *) deb="$dir/gradlint.deb" ;; esac
      if ! command -v curl > /dev/null && ! command -v wget > /dev/null; then
        [ -z "${GRADLINT_CI_INSTALL_ROOT:-}" ] || die "no curl or wget to fetch $src"
        apt_install curl ca-certificates
      fi
      say "fetching $src"
      if command -v curl > /dev/null; then curl -fsSL -o "$deb" "$src"
      else wget -q -O "$deb" "$src"
      fi || die "could not fetch $src"
      ;;
    *)
      [ -f "$src" ] || die "$src: no such .deb"
      deb=$(cd "$(dirname "$src")" && pwd)/$(basename "$src")
      ;;
  esac
  if [ -n "${GRADLINT_CI_INSTALL_ROOT:-}" ]; then
    mkdir -p "$GRADLINT_CI_INSTALL_ROOT"
    dpkg-deb -x "$deb" "$GRADLINT_CI_INSTALL_ROOT" || die "$deb: not a Debian package"
    say "unpacked into $GRADLINT_CI_INSTALL_ROOT: $("$(install_root_bin)" --version)"
  else
    # A path with a slash: apt-get installs the file and its dependencies.
    apt_install "$deb"
    say "installed: $(gradlint --version)"
  fi
}

# The gradlint to run.
gradlint_bin() {
  if [ -n "${GRADLINT_CI_GRADLINT:-}" ]; then echo "$GRADLINT_CI_GRADLINT"
  elif [ -n "${GRADLINT_CI_INSTALL_ROOT:-}" ]; then install_root_bin
  else echo gradlint
  fi
}

# The revision --diff compares with. A branch name means origin's branch,
# fetched when the clone lacks it (CI clones are shallow and hold one
# branch; a local branch of that name may be stale); anything else that
# names a commit (a SHA, a tag) is used as it is.
diff_revision() {
  local base=$1 branch=${1#origin/}
  if git rev-parse -q --verify "refs/remotes/origin/$branch^{commit}" > /dev/null; then
    echo "origin/$branch"; return 0
  fi
  if git check-ref-format --branch "$branch" > /dev/null 2>&1 &&
     git ls-remote --exit-code --heads origin "$branch" > /dev/null 2>&1; then
    say "fetching origin/$branch for --diff"
    git fetch -q --depth=50 origin "+refs/heads/$branch:refs/remotes/origin/$branch" >&2 ||
      die "could not fetch branch '$branch' from origin for GRADLINT_CI_DIFF_BASE"
    echo "origin/$branch"; return 0
  fi
  if git rev-parse -q --verify "$base^{commit}" > /dev/null; then
    echo "$base"; return 0
  fi
  die "GRADLINT_CI_DIFF_BASE: '$base' is neither a branch of origin nor a revision"
}

# GitLab code quality (a Code Climate subset) from the SARIF file: every
# finding that is not suppressed by a NOLINT comment.
code_quality() {
  command -v python3 > /dev/null || die "the code quality report needs python3"
  python3 - "$1" "$2" <<'PY'
import json, sys
try:
    sarif = json.load(open(sys.argv[1], encoding="utf-8"))
except (OSError, ValueError) as e:
    sys.exit("gradlint-ci: error: %s: not a SARIF file: %s" % (sys.argv[1], e))
out = []
severity = {"error": "critical", "warning": "major", "note": "info"}
for run in sarif.get("runs", []):
    for r in run.get("results", []):
        if r.get("suppressions"):
            continue
        loc = r["locations"][0]["physicalLocation"]
        fp = next(iter(r.get("partialFingerprints", {}).values()), "")
        out.append({
            "type": "issue",
            "check_name": r["ruleId"],
            "description": r["message"]["text"],
            "categories": ["Bug Risk"],
            "severity": severity.get(r.get("level", "warning"), "major"),
            "fingerprint": r["ruleId"] + ":" + fp,
            "location": {"path": loc["artifactLocation"]["uri"],
                         "lines": {"begin": loc["region"]["startLine"]}},
        })
with open(sys.argv[2], "w", encoding="utf-8") as f:
    json.dump(out, f, indent=2)
    f.write("\n")
PY
}

github_output() {
  [ -n "${GITHUB_OUTPUT:-}" ] && echo "$1=$2" >> "$GITHUB_OUTPUT"
  return 0
}

do_run() {
  local bin sarif html cq fail_on
  bin=$(gradlint_bin)
  command -v "$bin" > /dev/null || die "$bin: not found; run 'gradlint-ci.sh install' first"
  sarif=${GRADLINT_CI_SARIF-gradlint.sarif}
  html=${GRADLINT_CI_HTML-gradlint-report}
  cq=${GRADLINT_CI_CODEQUALITY:-}
  fail_on=${GRADLINT_CI_FAIL_ON:-warning}
  case $fail_on in error|warning|note|never) ;;
    *) die "GRADLINT_CI_FAIL_ON: expected error, warning, note or never, not '$fail_on'" ;;
  esac
  # Word splitting of the blank-separated lists, without globbing.
  set -f
  local args=(--format=text "--fail-on=$fail_on")
  [ -n "${GRADLINT_CI_BUILD_DIR:-}" ] && args+=(-p "$GRADLINT_CI_BUILD_DIR")
  [ -n "$sarif" ] && args+=("--sarif=$sarif")
  # The code quality report is made from SARIF: a temporary one if none is wanted.
  local cq_sarif=$sarif
  if [ -n "$cq" ] && [ -z "$sarif" ]; then
    cq_sarif=$(mktemp -d)/gradlint.sarif
    args+=("--sarif=$cq_sarif")
  fi
  [ -n "$html" ] && args+=("--html=$html")
  if [ -n "${GRADLINT_CI_DIFF_BASE:-}" ]; then
    local rev
    rev=$(diff_revision "$GRADLINT_CI_DIFF_BASE") || exit 2
    args+=("--diff=$rev")
  fi
  # More arguments: the options before the files, compiler flags after `--`
  # after them (gradlint reads everything after `--` as flags).
  local extra=() flags=()
  # shellcheck disable=SC2206
  [ -n "${GRADLINT_CI_ARGS:-}" ] && extra=(${GRADLINT_CI_ARGS})
  local i
  for i in "${!extra[@]}"; do
    if [ "${extra[$i]}" = -- ]; then
      flags=("${extra[@]:$i}")
      extra=("${extra[@]:0:$i}")
      break
    fi
  done
  args+=("${extra[@]}")
  local paths=()
  # shellcheck disable=SC2206
  [ -n "${GRADLINT_CI_PATHS:-}" ] && paths=(${GRADLINT_CI_PATHS})
  set +f
  if [ ${#paths[@]} -eq 0 ] &&
     { [ -z "${GRADLINT_CI_BUILD_DIR:-}" ] ||
       [ ! -f "$GRADLINT_CI_BUILD_DIR/compile_commands.json" ]; }; then
    mapfile -t paths < <(git ls-files -- '*.cpp' '*.cc' '*.cxx' '*.c++')
    [ ${#paths[@]} -gt 0 ] || die "no C++ sources in the repository (git ls-files); set the paths"
  fi
  local status=0
  say "$bin ${args[*]} ${paths[*]} ${flags[*]}"
  "$bin" "${args[@]}" "${paths[@]}" "${flags[@]}" || status=$?
  if [ -n "$cq" ]; then
    if [ -s "$cq_sarif" ]; then code_quality "$cq_sarif" "$cq"
    else say "no SARIF file, so no code quality report"
    fi
  fi
  github_output exit-code "$status"
  github_output sarif-file "$([ -n "$sarif" ] && [ -f "$sarif" ] && echo "$sarif")"
  github_output html-dir "$([ -n "$html" ] && [ -d "$html" ] && echo "$html")"
  local what
  case $status in
    0) what="no findings at or above --fail-on=$fail_on" ;;
    1) what="findings at or above --fail-on=$fail_on" ;;
    2) what="a usage or configuration error" ;;
    3) what="a file could not be analysed" ;;
    *) what="gradlint ended abnormally" ;;
  esac
  say "exit status $status: $what"
  if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
    echo "**gradlint**: exit status $status, $what." >> "$GITHUB_STEP_SUMMARY"
  fi
  if [ "${GRADLINT_CI_DEFER:-}" = 1 ]; then return 0; fi
  return "$status"
}

do_finish() {
  local status=${GRADLINT_CI_EXIT_CODE:-}
  case $status in
    '') die "GRADLINT_CI_EXIT_CODE is not set: did the run step run?" ;;
    *[!0-9]*) die "GRADLINT_CI_EXIT_CODE: not a status: '$status'" ;;
  esac
  [ "$status" -eq 0 ] || say "failing: gradlint exited with status $status"
  exit "$status"
}

case ${1:-} in
  install) do_install ;;
  run) do_run ;;
  finish) do_finish ;;
  *) echo "usage: gradlint-ci.sh install|run|finish (settings: see the script's header)" >&2; exit 2 ;;
esac
