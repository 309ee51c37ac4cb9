// RUN: %gradlint --dump-model %s -- -std=c++17 -I%api | FileCheck %s
// The tutorial collection's VAE keeps the mean and log-variance for the KL
// term: forward() takes them from the std::pair a member function returns
// (`this->last_mu = encode_output.first`). They are computed from the input,
// not weights: no member to register. A tensor member that forward() reads
// and nothing assigns from the input stays one.
#include <torch/torch.h>
#include <utility>

struct PairVAEImpl : torch::nn::Module {
  PairVAEImpl() {
    fc1 = register_module("fc1", torch::nn::Linear(784, 400));
    fc2 = register_module("fc2", torch::nn::Linear(400, 20));
    fc3 = register_module("fc3", torch::nn::Linear(400, 20));
    fc4 = register_module("fc4", torch::nn::Linear(20, 784));
  }
  std::pair<torch::Tensor, torch::Tensor> encode(torch::Tensor x) {
    auto h = torch::relu(fc1->forward(x));
    return {fc2->forward(h), fc3->forward(h)};
  }
  torch::Tensor forward(torch::Tensor x) {
    auto encode_output = encode(x);
    this->last_mu = encode_output.first;
    this->last_log_var = std::get<1>(encode_output);
    auto z = last_mu + torch::exp(0.5 * last_log_var) * torch::randn_like(last_mu);
    return torch::sigmoid(fc4->forward(z)) * temperature;
  }
  torch::Tensor last_mu;
  torch::Tensor last_log_var;
  torch::Tensor temperature = torch::ones({1});
  torch::nn::Linear fc1{nullptr}, fc2{nullptr}, fc3{nullptr}, fc4{nullptr};
};
TORCH_MODULE(PairVAE);

// CHECK:       "members": [
// CHECK-NOT:   "last_mu"
// CHECK-NOT:   "last_log_var"
// CHECK:       "name": "temperature",
// CHECK-NEXT:  "registered": false,
// CHECK-NEXT:  "used_in_forward": true
// CHECK-NOT:   "last_mu"
// CHECK-NOT:   "last_log_var"
// CHECK:       "name": "PairVAE"
