// RUN: %gradlint --dump-model %s -- -std=c++17 -I%api | FileCheck %s
// The silent side of binding: a training function called with two
// different models and two different optimizers (a GAN's shared update
// helper) is bound to neither; nor is one that nobody calls. Its model
// keeps the parameter's own name and its step no optimizer.
#include <torch/torch.h>

void update(torch::nn::Sequential &net, torch::optim::Optimizer &opt,
            const torch::Tensor &input, const torch::Tensor &target) {
  opt.zero_grad();
  auto loss = torch::binary_cross_entropy_with_logits(net->forward(input),
                                                      target);
  loss.backward();
  opt.step();
}

void unused(torch::nn::Sequential &net, torch::optim::Optimizer &opt,
            const torch::Tensor &input) {
  opt.zero_grad();
  net->forward(input).sum().backward();
  opt.step();
}

int main() {
  torch::nn::Sequential generator(torch::nn::Linear(100, 784),
                                  torch::nn::Tanh());
  torch::nn::Sequential discriminator(torch::nn::Linear(784, 1));
  torch::optim::Adam g_opt(generator->parameters(),
                           torch::optim::AdamOptions(2e-4));
  torch::optim::Adam d_opt(discriminator->parameters(),
                           torch::optim::AdamOptions(2e-4));
  auto real = torch::randn({64, 784});
  auto noise = torch::randn({64, 100});
  for (int step = 0; step < 1000; ++step) {
    update(discriminator, d_opt, real, torch::ones({64, 1}));
    update(generator, g_opt, noise, torch::ones({64, 1}));
  }
}

// CHECK-LABEL: "trainings": [
// CHECK:       "op": "zero_grad",
// CHECK-NEXT:  "optimizer_index": -1,
// CHECK:       "model_name": "update::net",
// CHECK-NEXT:  "op": "forward",
// CHECK:       "op": "step",
// CHECK-NEXT:  "optimizer_index": -1,
// CHECK:       "name": "update"
// CHECK:       "model_name": "unused::net",
// CHECK-NEXT:  "op": "forward",
// CHECK:       "op": "step",
// CHECK-NEXT:  "optimizer_index": -1,
// CHECK:       "name": "unused"
