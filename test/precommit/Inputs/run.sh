#!/usr/bin/env bash
# Drives Debian's pre-commit, as a user would, against a fresh repository of a
# small LibTorch project (Inputs/sample: a model header and source, a data
# helper that includes <opencv2/opencv.hpp>, which is not installed, and a
# training main; no build folder, no compile database).
#
#   run.sh <gradlint checkout> <folder holding the installed gradlint> <work dir>
#
# The project's .pre-commit-config.yaml is the one docs/integrations.md shows,
# with its `repo:` pointing at the gradlint checkout (a local path; pre-commit
# clones it like a URL) and `rev:` at its HEAD commit, as users name a tag.
# So the hook under test is the checkout's .pre-commit-hooks.yaml; if that
# file has uncommitted edits, a repository holding its working copy is used
# instead. gradlint is found on PATH, from the given folder only (an install
# tree or /usr/bin), never the build tree. The project is made in a
# temporary folder, removed at the end. Prints one line per commit (STEP
# ... exit N) and the hook output, for FileCheck. Nothing is downloaded.
set -eu

src=$1 bindir=$2 work=$3

rm -rf "$work"
mkdir -p "$work/home"
if [ -z "${GRADLINT_CACHE_DIR-}" ] && [ "${HOME-}" != "${HOME#/}" ]; then
  export GRADLINT_CACHE_DIR="$HOME/.cache/gradlint"
fi
# No user or system configuration leaks in; HOME may be unset in CI.
export HOME="$work/home"
export PRE_COMMIT_HOME="$work/cache"
export GIT_CONFIG_NOSYSTEM=1
export GIT_CONFIG_GLOBAL="$work/home/gitconfig"
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE GRADLINT
export PATH="$bindir:/usr/local/bin:/usr/bin:/bin"
[ "$(command -v gradlint)" = "$bindir/gradlint" ] || {
  echo "run.sh: no gradlint in $bindir" >&2
  exit 2
}
# pre-commit clones the hook repository; a checkout owned by another user
# (CI running as root) would be "dubious ownership" without this.
git config --global safe.directory '*'
git config --global init.defaultBranch main
git config --global user.name "gradlint test"
git config --global user.email test@example.com
git config --global commit.gpgsign false

hooks_file=.pre-commit-hooks.yaml
if git -C "$src" rev-parse -q --verify HEAD >/dev/null 2>&1 &&
   git -C "$src" diff --quiet HEAD -- "$hooks_file" 2>/dev/null; then
  hook_repo=$src
else
  hook_repo=$work/hook-repo
  mkdir -p "$hook_repo"
  cp -p "$src/$hooks_file" "$hook_repo/"
  git -C "$hook_repo" init -q
  git -C "$hook_repo" add -A
  git -C "$hook_repo" commit -q -m "gradlint hooks (working copy)"
  echo "note: $hooks_file differs from HEAD; using its working copy" >&2
fi
rev=$(git -C "$hook_repo" rev-parse HEAD)

# Outside the build tree, where the gradlint build's own compile database
# would be found upward from the project's files. The same folder for the
# same work dir, so the precompiled API model (its key has the include
# folders) is built once and then found in the caller's cache.
repo=${TMPDIR:-/tmp}/gradlint-precommit-$(printf '%s' "$work" | md5sum | cut -c1-16)
rm -rf "$repo"
mkdir "$repo"
trap 'rm -rf "$repo"' EXIT
cp -r "$(dirname "$0")/sample/." "$repo"
cd "$repo"
git init -q .
# The documented configuration: the YAML block of docs/integrations.md that
# starts with "# .pre-commit-config.yaml".
awk '/^```yaml$/ { inblock = 1; n = 0; next }
     /^```$/ { inblock = 0; next }
     inblock && n++ == 0 && $0 != "# .pre-commit-config.yaml" { inblock = 0 }
     inblock' "$src/docs/integrations.md" |
  sed -e "s|https://github.com/gradlint/gradlint|$hook_repo|" -e "s|v0\.2\.0|$rev|" \
  > .pre-commit-config.yaml
grep -q "repo: $hook_repo" .pre-commit-config.yaml || {
  echo "run.sh: no pre-commit configuration in docs/integrations.md" >&2
  exit 2
}
pre-commit install >/dev/null

# Runs `git commit` (the hook runs inside it) and prints its exit status.
commit() {
  local step=$1
  shift
  set +e
  git commit -m "$step" "$@" > "$work/$step.out" 2>&1
  local rc=$?
  set -e
  echo "STEP $step exit $rc"
  sed 's/^/  | /' "$work/$step.out"
}

# The whole project, sound: opencv2/opencv.hpp is missing, which makes the
# data helper's analysis partial, not a failure.
git add -A
commit sound-project

# A 1e-10 learning rate in the training main.
sed -i 's/AdamOptions(1e-3)/AdamOptions(1e-10)/' src/train.cpp
git add src/train.cpp
commit tiny-rate
git checkout -q HEAD -- src/train.cpp

# A sound edit of the training main.
sed -i 's/Epoch < 10;/Epoch < 20;/' src/train.cpp
git add src/train.cpp
commit more-epochs

# A softmax added in forward(), in the header alone: the cross_entropy it
# feeds is in src/train.cpp, neither staged nor changed.
sed -i 's|return Fc3->forward(X);|return torch::softmax(Fc3->forward(X), 1);|' include/digits/net.h
git add include/digits/net.h
commit softmax-in-header
git checkout -q HEAD -- include/digits/net.h

# A sound staged edit while a bad one stays unstaged: pre-commit sets the
# unstaged one aside, only staged lines count.
sed -i 's|// The classifier:|// The digit classifier:|' include/digits/net.h
git add include/digits/net.h
sed -i 's/AdamOptions(1e-3)/AdamOptions(1e-10)/' src/train.cpp
commit unstaged-bad-rate
echo "UNSTAGED $(git diff --stat | head -1)"
git checkout -q -- src/train.cpp

# An old finding, committed past the hook, does not block an unrelated edit
# of its file.
sed -i 's/AdamOptions(1e-3)/AdamOptions(1e-10)/' src/train.cpp
git add src/train.cpp
git commit -q --no-verify -m "old finding"
sed -i 's/Epoch < 20;/Epoch < 30;/' src/train.cpp
git add src/train.cpp
commit unrelated-edit

echo "LOG $(git log --format=%s | tr '\n' ' ')"
