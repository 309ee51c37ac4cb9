#!/usr/bin/env bash
# `gradlint --pre-commit` run by hand, as the hook runs it, in a small git
# repository made in a temporary folder (outside the build tree, whose
# compile database would be found upward):
#
#   net.h    a model whose forward() ends in softmax
#   net.cpp  includes net.h; cross_entropy on the model's output
#   other.cpp  includes nothing of the project; a 1e-10 learning rate
#   bad.cpp  not C++
#
#   mode.sh <gradlint>
# Prints "STEP name exit N" and gradlint's output per step.
set -u
gradlint=$1
# The same folder for the same gradlint, so the precompiled API model (its
# key has the include folders) is built once, not per run.
dir=${TMPDIR:-/tmp}/gradlint-mode-$(printf '%s' "$gradlint" | md5sum | cut -c1-16)
rm -rf "$dir"
mkdir "$dir" || exit 2
trap 'rm -rf "$dir"' EXIT
cd "$dir"
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
unset PRE_COMMIT_FROM_REF PRE_COMMIT_TO_REF
git init -q .
cat > net.h <<'CPP'
#include <torch/torch.h>
struct NetImpl : torch::nn::Module {
  NetImpl() : Fc(register_module("fc", torch::nn::Linear(4, 3))) {}
  torch::Tensor forward(torch::Tensor X) { return torch::softmax(Fc->forward(X), 1); }
  torch::nn::Linear Fc;
};
TORCH_MODULE(Net);
CPP
cat > net.cpp <<'CPP'
#include "net.h"
void train(Net Model, torch::Tensor X, torch::Tensor Y) {
  torch::optim::SGD Optimizer(Model->parameters(), torch::optim::SGDOptions(0.1));
  for (int I = 0; I < 100; ++I) {
    Optimizer.zero_grad();
    auto Loss = torch::nn::functional::cross_entropy(Model->forward(X), Y);
    Loss.backward();
    Optimizer.step();
  }
}
CPP
cat > other.cpp <<'CPP'
#include <torch/torch.h>
void tune(torch::nn::Linear L) {
  torch::optim::SGD Optimizer(L->parameters(), torch::optim::SGDOptions(1e-10));
  Optimizer.step();
}
CPP
printf '@@@ not C++ @@@\n' > bad.cpp

step() {
  local name=$1
  shift
  "$gradlint" "$@" > out 2>&1
  echo "STEP $name exit $?"
  cat out
}

# Nothing staged: no finding is on a staged line.
step nothing-staged --pre-commit net.h
# net.h staged: its finding is found through net.cpp, which is read too;
# other.cpp shares no include with it and is not read.
git add net.h
step header-staged --pre-commit net.h
# --diff replaces the staged lines: every line since the empty tree; the
# finding of other.cpp (tracked now) would show if it were read.
git add other.cpp
empty=$(git hash-object -t tree /dev/null)
step diff-all --pre-commit --diff="$empty" net.h
# pre-commit run --from-ref REF --to-ref ...: the lines changed since REF.
PRE_COMMIT_FROM_REF=$empty step from-ref --pre-commit net.h
# Files after the hook's `args: [--, flags]` are still files.
step after-dashes --pre-commit --diff="$empty" -- -std=c++17 other.cpp
# A file that cannot be read as C++ is reported, but only findings fail.
git add bad.cpp
step unreadable --pre-commit bad.cpp
step unreadable-without --no-probe --quiet bad.cpp
