// RUN: %gradlint --dump-model %s -- -std=c++17 -I%api | FileCheck %s
// A training function that takes the model and the optimizer as parameters
// (by reference, by value, by pointer), called from a function that is
// itself called from main: its parameters are bound to the arguments at
// each call site, two calls deep, so `model` in train_step is main's model
// and `optimizer` is main's optimizer.
#include <torch/torch.h>

torch::nn::Sequential make_classifier(int64_t in, int64_t classes) {
  return torch::nn::Sequential(torch::nn::Linear(in, 128), torch::nn::ReLU(),
                               torch::nn::Linear(128, classes));
}

void train_step(torch::nn::Sequential &model,
                torch::optim::Optimizer &optimizer, const torch::Tensor &images,
                const torch::Tensor &labels) {
  optimizer.zero_grad();
  auto output = model->forward(images);
  auto loss = torch::nn::functional::cross_entropy(output, labels);
  loss.backward();
  optimizer.step();
}

void fit(torch::nn::Sequential model, torch::optim::Optimizer *optimizer,
         size_t num_epochs) {
  auto images = torch::randn({64, 784});
  auto labels = torch::randint(0, 10, {64});
  for (size_t epoch = 0; epoch < num_epochs; ++epoch)
    train_step(model, *optimizer, images, labels);
}

int main() {
  auto model = make_classifier(784, 10);
  torch::optim::Adam optimizer(model->parameters(),
                               torch::optim::AdamOptions(1e-3));
  fit(model, &optimizer, 5);
}

// CHECK-LABEL: "optimizers": [
// CHECK:       "model_name": "make_classifier",
// CHECK:       "var": "optimizer"
// CHECK-LABEL: "trainings": [
// CHECK:       "op": "zero_grad",
// CHECK-NEXT:  "optimizer_index": 0,
// CHECK:       "model_name": "make_classifier",
// CHECK-NEXT:  "op": "forward",
// CHECK:       "var": "model"
// CHECK:       "model_name": "make_classifier",
// CHECK-NEXT:  "op": "loss",
// CHECK:       "op": "backward",
// CHECK:       "op": "step",
// CHECK-NEXT:  "optimizer_index": 0,
// CHECK-NEXT:  "target": null,
// CHECK-NEXT:  "unwrap_call_site_act": [],
// CHECK-NEXT:  "var": "optimizer"
// CHECK:       "name": "train_step"
