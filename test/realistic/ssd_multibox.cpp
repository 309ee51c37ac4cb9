// RUN: %gradlint --no-probe --header-mode=bundled %s -- -std=c++17 -I%S > %t.out 2>&1; echo "exit: $?" >> %t.out
// RUN: FileCheck %s --input-file=%t.out --implicit-check-not='{{warning|error}}:'
// CHECK: {{.*}}ssd_multibox.cpp:8:10: note: partial analysis: 'layers/prior_box.h' not found (and 1 more header){{.*}}
// Style: an SSD port: a ModuleList of per-level heads, a MultiBox loss with
// hard negative mining; the prior-box generator is in an absent header.
#include <torch/torch.h>
#include <vector>
#include "layers/prior_box.h"
#include "data/voc0712.h"

struct SSDHeadImpl : torch::nn::Module {
    SSDHeadImpl(std::vector<int64_t> channels, int64_t num_priors, int64_t num_classes)
        : num_classes_(num_classes) {
        loc = register_module("loc", torch::nn::ModuleList());
        conf = register_module("conf", torch::nn::ModuleList());
        for (auto c : channels) {
            loc->push_back(torch::nn::Conv2d(torch::nn::Conv2dOptions(c, num_priors * 4, 3).padding(1)));
            conf->push_back(torch::nn::Conv2d(torch::nn::Conv2dOptions(c, num_priors * num_classes, 3).padding(1)));
        }
    }

    std::pair<torch::Tensor, torch::Tensor> forward(std::vector<torch::Tensor> features) {
        std::vector<torch::Tensor> locs, confs;
        for (size_t i = 0; i < features.size(); ++i) {
            locs.push_back(loc[i]->as<torch::nn::Conv2d>()->forward(features[i]).permute({0, 2, 3, 1}).flatten(1));
            confs.push_back(conf[i]->as<torch::nn::Conv2d>()->forward(features[i]).permute({0, 2, 3, 1}).flatten(1));
        }
        auto b = features[0].size(0);
        return {torch::cat(locs, 1).view({b, -1, 4}), torch::cat(confs, 1).view({b, -1, num_classes_})};
    }

    torch::nn::ModuleList loc{nullptr}, conf{nullptr};
    int64_t num_classes_;
};
TORCH_MODULE(SSDHead);

torch::Tensor multibox_loss(torch::Tensor loc_p, torch::Tensor conf_p, torch::Tensor loc_t, torch::Tensor conf_t) {
    auto pos = conf_t > 0;
    auto loss_l = torch::smooth_l1_loss(loc_p.index({pos}), loc_t.index({pos}), at::Reduction::Sum);
    auto num_classes = conf_p.size(-1);
    // Class scores softmaxed before cross_entropy.
    // CHECK: :[[@LINE+1]]:19: warning: softmax before cross_entropy{{.*}}[gradlint-loss-mismatch]
    auto scores = torch::softmax(conf_p.view({-1, num_classes}), 1);
    auto loss_c = torch::nn::functional::cross_entropy(
        scores, conf_t.view(-1), torch::nn::functional::CrossEntropyFuncOptions().reduction(torch::kSum));
    auto n = pos.sum().clamp_min(1);
    return (loss_l + loss_c) / n;
}

int main() {
    SSDHead head(std::vector<int64_t>{512, 1024, 512, 256, 256, 256}, 6, 21);
    torch::optim::SGD optimizer(head->parameters(), torch::optim::SGDOptions(1e-3).momentum(0.9).weight_decay(5e-4));
    auto priors = layers::PriorBox(300).forward();
    auto loader = torch::data::make_data_loader(voc::VOCFeatures("VOC2007").map(voc::Collate()), 32);
    for (int it = 0; it < 120000; ++it) {
        for (auto& batch : *loader) {
            auto [loc_p, conf_p] = head->forward(batch.features);
            auto loss = multibox_loss(loc_p, conf_p, batch.loc_t, batch.conf_t);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        }
    }
}
// CHECK: exit: 1
