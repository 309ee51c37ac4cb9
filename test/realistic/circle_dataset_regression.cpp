// RUN: %gradlint --no-probe --header-mode=bundled %s -- -std=c++17 -I%S > %t.out 2>&1; echo "exit: $?" >> %t.out
// RUN: FileCheck %s --input-file=%t.out --implicit-check-not='{{warning|error}}:'
// CHECK: {{.*}}circle_dataset_regression.cpp:11:10: note: partial analysis: 'Network/DataLoader.hpp' not found{{.*}}
// Style: a small regression project (predict a point on a circle from the
// previous ones) with its own `DataLoader : torch::data::Dataset<DataLoader>`
// declared in include/Network/DataLoader.hpp, which is not on the include
// path here. The data loader's type depends on that class, so Clang drops the
// training loop over it with its body; gradlint reads the loop again with an
// opaque batch.
#include <torch/torch.h>
#include "Network/DataLoader.hpp"
#include <iostream>
#include <vector>

class NetworkImpl : public torch::nn::Module {
 public:
  NetworkImpl(int64_t input, int64_t hidden, int64_t output) {
    fc1 = register_module("fc1", torch::nn::Linear(input, hidden));
    fc2 = register_module("fc2", torch::nn::Linear(hidden, hidden));
    fc3 = register_module("fc3", torch::nn::Linear(hidden, output));
  }

  torch::Tensor forward(torch::Tensor x) {
    x = torch::relu(fc1->forward(x));
    x = torch::relu(fc2->forward(x));
    return fc3->forward(x);
  }

 private:
  torch::nn::Linear fc1{nullptr}, fc2{nullptr}, fc3{nullptr};
};
TORCH_MODULE(Network);

int main() {
  torch::Device device(torch::cuda::is_available() ? torch::kCUDA : torch::kCPU);
  auto data_set = DataLoader(torch::rand({1000, 4}), torch::rand({1000, 2}))
                      .map(torch::data::transforms::Stack<>());
  auto data_loader = torch::data::make_data_loader<torch::data::samplers::SequentialSampler>(
      std::move(data_set), torch::data::DataLoaderOptions().batch_size(64));

  Network model(4, 64, 2);
  model->to(device);

  for (size_t epoch = 1; epoch <= 200; ++epoch) {
    for (auto& batch : *data_loader) {
      auto data = batch.data.to(device);
      auto target = batch.target.to(device);
      // Moved "next to its use": a fresh Adam for every batch.
      // CHECK: :[[@LINE+1]]:7: warning: optimizer 'optimizer' is constructed inside the loop that steps it{{.*}}[gradlint-optimizer-in-loop]
      torch::optim::Adam optimizer(model->parameters(), torch::optim::AdamOptions(1e-3));
      optimizer.zero_grad();
      auto output = model->forward(data);
      auto loss = torch::mse_loss(output, target);
      loss.backward();
      optimizer.step();
    }
  }

  // SILENT: a second loop for evaluation, no optimizer in it.
  model->eval();
  torch::NoGradGuard no_grad;
  for (auto& batch : *data_loader) {
    auto output = model->forward(batch.data.to(device));
    std::cout << output.mean().item<double>() << '\n';
  }
}
// CHECK: exit: 1
