// RUN: %gradlint --dump-model %s -- -std=c++17 -I%api | FileCheck %s
// Optimizers held by a trainer class: built in the constructor's
// init-list or assigned with std::make_unique, used through the member.
#include <torch/torch.h>

struct Net : torch::nn::Module {
  Net() { fc = register_module("fc", torch::nn::Linear(4, 1)); }
  torch::Tensor forward(torch::Tensor x) { return fc->forward(x); }
  torch::nn::Linear fc{nullptr};
};

class Trainer {
public:
  explicit Trainer(std::shared_ptr<Net> net)
      : net_(net), sgd_(net->parameters(), torch::optim::SGDOptions(1e-9)) {
    adam_ = std::make_unique<torch::optim::Adam>(net_->parameters());
  }
  void step(torch::Tensor x, torch::Tensor y) {
    adam_->zero_grad();
    auto loss = torch::mse_loss(net_->forward(x), y);
    loss.backward();
    adam_->step();
    sgd_.step();
  }

private:
  std::shared_ptr<Net> net_;
  torch::optim::SGD sgd_;
  std::unique_ptr<torch::optim::Adam> adam_;
};
// CHECK-LABEL: "optimizers": [
// CHECK:       "function": "Trainer::Trainer",
// CHECK-NEXT:  "in_loop": false,
// CHECK-NEXT:  "kind": "sgd",
// CHECK:       "lr": 1.0000{{[0-9]*}}e-09,
// CHECK:       "model_name": "Net",
// CHECK-NEXT:  "model_var": "net",
// CHECK:       "var": "sgd_",
// CHECK:       "function": "Trainer::Trainer",
// CHECK-NEXT:  "in_loop": false,
// CHECK-NEXT:  "kind": "adam",
// CHECK:       "lr": 0.001,
// CHECK-NEXT:  "lr_defaulted": true,
// CHECK:       "model_name": "Net",
// CHECK-NEXT:  "model_var": "net_",
// CHECK:       "var": "adam_",
// CHECK-LABEL: "trainings": [
// CHECK:       "op": "zero_grad",
// CHECK:       "var": "adam_"
// CHECK:       "op": "forward",
// CHECK:       "var": "net_"
// CHECK:       "op": "backward",
// CHECK:       "op": "step",
// CHECK:       "var": "adam_"
// CHECK:       "op": "step",
// CHECK:       "var": "sgd_"
// CHECK:       "name": "Trainer::step"
