// RUN: %gradlint --dump-model %s -- -std=c++17 -I%api | FileCheck %s
// A Trainer holding the model, the optimizer and the loss object as members,
// training in a member function: the optimizer member is bound to the model
// member, `criterion_(out, y)` is the loss, `model_->forward(x)` the forward.
// A loss module the user wrote (FocalLoss) is not a framework loss: its call
// is read as no loss at all.
#include <torch/torch.h>

struct NetImpl : torch::nn::Module {
  NetImpl() { fc = register_module("fc", torch::nn::Linear(10, 3)); }
  torch::Tensor forward(torch::Tensor x) { return fc->forward(x); }
  torch::nn::Linear fc{nullptr};
};
TORCH_MODULE(Net);

struct FocalLossImpl : torch::nn::Module {
  torch::Tensor forward(torch::Tensor logits, torch::Tensor y) {
    auto ce = torch::nn::functional::cross_entropy(logits, y);
    return (1 - torch::exp(-ce)).pow(2) * ce;
  }
};
TORCH_MODULE(FocalLoss);

class Trainer {
public:
  Trainer() : optimizer_(model_->parameters(), torch::optim::AdamOptions(1e-3)) {}
  void train_epoch(const torch::Tensor &x, const torch::Tensor &y) {
    model_->train();
    for (int i = 0; i < 10; ++i) {
      optimizer_.zero_grad();
      auto out = model_->forward(x);
      auto loss = criterion_(out, y) + focal_(out, y);
      loss.backward();
      optimizer_.step();
    }
  }

private:
  Net model_;
  torch::optim::Adam optimizer_;
  torch::nn::CrossEntropyLoss criterion_;
  FocalLoss focal_;
};

// CHECK-LABEL: "optimizers": [
// CHECK:       "model_name": "Net",
// CHECK:       "var": "optimizer_",
// CHECK-LABEL: "trainings": [
// CHECK:       "model_name": "Net",
// CHECK-NEXT:  "op": "train",
// CHECK:       "var": "model_"
// CHECK:       "op": "zero_grad",
// CHECK-NEXT:  "optimizer_index": 0,
// CHECK:       "model_name": "Net",
// CHECK-NEXT:  "op": "forward",
// CHECK:       "loss": "cross_entropy",
// CHECK-NEXT:  "model_name": "Net",
// CHECK-NEXT:  "op": "loss",
// CHECK-NOT:   "op": "loss",
// CHECK:       "op": "backward",
// CHECK-NOT:   "op": "loss",
// CHECK:       "op": "step",
// CHECK-NEXT:  "optimizer_index": 0,
// CHECK:       "name": "Trainer::train_epoch",
