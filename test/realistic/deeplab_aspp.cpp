// RUN: %gradlint --no-probe --header-mode=bundled %s -- -std=c++17 -I%S > %t.out 2>&1; echo "exit: $?" >> %t.out
// RUN: FileCheck %s --input-file=%t.out --implicit-check-not='{{warning|error}}:'
// CHECK: {{.*}}deeplab_aspp.cpp:9:10: note: partial analysis: 'datasets/cityscapes.h' not found (and 1 more header){{.*}}
// Style: a DeepLabV3 head (ASPP branches in a ModuleList, dropout before the
// classifier) with per-epoch validation; the Cityscapes loader and the mIoU
// metric are project headers absent here.
#include <torch/torch.h>
#include <vector>
#include "datasets/cityscapes.h"
#include "metrics/miou.h"

struct ASPPImpl : torch::nn::Module {
    ASPPImpl(int64_t in_ch, int64_t out_ch, std::vector<int64_t> rates) {
        branches = register_module("branches", torch::nn::ModuleList());
        branches->push_back(torch::nn::Sequential(
            torch::nn::Conv2d(torch::nn::Conv2dOptions(in_ch, out_ch, 1).bias(false)),
            torch::nn::BatchNorm2d(out_ch), torch::nn::ReLU()));
        for (auto r : rates) {
            branches->push_back(torch::nn::Sequential(
                torch::nn::Conv2d(torch::nn::Conv2dOptions(in_ch, out_ch, 3).padding(r).dilation(r).bias(false)),
                torch::nn::BatchNorm2d(out_ch), torch::nn::ReLU()));
        }
        project = register_module("project", torch::nn::Sequential(
            torch::nn::Conv2d(torch::nn::Conv2dOptions(out_ch * (rates.size() + 1), out_ch, 1).bias(false)),
            torch::nn::BatchNorm2d(out_ch), torch::nn::ReLU(), torch::nn::Dropout(0.5)));
    }
    torch::Tensor forward(torch::Tensor x) {
        std::vector<torch::Tensor> res;
        for (const auto& b : *branches) res.push_back(b->as<torch::nn::Sequential>()->forward(x));
        return project->forward(torch::cat(res, 1));
    }
    torch::nn::ModuleList branches{nullptr};
    torch::nn::Sequential project{nullptr};
};
TORCH_MODULE(ASPP);

struct DeepLabHeadImpl : torch::nn::Module {
    DeepLabHeadImpl(int64_t in_ch, int64_t num_classes)
        : aspp(in_ch, 256, std::vector<int64_t>{12, 24, 36}),
          classifier(torch::nn::Conv2dOptions(256, num_classes, 1)) {
        register_module("aspp", aspp);
        register_module("classifier", classifier);
    }
    torch::Tensor forward(torch::Tensor x) { return classifier->forward(aspp->forward(x)); }
    ASPP aspp;
    torch::nn::Conv2d classifier;
};
TORCH_MODULE(DeepLabHead);

int main() {
    DeepLabHead model(2048, 19);
    torch::optim::SGD optimizer(model->parameters(), torch::optim::SGDOptions(0.01).momentum(0.9).weight_decay(1e-4));
    auto train_loader = torch::data::make_data_loader(cityscapes::Features("train").map(torch::data::transforms::Stack<>()), 8);
    auto val_loader = torch::data::make_data_loader(cityscapes::Features("val").map(torch::data::transforms::Stack<>()), 8);

    for (int epoch = 0; epoch < 100; ++epoch) {
        for (auto& batch : *train_loader) {
            auto loss = torch::nn::functional::cross_entropy(model->forward(batch.data), batch.target);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        }
        // planted, not found now: gradlint-eval-mode-training: validation leaves BN and dropout in eval mode
        model->eval();
        metrics::MIoU miou(19);
        {
            torch::NoGradGuard no_grad;
            for (auto& batch : *val_loader) miou.update(model->forward(batch.data).argmax(1), batch.target);
        }
        std::cout << "epoch " << epoch << " mIoU " << miou.compute() << std::endl;
    }
}
// CHECK: exit: 0
