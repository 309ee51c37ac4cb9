// RUN: %gradlint --no-probe --header-mode=bundled %s -- -std=c++17 -I%S > %t.out 2>&1; echo "exit: $?" >> %t.out
// RUN: FileCheck %s --input-file=%t.out --implicit-check-not='{{warning|error}}:'
// CHECK: {{.*}}yolo_darknet_infer.cpp:7:10: note: partial analysis: 'opencv2/opencv.hpp' not found (and 1 more header){{.*}}
// Style: a LibTorch YOLOv3 port (Darknet built from a .cfg file, OpenCV for
// the image); darknet_parsing.h and OpenCV are absent here. Inference only.
#include <torch/torch.h>
#include <opencv2/opencv.hpp>
#include <map>
#include <string>
#include <vector>
#include "darknet_parsing.h"

struct EmptyLayerImpl : torch::nn::Module {
    EmptyLayerImpl() = default;
    torch::Tensor forward(torch::Tensor x) { return x; }
};
TORCH_MODULE(EmptyLayer);

struct UpsampleLayerImpl : torch::nn::Module {
    explicit UpsampleLayerImpl(int stride) : stride_(stride) {}
    torch::Tensor forward(torch::Tensor x) {
        auto sizes = x.sizes();
        return torch::upsample_nearest2d(x, {sizes[2] * stride_, sizes[3] * stride_});
    }
    int stride_;
};
TORCH_MODULE(UpsampleLayer);

class Darknet : public torch::nn::Module {
 public:
    Darknet(const char* cfg_file, torch::Device* device) : device_(device) {
        blocks_ = darknet::load_cfg(cfg_file);
        create_modules();
    }

    torch::Tensor forward(torch::Tensor x) {
        std::vector<torch::Tensor> outputs(module_list_.size());
        torch::Tensor result;
        for (size_t i = 0; i < module_list_.size(); ++i) {
            const auto& type = blocks_[i + 1]["type"];
            if (type == "convolutional" || type == "upsample" || type == "maxpool") {
                x = module_list_[i]->forward(x);
            } else if (type == "shortcut") {
                x = outputs[i - 1] + outputs[i + std::stoi(blocks_[i + 1]["from"])];
            }
            outputs[i] = x;
        }
        return x;
    }

 private:
    void create_modules() {
        int64_t prev_filters = 3;
        for (size_t i = 1; i < blocks_.size(); ++i) {
            auto& block = blocks_[i];
            torch::nn::Sequential module;
            if (block["type"] == "convolutional") {
                int64_t filters = std::stoi(block["filters"]);
                int64_t kernel = std::stoi(block["size"]);
                bool bn = block.count("batch_normalize") != 0;
                module->push_back(torch::nn::Conv2d(
                    torch::nn::Conv2dOptions(prev_filters, filters, kernel).padding(kernel / 2).bias(!bn)));
                if (bn) module->push_back(torch::nn::BatchNorm2d(filters));
                if (block["activation"] == "leaky")
                    module->push_back(torch::nn::LeakyReLU(torch::nn::LeakyReLUOptions().negative_slope(0.1)));
                prev_filters = filters;
            } else if (block["type"] == "upsample") {
                module->push_back(UpsampleLayer(std::stoi(block["stride"])));
            } else {
                module->push_back(EmptyLayer());
            }
            // SILENT: registered under a computed name.
            module_list_.push_back(register_module("layer_" + std::to_string(i), module));
        }
    }

    torch::Device* device_;
    std::vector<std::map<std::string, std::string>> blocks_;
    std::vector<torch::nn::Sequential> module_list_;
};

int main(int argc, const char* argv[]) {
    torch::Device device(torch::kCPU);
    Darknet net("yolov3.cfg", &device);
    net.eval();
    torch::NoGradGuard no_grad;

    cv::Mat origin_image = cv::imread(argv[1]);
    cv::Mat resized_image;
    cv::cvtColor(origin_image, resized_image, cv::COLOR_BGR2RGB);
    cv::resize(resized_image, resized_image, cv::Size(416, 416));
    cv::Mat img_float;
    resized_image.convertTo(img_float, CV_32F, 1.0 / 255);
    auto img_tensor = torch::from_blob(img_float.data, {1, 416, 416, 3}).permute({0, 3, 1, 2});
    auto output = net.forward(img_tensor);
    std::cout << output.sizes() << '\n';
}
// CHECK: exit: 0
