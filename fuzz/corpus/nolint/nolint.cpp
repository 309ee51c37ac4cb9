// Suppression comments with check globs, as clang-tidy reads them: on the
// line, on the next line, and begin/end regions. Run through the command and
// clang-tidy --load (check_gradlint.py): both must honour them alike.
// RUN: %check_gradlint %s --checks='-*,gradlint-tiny-learning-rate' | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <torch/torch.h>

torch::nn::Sequential makeModel() {
  return torch::nn::Sequential(torch::nn::Linear(10, 10), torch::nn::ReLU(),
                               torch::nn::Linear(10, 1));
}

void SuppressedOnTheLine() {
  auto M = makeModel();
  torch::optim::Adam O(M->parameters(), torch::optim::AdamOptions(1e-10)); // NOLINT
}

void SuppressedByGlob() {
  auto M = makeModel();
  torch::optim::Adam O(M->parameters(), torch::optim::AdamOptions(1e-10)); // NOLINT(gradlint-tiny-*)
}

void OtherCheckNamedNotSuppressed() {
  auto M = makeModel();
  // CHECK: nolint.cpp:[[@LINE+1]]:67: warning: learning rate 1e-10 is below 1e-6{{.*}} [gradlint-tiny-learning-rate]
  torch::optim::Adam O(M->parameters(), torch::optim::AdamOptions(1e-10)); // NOLINT(gradlint-constant-init)
}

void SuppressedNextLine() {
  auto M = makeModel();
  // NOLINTNEXTLINE(gradlint-constant-init, gradlint-tiny-learning-rate)
  torch::optim::Adam O(M->parameters(), torch::optim::AdamOptions(1e-10));
}

// NOLINTBEGIN(gradlint-*)
void SuppressedInRegion() {
  auto M = makeModel();
  torch::optim::Adam O(M->parameters(), torch::optim::AdamOptions(1e-10));
}
// NOLINTEND(gradlint-*)

void AfterTheRegionFlagged() {
  auto M = makeModel();
  // CHECK: nolint.cpp:[[@LINE+1]]:67: warning: learning rate 1e-10
  torch::optim::Adam O(M->parameters(), torch::optim::AdamOptions(1e-10));
}

// A region that is never closed is reported, and suppresses nothing.
// CHECK: nolint.cpp:[[@LINE+1]]:4: error: unmatched '{{NOLINT}}BEGIN' comment without a subsequent '{{NOLINT}}END' comment [clang-tidy-nolint]
// NOLINTBEGIN(gradlint-tiny-learning-rate)
void UnmatchedBeginFlagged() {
  auto M = makeModel();
  // CHECK: nolint.cpp:[[@LINE+1]]:67: warning: learning rate 1e-10
  torch::optim::Adam O(M->parameters(), torch::optim::AdamOptions(1e-10));
}
