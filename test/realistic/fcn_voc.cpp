// RUN: %gradlint --no-probe --header-mode=bundled %s -- -std=c++17 -I%S > %t.out 2>&1; echo "exit: $?" >> %t.out
// RUN: FileCheck %s --input-file=%t.out --implicit-check-not='{{warning|error}}:'
// CHECK: {{.*}}fcn_voc.cpp:8:10: note: partial analysis: 'voc_segmentation.h' not found{{.*}}
// Style: an FCN-8s-like segmentation net whose forward() returns per-pixel
// probabilities (convenient for the demo), trained with cross_entropy; the
// VOC loader is a project header absent here.
#include <torch/torch.h>
#include "voc_segmentation.h"

class FCNImpl : public torch::nn::Module {
 public:
    explicit FCNImpl(int64_t n_class) {
        features = register_module("features", torch::nn::Sequential(
            torch::nn::Conv2d(torch::nn::Conv2dOptions(3, 64, 3).padding(1)), torch::nn::ReLU(),
            torch::nn::MaxPool2d(2),
            torch::nn::Conv2d(torch::nn::Conv2dOptions(64, 128, 3).padding(1)), torch::nn::ReLU(),
            torch::nn::MaxPool2d(2),
            torch::nn::Conv2d(torch::nn::Conv2dOptions(128, 256, 3).padding(1)), torch::nn::ReLU(),
            torch::nn::MaxPool2d(2)));
        score = register_module("score", torch::nn::Conv2d(torch::nn::Conv2dOptions(256, n_class, 1)));
        upscore = register_module("upscore", torch::nn::ConvTranspose2d(
            torch::nn::ConvTranspose2dOptions(n_class, n_class, 16).stride(8).padding(4).bias(false)));
    }

    torch::Tensor forward(torch::Tensor x) {
        auto h = features->forward(x);
        h = score->forward(h);
        h = upscore->forward(h);
        // planted, not found now: gradlint-loss-mismatch: probabilities leave forward() and meet cross_entropy
        return torch::softmax(h, 1);
    }

 private:
    torch::nn::Sequential features{nullptr};
    torch::nn::Conv2d score{nullptr};
    torch::nn::ConvTranspose2d upscore{nullptr};
};
TORCH_MODULE(FCN);

int main() {
    FCN model(21);
    torch::optim::SGD optimizer(model->parameters(), torch::optim::SGDOptions(1e-2).momentum(0.99).weight_decay(5e-4));
    auto loader = torch::data::make_data_loader(
        voc::VOCSegmentation("VOCdevkit/VOC2012").map(torch::data::transforms::Stack<>()), 1);
    for (int epoch = 0; epoch < 30; ++epoch) {
        for (auto& batch : *loader) {
            auto out = model->forward(batch.data);
            auto loss = torch::nn::functional::cross_entropy(
                out, batch.target.squeeze(1), torch::nn::functional::CrossEntropyFuncOptions().ignore_index(255));
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        }
    }
}
// CHECK: exit: 0
