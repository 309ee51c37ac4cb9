// A region end without a begin, and a region begin without checks that is
// never closed: both reported, neither suppresses anything; the command and
// clang-tidy --load agree (check_gradlint.py compares them).
// RUN: %check_gradlint %s --checks='-*,gradlint-tiny-learning-rate' | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <torch/torch.h>

torch::nn::Sequential makeModel() {
  return torch::nn::Sequential(torch::nn::Linear(10, 10), torch::nn::ReLU(),
                               torch::nn::Linear(10, 1));
}

// CHECK: nolint-unmatched.cpp:[[@LINE+1]]:4: error: unmatched '{{NOLINT}}END' comment without a previous '{{NOLINT}}BEGIN' comment [clang-tidy-nolint]
// NOLINTEND
void AfterUnmatchedEndFlagged() {
  auto M = makeModel();
  // CHECK: nolint-unmatched.cpp:[[@LINE+1]]:67: warning: learning rate 1e-10
  torch::optim::Adam O(M->parameters(), torch::optim::AdamOptions(1e-10));
}

// CHECK: nolint-unmatched.cpp:[[@LINE+1]]:4: error: unmatched '{{NOLINT}}BEGIN' comment without a subsequent '{{NOLINT}}END' comment [clang-tidy-nolint]
// NOLINTBEGIN
void InUnclosedRegionFlagged() {
  auto M = makeModel();
  // CHECK: nolint-unmatched.cpp:[[@LINE+1]]:67: warning: learning rate 1e-10
  torch::optim::Adam O(M->parameters(), torch::optim::AdamOptions(1e-10));
}
