#!/usr/bin/env bash
# Drives Debian's pre-commit against a sample repository that uses gradlint's
# hooks (.pre-commit-hooks.yaml at the root of the gradlint checkout).
#
#   run.sh <gradlint checkout> <gradlint binary> <work dir> <scenario>
#
# scenario `staged`:  the gradlint hook blocks a commit adding a 1e-10 Adam
#                     learning rate and lets a 1e-3 one through.
# scenario `changed`: the gradlint-changed-lines hook lets an unrelated edit
#                     to a file with an old finding through and blocks a new
#                     bad line.
# Prints what happened, one line per step (STEP ... exit N), and the hook
# output, for FileCheck. Nothing is downloaded: the hooks are `language:
# script`, and the hook repository is a local path.
set -eu

src=$1 gradlint=$2 work=$3 scenario=$4

rm -rf "$work"
mkdir -p "$work/home"
# No user or system configuration leaks in; HOME may be unset in CI.
export HOME="$work/home"
export PRE_COMMIT_HOME="$work/cache"
export GIT_CONFIG_NOSYSTEM=1
export GIT_CONFIG_GLOBAL="$work/home/gitconfig"
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE GRADLINT
# pre-commit clones the hook repository; a checkout owned by another user
# (CI running as root) would be "dubious ownership" without this.
git config --global safe.directory '*'
git config --global init.defaultBranch main
git config --global user.name "gradlint test"
git config --global user.email test@example.com
git config --global commit.gpgsign false
# gradlint is found on PATH, as for a user who installed it.
export PATH="$(dirname "$gradlint"):$PATH"

# The hook repository: the gradlint checkout at HEAD, as users point at a tag.
# If the hook files have uncommitted edits (or the checkout is not a git
# repository), a repository holding the working copies of exactly those files
# is used instead, so the test checks what is in the tree.
hooks_files=(.pre-commit-hooks.yaml scripts/pre-commit-gradlint)
if git -C "$src" rev-parse -q --verify HEAD >/dev/null 2>&1 &&
   git -C "$src" diff --quiet HEAD -- "${hooks_files[@]}" 2>/dev/null &&
   [ -z "$(git -C "$src" ls-files --others -- "${hooks_files[@]}")" ]; then
  hook_repo=$src
else
  hook_repo=$work/hook-repo
  mkdir -p "$hook_repo/scripts"
  for f in "${hooks_files[@]}"; do cp -p "$src/$f" "$hook_repo/$f"; done
  git -C "$hook_repo" init -q
  git -C "$hook_repo" add -A
  git -C "$hook_repo" commit -q -m "gradlint hooks (working copy)"
  echo "note: hook files differ from HEAD; using their working copies" >&2
fi
rev=$(git -C "$hook_repo" rev-parse HEAD)

repo=$work/project
mkdir -p "$repo/src"
cd "$repo"
git init -q .
hook=gradlint
[ "$scenario" = changed ] && hook=gradlint-changed-lines
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $hook_repo
    rev: $rev
    hooks:
      - id: $hook
YAML
if [ "$scenario" = changed ]; then
  # The whole-file hook too, on demand only (pre-commit run --hook-stage manual).
  cat >> .pre-commit-config.yaml <<YAML
      - id: gradlint
        stages: [manual]
YAML
fi
git add .pre-commit-config.yaml
git commit -q --no-verify -m "pre-commit configuration"
pre-commit install >/dev/null

# train.cpp with Adam at the given rate on line 11.
train() {
  cat <<CPP
// A tiny regression model.
#include <torch/torch.h>

struct NetImpl : torch::nn::Module {
  NetImpl() : Fc(register_module("fc", torch::nn::Linear(10, 1))) {}
  torch::Tensor forward(torch::Tensor X) { return Fc->forward(X); }
  torch::nn::Linear Fc;
};
TORCH_MODULE(Net);

void train(Net Model, torch::Tensor X, torch::Tensor Y) {
  torch::optim::Adam Optimizer(Model->parameters(), torch::optim::AdamOptions($1));
  for (int Epoch = 0; Epoch < ${2:-100}; ++Epoch) {
    Optimizer.zero_grad();
    auto Loss = torch::mse_loss(Model->forward(X), Y);
    Loss.backward();
    Optimizer.step();
  }
}
CPP
}

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

if [ "$scenario" = staged ]; then
  train 1e-10 > src/train.cpp
  git add src/train.cpp
  commit bad-rate
  train 1e-3 > src/train.cpp
  git add src/train.cpp
  commit sound-rate
  echo "LOG $(git log --format=%s | tr '\n' ' ')"
else
  # An old finding, committed before the hook was used.
  train 1e-10 > src/train.cpp
  git add src/train.cpp
  git commit -q --no-verify -m "old finding"
  # The whole-file hook still sees it.
  set +e
  pre-commit run --hook-stage manual gradlint --all-files > "$work/all.out" 2>&1
  echo "STEP whole-file exit $?"
  set -e
  sed 's/^/  | /' "$work/all.out"
  # An unrelated edit, staged: the loop bound. And an unstaged one that
  # would be a finding: pre-commit sets it aside while the hook runs, so
  # only the staged lines count.
  train 1e-10 200 > src/train.cpp
  git add src/train.cpp
  train 1e-9 200 > src/train.cpp
  commit unrelated-edit
  echo "UNSTAGED $(git diff --stat | head -1)"
  git checkout -q -- src/train.cpp
  # A new bad line in the same file, staged.
  sed -i 's|^  for (int Epoch|  torch::optim::SGD Tuner(Model->parameters(), torch::optim::SGDOptions(1e-9));\n&|' src/train.cpp
  git add src/train.cpp
  commit new-bad-line
  echo "LOG $(git log --format=%s | tr '\n' ' ')"
fi
