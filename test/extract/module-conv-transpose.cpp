// RUN: %gradlint --dump-model %s -- -std=c++17 -I%api | FileCheck %s
// A transposed convolution's sizes; one stating output_padding (which the
// IR does not hold) keeps only its kind, so the probe declines it rather
// than model another layer.
#include <torch/torch.h>
struct Up : torch::nn::Module {
  Up() {
    a = register_module("a", torch::nn::ConvTranspose2d(torch::nn::ConvTranspose2dOptions(4, 2, 3).stride(2)));
    b = register_module("b", torch::nn::ConvTranspose2d(torch::nn::ConvTranspose2dOptions(2, 1, 3).stride(2).output_padding(1)));
  }
  torch::Tensor forward(torch::Tensor x) { return b(a(x)); }
  torch::nn::ConvTranspose2d a{nullptr}, b{nullptr};
};

// CHECK:       "chain": [
// CHECK:       "in": 4,
// CHECK-NEXT:  "kernel": 3,
// CHECK-NEXT:  "kind": "conv_transpose",
// CHECK:       "name": "a",
// CHECK-NEXT:  "out": 2,
// CHECK:       "stride": 2,
// CHECK:       "in": null,
// CHECK-NEXT:  "kernel": null,
// CHECK-NEXT:  "kind": "conv_transpose",
// CHECK:       "name": "b",
// CHECK-NEXT:  "out": null,
// CHECK:       "stride": null,
