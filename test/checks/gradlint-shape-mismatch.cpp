// RUN: %check_gradlint %s --checks='-*,gradlint-shape-mismatch' | FileCheck %s --implicit-check-not='{{warning|error}}:'

#include <torch/torch.h>

torch::nn::Sequential WidthMismatchFlagged() {
  return torch::nn::Sequential(
      torch::nn::Linear(784, 128),
      torch::nn::ReLU(), torch::nn::Dropout(0.2),
      // CHECK: :[[@LINE+3]]:7: warning: Linear(64, 10) expects 64 input features but Linear(784, 128) produces 128; the forward pass fails with a shape error [gradlint-shape-mismatch]
      // CHECK: :[[@LINE-3]]:7: note: Linear(784, 128) produces 128 features here
      // CHECK: :[[@LINE+1]]:7: note: proof: Linear(64, 10) receives 128 features where it needs 64, so the forward pass stops there with a shape error before any step
      torch::nn::Linear(64, 10));
}

torch::nn::Sequential ChannelMismatchFlagged() {
  return torch::nn::Sequential(
      torch::nn::Conv2d(torch::nn::Conv2dOptions(1, 16, 3)),
      torch::nn::ReLU(), torch::nn::MaxPool2d(2),
      // CHECK: :[[@LINE+3]]:7: warning: Conv2d(32, 64) expects 32 input channels but Conv2d(1, 16) produces 16; the forward pass fails with a shape error [gradlint-shape-mismatch]
      // CHECK: :[[@LINE-3]]:7: note: Conv2d(1, 16) produces 16 channels here
      // CHECK: :[[@LINE+1]]:7: note: proof: Conv2d(32, 64) receives 16 channels where it needs 32, so the forward pass stops there with a shape error before any step
      torch::nn::Conv2d(torch::nn::Conv2dOptions(32, 64, 3)));
}

// Flatten between conv and linear: the size is not computable, quiet.
torch::nn::Sequential ConvFlattenLinearSilent() {
  return torch::nn::Sequential(
      torch::nn::Conv2d(torch::nn::Conv2dOptions(1, 16, 3)), torch::nn::ReLU(),
      torch::nn::Flatten(), torch::nn::Linear(16 * 26 * 26, 10));
}

torch::nn::Sequential MatchingMlpSilent() {
  return torch::nn::Sequential(torch::nn::Linear(784, 128), torch::nn::ReLU(),
                               torch::nn::Linear(128, 10));
}
