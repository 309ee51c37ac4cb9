#pragma once

#include <torch/torch.h>

namespace detector {

// Conv -> BN -> LeakyReLU, the Darknet building block.
struct ConvBNImpl : torch::nn::Module {
    ConvBNImpl(int64_t in_ch, int64_t out_ch, int64_t k, int64_t stride = 1);
    torch::Tensor forward(torch::Tensor x);
    torch::nn::Conv2d conv{nullptr};
    torch::nn::BatchNorm2d bn{nullptr};
};
TORCH_MODULE(ConvBN);

struct TinyDetectorImpl : torch::nn::Module {
    TinyDetectorImpl(int64_t num_classes, int64_t num_anchors);
    torch::Tensor forward(torch::Tensor x);
    torch::nn::Sequential backbone{nullptr};
    torch::nn::Conv2d cls_head{nullptr};
    torch::nn::Conv2d box_head{nullptr};
};
TORCH_MODULE(TinyDetector);

}  // namespace detector
