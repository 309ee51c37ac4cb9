// RUN: %check_gradlint %s --checks='-*,gradlint-gradient-disabled' | FileCheck %s --implicit-check-not='{{warning|error}}:'
// A DQN step: the online network's Q(s, a) is picked with gather(), the
// target network is evaluated under a NoGradGuard, and the loss is on the
// online network's output. The no-grad forward of the other model did not
// feed the loss: quiet. Evaluating the online network itself without a
// graph is still reported.
#include <torch/torch.h>

struct QNetImpl : torch::nn::Module {
  QNetImpl() : fc(register_module("fc", torch::nn::Linear(4, 2))) {}
  torch::Tensor forward(torch::Tensor x) { return fc(x); }
  torch::nn::Linear fc;
};
TORCH_MODULE(QNet);

QNet make_q_net() { return QNet(); }

void TargetWithoutGraphSilent(torch::Tensor a, torch::Tensor r) {
  auto online = make_q_net();
  auto target = make_q_net();
  torch::optim::Adam opt(online->parameters(), 1e-3);
  auto s = torch::rand({32, 4});
  for (int i = 0; i < 100; ++i) {
    auto q = online->forward(s).gather(1, a);
    torch::Tensor next;
    {
      torch::NoGradGuard no_grad;
      next = std::get<0>(target->forward(s).max(1, true));
    }
    auto loss = torch::smooth_l1_loss(q, r + 0.99 * next);
    opt.zero_grad();
    loss.backward();
    opt.step();
  }
}

void OnlineWithoutGraphFlagged(torch::Tensor a, torch::Tensor r) {
  auto online = make_q_net();
  auto target = make_q_net();
  torch::optim::Adam opt(online->parameters(), 1e-3);
  auto s = torch::rand({32, 4});
  for (int i = 0; i < 100; ++i) {
    // CHECK: :[[@LINE+1]]:24: warning: NoGradGuard turns gradients off for a training step{{.*}}[gradlint-gradient-disabled]
    torch::NoGradGuard no_grad;
    // CHECK: :[[@LINE+1]]:14: note: 'online' is run here without gradients
    auto q = online->forward(s).gather(1, a);
    auto next = std::get<0>(target->forward(s).max(1, true));
    auto loss = torch::smooth_l1_loss(q, r + 0.99 * next);
    opt.zero_grad();
    // CHECK: :[[@LINE+1]]:5: note: backward() is called here
    loss.backward();
    opt.step();
  }
}
