// RUN: %gradlint --dump-model %s -- -std=c++17 -I%api 2>/dev/null | FileCheck %s
// RUN: %gradlint --no-probe --checks='-*,gradlint-*' %s -- -std=c++17 -I%api 2>&1 | FileCheck %s --check-prefix=DIAG --implicit-check-not='warning:'
// A segmentation model that keeps an OpenCV frame, with OpenCV not
// installed. The member of unresolved type makes the whole class invalid
// to Clang, so every register_module call in it fails to resolve: such a
// registration is unknown, and the members stay quiet (not unregistered).
// The layers still carry what the code states.
#include <opencv2/opencv.hpp>
#include <torch/torch.h>

struct SegNetImpl : torch::nn::Module {
  SegNetImpl() {
    enc = register_module("enc", torch::nn::Conv2d(torch::nn::Conv2dOptions(3, 16, 3).padding(1)));
    dec = register_module("dec", torch::nn::Conv2d(torch::nn::Conv2dOptions(16, 2, 1)));
  }
  torch::Tensor forward(torch::Tensor x) { return dec(torch::relu(enc(x))); }
  torch::Tensor segment(const cv::Mat &image) {
    last = image.clone();
    auto t = torch::from_blob(image.data, {1, image.rows, image.cols, 3}, torch::kByte);
    return forward(t.permute({0, 3, 1, 2}).to(torch::kFloat) / 255.0);
  }
  torch::nn::Conv2d enc{nullptr}, dec{nullptr};
  cv::Mat last;
};
TORCH_MODULE(SegNet);

// CHECK:       "chain": [
// CHECK:       "name": "enc",
// CHECK:       "act": "relu",
// CHECK:       "name": "dec",
// CHECK:       "members": [
// CHECK-NOT:   "last"
// CHECK:       "name": "SegNet"

// DIAG: note: partial analysis: 'opencv2/opencv.hpp' not found
