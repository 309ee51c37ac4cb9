// RUN: %gradlint --no-probe --header-mode=bundled %s -- -std=c++17 -I%S > %t.out 2>&1; echo "exit: $?" >> %t.out
// RUN: FileCheck %s --input-file=%t.out --implicit-check-not='{{warning|error}}:'
// CHECK: {{.*}}unet_carvana.cpp:7:10: note: partial analysis: 'opencv2/core.hpp' not found (and 2 more headers){{.*}}
// Style: a LibTorch UNet for the Carvana masks; the dataset wraps OpenCV and
// lives in a project header; neither is in this tree.
#include <torch/torch.h>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include "carvana_image_mask_dataset.h"

// Conv -> BN -> Conv -> BN -> ReLU: the author dropped the first ReLU.
struct DoubleConvImpl : torch::nn::Module {
    DoubleConvImpl(int64_t in_ch, int64_t out_ch) {
        conv1 = register_module("conv1", torch::nn::Conv2d(torch::nn::Conv2dOptions(in_ch, out_ch, 3).padding(1).bias(false)));
        bn1 = register_module("bn1", torch::nn::BatchNorm2d(out_ch));
        conv2 = register_module("conv2", torch::nn::Conv2d(torch::nn::Conv2dOptions(out_ch, out_ch, 3).padding(1).bias(false)));
        bn2 = register_module("bn2", torch::nn::BatchNorm2d(out_ch));
    }
    torch::Tensor forward(torch::Tensor x) {
        x = bn1->forward(conv1->forward(x));
        // planted, not found now: gradlint-missing-nonlinearity: conv -> BN -> conv, no ReLU
        x = bn2->forward(conv2->forward(x));
        return torch::relu(x);
    }
    torch::nn::Conv2d conv1{nullptr}, conv2{nullptr};
    torch::nn::BatchNorm2d bn1{nullptr}, bn2{nullptr};
};
TORCH_MODULE(DoubleConv);

struct UNetImpl : torch::nn::Module {
    UNetImpl(int64_t in_ch, int64_t n_classes)
        : inc(in_ch, 64), down1(64, 128), down2(128, 256), up1(256 + 128, 128), up2(128 + 64, 64),
          outc(torch::nn::Conv2dOptions(64, n_classes, 1)) {
        register_module("inc", inc);
        register_module("down1", down1);
        register_module("down2", down2);
        register_module("up1", up1);
        register_module("up2", up2);
        register_module("outc", outc);
    }
    torch::Tensor forward(torch::Tensor x) {
        auto x1 = inc->forward(x);
        auto x2 = down1->forward(torch::max_pool2d(x1, 2));
        auto x3 = down2->forward(torch::max_pool2d(x2, 2));
        auto u = torch::upsample_bilinear2d(x3, {x2.size(2), x2.size(3)}, true);
        u = up1->forward(torch::cat({u, x2}, 1));
        u = torch::upsample_bilinear2d(u, {x1.size(2), x1.size(3)}, true);
        u = up2->forward(torch::cat({u, x1}, 1));
        return outc->forward(u);
    }
    DoubleConv inc, down1, down2, up1, up2;
    torch::nn::Conv2d outc;
};
TORCH_MODULE(UNet);

int main() {
    auto cuda_available = torch::cuda::is_available();
    torch::Device device(cuda_available ? torch::kCUDA : torch::kCPU);
    const int64_t batch_size = 4;
    const size_t num_epochs = 5;

    auto dataset = CarvanaImageMaskDataset("data/train", "data/train_masks")
        .map(torch::data::transforms::Stack<>());
    auto loader = torch::data::make_data_loader<torch::data::samplers::RandomSampler>(std::move(dataset), batch_size);

    UNet model(3, 1);
    model->to(device);
    torch::optim::Adam optimizer(model->parameters(), torch::optim::AdamOptions(1e-4));

    for (size_t epoch = 0; epoch < num_epochs; ++epoch) {
        for (auto& batch : *loader) {
            auto images = batch.data.to(device);
            auto masks = batch.target.to(device);
            auto logits = model->forward(images);
            // SILENT: logits into the with-logits loss.
            auto loss = torch::binary_cross_entropy_with_logits(logits, masks);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        }
    }
    torch::save(model, "unet.pt");
}
// CHECK: exit: 0
