// RUN: %gradlint --dump-model %s -- -std=c++17 -I%api 2>/dev/null | FileCheck %s
// A training loop in the style of image-classification examples that read
// their images with OpenCV, which is not installed here: the header is
// served empty and every cv:: name is an error. What resolved is read as
// usual (the forward, the nll_loss on softmax probabilities, backward,
// step); what an error touches is nothing.
#include <opencv2/opencv.hpp>
#include <torch/torch.h>

struct ConvNetImpl : torch::nn::Module {
  ConvNetImpl() {
    fc1 = register_module("fc1", torch::nn::Linear(3 * 32 * 32, 128));
    fc2 = register_module("fc2", torch::nn::Linear(128, 10));
  }
  torch::Tensor forward(torch::Tensor x) {
    x = torch::relu(fc1->forward(x.view({x.size(0), -1})));
    return torch::softmax(fc2->forward(x), 1);
  }
  torch::nn::Linear fc1{nullptr}, fc2{nullptr};
};
TORCH_MODULE(ConvNet);

int main() {
  ConvNet model;
  torch::optim::Adam optimizer(model->parameters(),
                               torch::optim::AdamOptions(1e-3));
  cv::Mat preview = cv::imread("preview.png");
  for (int epoch = 0; epoch < 10; ++epoch) {
    auto images = torch::rand({16, 3, 32, 32});
    auto labels = torch::randint(0, 10, {16});
    optimizer.zero_grad();
    auto output = model->forward(images);
    auto loss = torch::nll_loss(output, labels);
    loss.backward();
    optimizer.step();
    cv::imshow("preview", preview);
  }
}

// CHECK-LABEL: "trainings": [
// CHECK:       "op": "zero_grad",
// CHECK:       "model_name": "ConvNet",
// CHECK-NEXT:  "op": "forward",
// CHECK:       "loss": "nll",
// CHECK-NEXT:  "model_name": "ConvNet",
// CHECK-NEXT:  "op": "loss",
// CHECK:       "op": "backward",
// CHECK:       "op": "step",
// CHECK-NEXT:  "optimizer_index": 0,
// CHECK:       "name": "main"
