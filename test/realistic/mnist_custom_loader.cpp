// RUN: %gradlint --no-probe --header-mode=bundled %s -- -std=c++17 -I%S > %t.out 2>&1; echo "exit: $?" >> %t.out
// RUN: FileCheck %s --input-file=%t.out --implicit-check-not='{{warning|error}}:'
// CHECK: {{.*}}mnist_custom_loader.cpp:12:10: note: partial analysis: 'mnist/data/dataset.hpp' not found (and 2 more headers){{.*}}
// Style: an MNIST project split into mnist::data (its own MNISTDataset and a
// make_data_loader(dataset, config) modelled on LibTorch's) and
// mnist::utils (a Config read from YAML); neither header is on the include
// path. Both loops run over loaders whose types did not resolve. The model
// has dropout; a quick accuracy check after each epoch switches it to eval
// mode and nothing switches it back.
#include <torch/torch.h>
#include <cstdio>
#include "mnist/data/dataset.hpp"
#include "mnist/data/dataloader.hpp"
#include "mnist/utils/utils.hpp"

struct ClassifierImpl : torch::nn::Module {
  ClassifierImpl()
      : conv1(torch::nn::Conv2dOptions(1, 32, 3)),
        conv2(torch::nn::Conv2dOptions(32, 64, 3)),
        dropout(0.25),
        fc1(9216, 128),
        fc2(128, 10) {
    register_module("conv1", conv1);
    register_module("conv2", conv2);
    register_module("dropout", dropout);
    register_module("fc1", fc1);
    register_module("fc2", fc2);
  }

  torch::Tensor forward(torch::Tensor x) {
    x = torch::relu(conv1->forward(x));
    x = torch::relu(conv2->forward(x));
    x = torch::max_pool2d(x, 2);
    x = dropout->forward(x);
    x = torch::flatten(x, 1);
    x = torch::relu(fc1->forward(x));
    return torch::log_softmax(fc2->forward(x), 1);
  }

  torch::nn::Conv2d conv1, conv2;
  torch::nn::Dropout dropout;
  torch::nn::Linear fc1, fc2;
};
TORCH_MODULE(Classifier);

int main(int argc, char** argv) {
  const auto config = mnist::utils::Config::from_yaml(argv[1]);
  auto train_loader = mnist::data::make_data_loader(
      mnist::data::MNISTDataset(config.data_root, mnist::data::Split::kTrain), config);
  auto test_loader = mnist::data::make_data_loader<torch::data::samplers::SequentialSampler>(
      mnist::data::MNISTDataset(config.data_root, mnist::data::Split::kTest), config);

  Classifier model;
  torch::optim::Adam optimizer(model->parameters(), torch::optim::AdamOptions(1e-3));

  for (int epoch = 1; epoch <= config.epochs; ++epoch) {
    for (auto& batch : *train_loader) {
      optimizer.zero_grad();
      auto output = model->forward(batch.data);
      auto loss = torch::nll_loss(output, batch.target);
      loss.backward();
      optimizer.step();
    }

    // The accuracy check switches dropout off for the rest of the run.
    // CHECK: :[[@LINE+1]]:5: warning: 'model' is switched to eval mode here and is still in it when the optimizer steps in the next loop iteration; dropout is off while it trains [gradlint-eval-mode-training]
    model->eval();
    int64_t correct = 0;
    for (const auto& batch : *test_loader) {
      auto pred = model->forward(batch.data).argmax(1);
      correct += pred.eq(batch.target).sum().item<int64_t>();
    }
    std::printf("epoch %d: %lld correct\n", epoch, static_cast<long long>(correct));
  }
}
// CHECK: exit: 1
