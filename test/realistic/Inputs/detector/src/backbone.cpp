#include "detector/backbone.h"

namespace detector {

ConvBNImpl::ConvBNImpl(int64_t in_ch, int64_t out_ch, int64_t k, int64_t stride) {
    conv = register_module("conv", torch::nn::Conv2d(
        torch::nn::Conv2dOptions(in_ch, out_ch, k).stride(stride).padding(k / 2).bias(false)));
    bn = register_module("bn", torch::nn::BatchNorm2d(out_ch));
}

torch::Tensor ConvBNImpl::forward(torch::Tensor x) {
    return torch::leaky_relu(bn->forward(conv->forward(x)), 0.1);
}

TinyDetectorImpl::TinyDetectorImpl(int64_t num_classes, int64_t num_anchors) {
    backbone = register_module("backbone", torch::nn::Sequential(
        ConvBN(3, 16, 3), torch::nn::MaxPool2d(2),
        ConvBN(16, 32, 3), torch::nn::MaxPool2d(2),
        ConvBN(32, 64, 3), torch::nn::MaxPool2d(2),
        ConvBN(64, 128, 3)));
    // defect (gradlint-unregistered-module): cls_head is built but never registered
    cls_head = torch::nn::Conv2d(torch::nn::Conv2dOptions(128, num_anchors * num_classes, 1));
    box_head = register_module("box_head", torch::nn::Conv2d(torch::nn::Conv2dOptions(128, num_anchors * 4, 1)));
}

torch::Tensor TinyDetectorImpl::forward(torch::Tensor x) {
    auto f = backbone->forward(x);
    return torch::cat({cls_head->forward(f), box_head->forward(f)}, 1);
}

}  // namespace detector
