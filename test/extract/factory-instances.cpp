// RUN: %gradlint --dump-model %s -- -std=c++17 -I%api | FileCheck %s
// A factory called twice in one function builds two models: each variable
// it initialises is an instance of the factory's model (instance_of), and
// the optimizers built over them hold their own instance's parameters. An
// Agent holding two networks of one class as members: two instances too.
// A factory called once keeps the factory's name.
#include <torch/torch.h>

torch::nn::Sequential make_model(int64_t out) {
  return torch::nn::Sequential(torch::nn::Linear(4, 64), torch::nn::ReLU(),
                               torch::nn::Linear(64, out));
}

struct QNetImpl : torch::nn::Module {
  QNetImpl() : fc(register_module("fc", torch::nn::Linear(4, 2))) {}
  torch::Tensor forward(torch::Tensor x) { return fc(x); }
  torch::nn::Linear fc;
};
TORCH_MODULE(QNet);

struct Agent {
  Agent() : online_(), target_(), opt_(online_->parameters(), 1e-3) {}
  QNet online_;
  QNet target_;
  torch::optim::Adam opt_;
};

void two() {
  auto actor = make_model(2);
  auto critic = make_model(1);
  torch::optim::Adam actor_opt(actor->parameters(), 1e-3);
  torch::optim::Adam critic_opt(critic->parameters(), 1e-3);
}

void once() {
  auto model = make_model(3);
  torch::optim::SGD opt(model->parameters(), 0.1);
}

// CHECK-LABEL: "models": [
// CHECK:       "name": "QNet"
// CHECK:       "name": "make_model"
// CHECK:       "instance_of": "QNet",
// CHECK:       "line": 23,
// CHECK:       "name": "Agent::online_"
// CHECK:       "instance_of": "QNet",
// CHECK:       "line": 24,
// CHECK:       "name": "Agent::target_"
// CHECK:       "instance_of": "make_model",
// CHECK:       "line": 29,
// CHECK:       "name": "two::actor"
// CHECK:       "instance_of": "make_model",
// CHECK:       "line": 30,
// CHECK:       "name": "two::critic"
// CHECK-LABEL: "optimizers": [
// CHECK:       "model_name": "Agent::online_",
// CHECK:       "var": "opt_"
// CHECK:       "model_name": "two::actor",
// CHECK:       "var": "actor_opt"
// CHECK:       "model_name": "two::critic",
// CHECK:       "var": "critic_opt"
// CHECK:       "model_name": "make_model",
// CHECK:       "var": "opt"
