// RUN: %gradlint --no-probe --header-mode=bundled %s -- -std=c++17 -I%S > %t.out 2>&1; echo "exit: $?" >> %t.out
// RUN: FileCheck %s --input-file=%t.out --implicit-check-not='{{warning|error}}:'
// CHECK: {{.*}}retinanet_head.cpp:9:10: note: partial analysis: 'retinanet/fpn.h' not found (and 1 more header){{.*}}
// Style: a RetinaNet port (classification subnet with the prior-probability
// bias init, focal loss); the FPN backbone and the anchor code are project
// headers absent here.
#include <torch/torch.h>
#include <cmath>
#include "retinanet/fpn.h"
#include "retinanet/anchors.h"

struct ClassificationSubnetImpl : torch::nn::Module {
    ClassificationSubnetImpl(int64_t num_anchors, int64_t num_classes, double prior = 0.01) {
        for (int i = 0; i < 4; ++i) {
            tower->push_back(torch::nn::Conv2d(torch::nn::Conv2dOptions(256, 256, 3).padding(1)));
            tower->push_back(torch::nn::ReLU());
        }
        cls_logits = torch::nn::Conv2d(torch::nn::Conv2dOptions(256, num_anchors * num_classes, 3).padding(1));
        register_module("tower", tower);
        register_module("cls_logits", cls_logits);
        // SILENT: N(0, 0.01) on the tower and a constant prior bias are the
        // paper's recipe; the head's weight is the output layer.
        for (auto& p : tower->named_parameters()) {
            if (p.key().find("weight") != std::string::npos) torch::nn::init::normal_(p.value(), 0.0, 0.01);
            else torch::nn::init::constant_(p.value(), 0.0);
        }
        torch::nn::init::normal_(cls_logits->weight, 0.0, 0.01);
        torch::nn::init::constant_(cls_logits->bias, -std::log((1 - prior) / prior));
    }

    torch::Tensor forward(torch::Tensor x) { return cls_logits->forward(tower->forward(x)); }

    torch::nn::Sequential tower;
    torch::nn::Conv2d cls_logits{nullptr};
};
TORCH_MODULE(ClassificationSubnet);

torch::Tensor focal_loss(torch::Tensor logits, torch::Tensor targets, double alpha = 0.25, double gamma = 2.0) {
    // SILENT: sigmoid probabilities into binary_cross_entropy.
    auto p = torch::sigmoid(logits);
    auto ce = torch::binary_cross_entropy(p, targets, {}, at::Reduction::None);
    auto p_t = p * targets + (1 - p) * (1 - targets);
    auto alpha_t = alpha * targets + (1 - alpha) * (1 - targets);
    return (alpha_t * ce * (1 - p_t).pow(gamma)).sum();
}

int main() {
    retinanet::FPN fpn(retinanet::resnet50_backbone());
    ClassificationSubnet subnet(9, 80);
    // CHECK: :[[@LINE+1]]:80: warning: SGD learning rate 10 is above 1{{.*}}[gradlint-huge-learning-rate]
    torch::optim::SGD optimizer(subnet->parameters(), torch::optim::SGDOptions(10).momentum(0.9));
    auto loader = torch::data::make_data_loader(retinanet::CocoDetection("coco/train2017"), 16);
    for (int epoch = 0; epoch < 12; ++epoch) {
        for (auto& batch : *loader) {
            auto features = fpn->forward(batch.data);
            auto loss = focal_loss(subnet->forward(features[0]), batch.target);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        }
    }
}
// CHECK: exit: 1
