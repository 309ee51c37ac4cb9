// clang-tidy itself honours the NOLINT, NOLINT-NEXT-LINE and NOLINT-BEGIN/END comments for
// the plugin's diagnostics, with check globs, as the command does.
// REQUIRES: tidy-plugin
// RUN: %clang_tidy --load=%tidy_plugin --checks='-*,gradlint-tiny-learning-rate' --quiet %s -- -std=c++17 -I%api 2>&1 | FileCheck %s --implicit-check-not='{{warning|error}}:'
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
