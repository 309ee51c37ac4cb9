// A training program whose project header and data loader live elsewhere:
// what is written here is still read.
#include <torch/torch.h>
#include <opencv2/opencv.hpp>
#include "neural_net.h"
#include "../utils/csv_loader.h"

struct Classifier : torch::nn::Module {
  Classifier() {
    fc1 = register_module("fc1", torch::nn::Linear(784, 64));
    fc2 = register_module("fc2", torch::nn::Linear(64, 10));
  }
  torch::Tensor forward(torch::Tensor x) {
    x = torch::relu(fc1->forward(x));
    return torch::softmax(fc2->forward(x), /*dim=*/1);
  }
  torch::nn::Linear fc1{nullptr}, fc2{nullptr};
};

int main() {
  cv::Mat frame = cv::imread("digit.png", cv::IMREAD_GRAYSCALE);
  auto loader = CsvLoader("train.csv");
  auto net = std::make_shared<Classifier>();
  torch::optim::SGD optimizer(net->parameters(), 0.01);
  for (int epoch = 0; epoch < 10; ++epoch) {
    auto x = torch::rand({64, 784});
    auto y = torch::randint(0, 10, {64});
    optimizer.zero_grad();
    auto loss = torch::nn::functional::cross_entropy(net->forward(x), y);
    loss.backward();
    optimizer.step();
  }
}
