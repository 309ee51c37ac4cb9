// RUN: %gradlint --dump-model %s -- -std=c++17 -I%api | FileCheck %s
// A transposed convolution's sizes, with its output_padding and dilation
// (0 and 1 unless stated); one whose dilation does not fold keeps only its
// kind, so the probe declines it rather than model another layer.
#include <torch/torch.h>
struct Up : torch::nn::Module {
  explicit Up(int d) {
    a = register_module("a", torch::nn::ConvTranspose2d(torch::nn::ConvTranspose2dOptions(4, 2, 3).stride(2)));
    b = register_module("b", torch::nn::ConvTranspose2d(torch::nn::ConvTranspose2dOptions(2, 1, 3).stride(2).output_padding(1).dilation(2)));
    c = register_module("c", torch::nn::ConvTranspose2d(torch::nn::ConvTranspose2dOptions(1, 1, 3).dilation(d)));
  }
  torch::Tensor forward(torch::Tensor x) { return c(b(a(x))); }
  torch::nn::ConvTranspose2d a{nullptr}, b{nullptr}, c{nullptr};
};

// CHECK:       "chain": [
// CHECK:       "dilation": 1,
// CHECK:       "in": 4,
// CHECK-NEXT:  "kernel": 3,
// CHECK-NEXT:  "kind": "conv_transpose",
// CHECK:       "name": "a",
// CHECK-NEXT:  "out": 2,
// CHECK-NEXT:  "output_padding": 0,
// CHECK:       "stride": 2,
// CHECK:       "dilation": 2,
// CHECK:       "in": 2,
// CHECK-NEXT:  "kernel": 3,
// CHECK-NEXT:  "kind": "conv_transpose",
// CHECK:       "name": "b",
// CHECK-NEXT:  "out": 1,
// CHECK-NEXT:  "output_padding": 1,
// CHECK:       "stride": 2,
// CHECK-NOT:   "dilation"
// CHECK:       "in": null,
// CHECK-NEXT:  "kernel": null,
// CHECK-NEXT:  "kind": "conv_transpose",
// CHECK:       "name": "c",
// CHECK-NEXT:  "out": null,
// CHECK-NOT:   "output_padding"
// CHECK:       "stride": null,
