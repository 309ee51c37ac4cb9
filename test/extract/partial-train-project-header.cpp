// RUN: %gradlint --dump-model %s -- -std=c++17 -I%api 2>/dev/null | FileCheck %s --implicit-check-not='"op": "loss"'
// An RL agent whose replay buffer, loss and optimizer come from project
// headers that are not on the include path. None of their names resolve:
// the unknown criterion is no loss, the unknown optimizer's step() is no
// step, `loss.backward()` on a loss an error touches is not read by name
// (so main does not train on what we could read), and the unknown
// optimizer is never bound to the update helper.
#include "agent/replay_buffer.h"
#include "agent/lookahead.h"
#include <torch/torch.h>

struct QNetImpl : torch::nn::Module {
  QNetImpl() { fc = register_module("fc", torch::nn::Linear(8, 4)); }
  torch::Tensor forward(torch::Tensor x) { return fc->forward(x); }
  torch::nn::Linear fc{nullptr};
};
TORCH_MODULE(QNet);

void update(QNet &net, torch::optim::Optimizer &opt, torch::Tensor loss) {
  opt.zero_grad();
  loss.backward();
  opt.step();
}

int main() {
  QNet q_net;
  ReplayBuffer buffer(10000);
  agent::HuberLoss criterion;
  agent::Lookahead lookahead(q_net->parameters(), 1e-3);
  for (int episode = 0; episode < 500; ++episode) {
    auto batch = buffer.sample(64);
    auto q = q_net->forward(batch.states);
    auto loss = criterion(q, batch.targets);
    loss.backward();
    lookahead.step();
    update(q_net, lookahead, loss);
  }
}

// CHECK-LABEL: "optimizers": [],
// CHECK-LABEL: "trainings": [
// CHECK:       "op": "zero_grad",
// CHECK-NEXT:  "optimizer_index": -1,
// CHECK:       "op": "backward",
// CHECK:       "op": "step",
// CHECK-NEXT:  "optimizer_index": -1,
// CHECK:       "name": "update"
// CHECK-NOT:   "name": "main"
