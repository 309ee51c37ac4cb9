// RUN: %gradlint --dump-model %s -- -std=c++17 -I%api | FileCheck %s
// Normalisation between creation and use: (x - mean) / std, F::normalize,
// batch_norm, a Normalize transform mapped on the dataset; the range is then
// not recorded (blocks empty) and normalized is true.
#include <torch/torch.h>

namespace F = torch::nn::functional;

void train(torch::nn::Sequential &net, torch::optim::SGD &opt) {
  auto raw = torch::cat({torch::rand({100, 1}) * 1000, torch::rand({100, 9})}, 1);
  auto x = (raw - raw.mean(0)) / raw.std(0);
  net->forward(x);
  // CHECK-LABEL: "trainings": [
  // CHECK:       "input": {
  // CHECK-NEXT:    "blocks": [],
  // CHECK:         "features": 10,
  // CHECK:         "normalized": true,
  // CHECK-NEXT:    "rows": 100,
  // CHECK-NEXT:    "var": "x"
  net->forward(F::normalize(raw, F::NormalizeFuncOptions().dim(0)));
  // CHECK:       "input": {
  // CHECK-NEXT:    "blocks": [],
  // CHECK:         "normalized": true,
  net->forward(raw);
  // CHECK:       "input": {
  // CHECK-NEXT:    "blocks": [
  // CHECK:         "normalized": false,
  // CHECK-NEXT:    "rows": 100,
  // CHECK-NEXT:    "var": "raw"
  opt.step();
}

void trainLoader(torch::nn::Sequential &net, torch::optim::SGD &opt) {
  auto dataset = torch::data::datasets::MNIST("./data")
                     .map(torch::data::transforms::Normalize<>(0.1307, 0.3081))
                     .map(torch::data::transforms::Stack<>());
  auto loader = torch::data::make_data_loader(std::move(dataset), 64);
  for (auto &batch : *loader) {
    opt.zero_grad();
    auto loss = torch::nll_loss(net->forward(batch.data), batch.target);
    loss.backward();
    opt.step();
  }
}
// CHECK:       "input": {
// CHECK-NEXT:    "blocks": [],
// CHECK:         "normalized": true,
// CHECK-NEXT:    "rows": null,
// CHECK-NEXT:    "var": "data"
// CHECK:       "name": "trainLoader"
