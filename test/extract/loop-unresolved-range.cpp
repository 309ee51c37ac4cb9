// RUN: %gradlint --dump-model %s -- -std=c++17 -I%api 2>/dev/null | FileCheck %s --implicit-check-not='"op": "loss"'
// A training loop over a data loader whose dataset class is declared in a
// header that is not on the include path: `auto&& __range = *loader` cannot
// be deduced, and Clang drops the range-for with its body. gradlint parses
// the file again with the range (only) replaced by an opaque one, so the
// loop and what does not depend on the batch are read; what uses the batch
// is unknown, never a loss.
#include "data/csv_dataset.h"
#include <torch/torch.h>

struct RegressorImpl : torch::nn::Module {
  RegressorImpl() { fc = register_module("fc", torch::nn::Linear(13, 1)); }
  torch::Tensor forward(torch::Tensor x) { return fc->forward(x); }
  torch::nn::Linear fc{nullptr};
};
TORCH_MODULE(Regressor);

int main() {
  auto dataset = CSVDataset("housing.csv").map(torch::data::transforms::Stack<>());
  auto loader = torch::data::make_data_loader(std::move(dataset), 32);
  Regressor model;
  torch::optim::SGD optimizer(model->parameters(), 0.01);
  for (int epoch = 0; epoch < 10; ++epoch) {
    model->train();
    for (auto &batch : *loader) {
      optimizer.zero_grad();
      auto prediction = model->forward(batch.data);
      auto loss = torch::mse_loss(prediction, batch.target);
      loss.backward();
      // A loop inside the recovered one: its range resolves, it is kept.
      for (auto &p : model->parameters())
        p.grad().clamp_(-1, 1);
      // A loop over the batch itself: dropped in its turn, recovered too.
      for (const auto &example : batch) {
        model->eval();
      }
      optimizer.step();
    }
  }
}

// The recovered loop and the one inside it keep their places; offsets are
// the file's own (the replacement has the length of the text it replaces).
// CHECK-LABEL: "trainings": [
// CHECK:       "op": "optimizer",
// CHECK-NEXT:  "optimizer_index": 0,
// CHECK:       "op": "train",
// CHECK:       "line": 26,
// CHECK:       "op": "zero_grad",
// CHECK-NEXT:  "optimizer_index": 0,
// CHECK:       "kind": "loop",
// CHECK:       "line": 31,
// CHECK-NEXT:  "offset": 1419
// CHECK:       "op": "eval",
// CHECK:       "kind": "loop",
// CHECK:       "line": 34,
// CHECK:       "op": "step",
// CHECK-NEXT:  "optimizer_index": 0,
// CHECK:       "kind": "loop",
// CHECK:       "line": 25,
// CHECK:       "kind": "loop",
// CHECK:       "line": 23,
// CHECK:       "name": "main",
// backward() on the loss the batch makes unknown is code that was not read;
// zero_grad(), step(), train() and eval() were read and are not listed.
// CHECK:       "unresolved": [
// CHECK-NEXT:    "backward"
// CHECK-NEXT:  ]
