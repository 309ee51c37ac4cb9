// RUN: %gradlint --no-probe --header-mode=bundled %s -- -std=c++17 -I%S > %t.out 2>&1; echo "exit: $?" >> %t.out
// RUN: FileCheck %s --input-file=%t.out --implicit-check-not='{{warning|error}}:'
// CHECK: {{.*}}finetune_jit_backbone.cpp:8:10: note: partial analysis: 'opencv2/opencv.hpp' not found{{.*}}
// Style: transfer learning with a TorchScript backbone (frozen features, a new
// Linear head trained in C++); images come through OpenCV, absent here.
#include <torch/torch.h>
#include <torch/script.h>
#include <opencv2/opencv.hpp>
#include <vector>

class ImageFolder : public torch::data::Dataset<ImageFolder> {
 public:
    ImageFolder(std::vector<std::pair<std::string, int64_t>> items) : items_(std::move(items)) {}
    torch::data::Example<> get(size_t i) override {
        cv::Mat img = cv::imread(items_[i].first);
        cv::resize(img, img, cv::Size(224, 224));
        auto t = torch::from_blob(img.data, {224, 224, 3}, torch::kByte).permute({2, 0, 1}).to(torch::kFloat).div(255);
        t = torch::data::transforms::Normalize<>({0.485, 0.456, 0.406}, {0.229, 0.224, 0.225})(t);
        return {t, torch::tensor(items_[i].second)};
    }
    torch::optional<size_t> size() const override { return items_.size(); }
 private:
    std::vector<std::pair<std::string, int64_t>> items_;
};

std::vector<std::pair<std::string, int64_t>> list_images(const std::string& root);

int main() {
    torch::jit::script::Module backbone = torch::jit::load("resnet18_features.pt");
    backbone.eval();
    torch::nn::Linear head(512, 2);
    // CHECK: :[[@LINE+1]]:78: warning: SGD learning rate 100 is above 1{{.*}}[gradlint-huge-learning-rate]
    torch::optim::SGD optimizer(head->parameters(), torch::optim::SGDOptions(100).momentum(0.9));
    auto loader = torch::data::make_data_loader(
        ImageFolder(list_images("hymenoptera/train")).map(torch::data::transforms::Stack<>()), 16);
    for (int epoch = 0; epoch < 25; ++epoch) {
        for (auto& batch : *loader) {
            torch::Tensor features;
            {
                // SILENT: only the frozen backbone runs without a graph.
                torch::NoGradGuard no_grad;
                features = backbone.forward({batch.data}).toTensor().view({batch.data.size(0), -1});
            }
            auto logits = head->forward(features);
            auto loss = torch::nn::functional::cross_entropy(logits, batch.target);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        }
    }
    torch::save(head, "head.pt");
}
// CHECK: exit: 1
