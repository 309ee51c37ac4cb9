// RUN: %check_gradlint %s --checks='-*,gradlint-orphan-optimizer,gradlint-missing-nonlinearity' | FileCheck %s --implicit-check-not='{{warning|error}}:'
// Two models built by the same factory stay two models: each variable the
// factory initialises is its own model, with its own optimizer binding and
// its own findings. A defect in the factory's body is reported once, at the
// factory.

#include <torch/torch.h>

torch::nn::Sequential make_mlp(int64_t in, int64_t out) {
  return torch::nn::Sequential(torch::nn::Linear(in, 64), torch::nn::ReLU(),
                               torch::nn::Linear(64, out));
}

// The defect is in the body: reported once, though three variables are
// built from it.
torch::nn::Sequential make_head() {
  // CHECK: :[[@LINE+2]]:58: warning: Linear(32, 32) is applied right after Linear(4, 32) with nothing non-linear between; together they are one affine map and the extra layer adds no capacity [gradlint-missing-nonlinearity]
  // CHECK: :[[@LINE+1]]:32: note: Linear(4, 32) is here
  return torch::nn::Sequential(torch::nn::Linear(4, 32), torch::nn::Linear(32, 32),
                               torch::nn::ReLU(), torch::nn::Linear(32, 1));
}

struct NetImpl : torch::nn::Module {
  NetImpl() : fc1(register_module("fc1", torch::nn::Linear(4, 64))),
              fc2(register_module("fc2", torch::nn::Linear(64, 2))) {}
  torch::Tensor forward(torch::Tensor x) { return fc2(torch::relu(fc1(x))); }
  torch::nn::Linear fc1, fc2;
};
TORCH_MODULE(Net);

std::shared_ptr<NetImpl> build_net() { return std::make_shared<NetImpl>(); }

void CriticOptimizerOverActorFlagged(torch::Tensor states, torch::Tensor returns) {
  auto actor = make_mlp(4, 2);
  auto critic = make_mlp(4, 1);
  torch::optim::Adam actor_opt(actor->parameters(), 1e-3);
  // CHECK: :[[@LINE+3]]:3: warning: optimizer 'critic_opt' holds the parameters of 'CriticOptimizerOverActorFlagged::actor' but the loop it steps forwards 'CriticOptimizerOverActorFlagged::critic'; the weights of 'CriticOptimizerOverActorFlagged::critic' never change [gradlint-orphan-optimizer]
  // CHECK: :[[@LINE+6]]:33: note: 'CriticOptimizerOverActorFlagged::critic' is forwarded here
  // CHECK: :[[@LINE+7]]:5: note: 'critic_opt' steps here
  torch::optim::Adam critic_opt(actor->parameters(), 1e-3);
  auto x = torch::rand({64, 4});
  for (int i = 0; i < 100; ++i) {
    critic_opt.zero_grad();
    auto loss = torch::mse_loss(critic->forward(x), returns);
    loss.backward();
    critic_opt.step();
  }
}

void EachOptimizerItsOwnModelSilent(torch::Tensor returns, torch::Tensor labels) {
  auto actor = make_mlp(4, 2);
  auto critic = make_mlp(4, 1);
  torch::optim::Adam actor_opt(actor->parameters(), 1e-3);
  torch::optim::Adam critic_opt(critic->parameters(), 1e-3);
  auto x = torch::rand({64, 4});
  for (int i = 0; i < 100; ++i) {
    critic_opt.zero_grad();
    torch::mse_loss(critic->forward(x), returns).backward();
    critic_opt.step();
    actor_opt.zero_grad();
    torch::mse_loss(actor->forward(x), labels).backward();
    actor_opt.step();
  }
}

void HeadsFromTheDefectiveFactorySilent(torch::Tensor y) {
  auto a = make_head();
  auto b = make_head();
  auto c = make_head();
  torch::optim::SGD opt(b->parameters(), 0.01);
  auto x = torch::rand({64, 4});
  for (int i = 0; i < 10; ++i) {
    opt.zero_grad();
    torch::mse_loss(b->forward(x), y).backward();
    opt.step();
  }
}

// A DQN whose optimizer was built over the target network: the target is
// forwarded without a graph, the online network is the one trained.
void TargetNetworkOptimizerFlagged(torch::Tensor s, torch::Tensor q) {
  auto policy = build_net();
  auto target = build_net();
  // CHECK: :[[@LINE+3]]:3: warning: optimizer 'opt' holds the parameters of 'TargetNetworkOptimizerFlagged::target' but the loop it steps forwards 'TargetNetworkOptimizerFlagged::policy'; the weights of 'TargetNetworkOptimizerFlagged::policy' never change [gradlint-orphan-optimizer]
  // CHECK: :[[@LINE+5]]:17: note: 'TargetNetworkOptimizerFlagged::policy' is forwarded here
  // CHECK: :[[@LINE+12]]:5: note: 'opt' steps here
  torch::optim::Adam opt(target->parameters(), 1e-4);
  auto x = torch::rand({32, 4});
  for (int i = 0; i < 100; ++i) {
    auto pred = policy->forward(x);
    torch::Tensor next;
    {
      torch::NoGradGuard no_grad;
      next = target->forward(x);
    }
    opt.zero_grad();
    torch::mse_loss(pred, q + next).backward();
    opt.step();
  }
}

void TargetNetworkCopiedSilent(torch::Tensor q) {
  Net policy;
  Net target;
  torch::optim::Adam opt(policy->parameters(), 1e-4);
  auto x = torch::rand({32, 4});
  for (int i = 0; i < 100; ++i) {
    auto pred = policy->forward(x);
    torch::Tensor next;
    {
      torch::NoGradGuard no_grad;
      next = target->forward(x);
    }
    opt.zero_grad();
    torch::mse_loss(pred, q + next).backward();
    opt.step();
  }
}

// A copy of the holder is the same model; a model of unknown origin is
// unknown, and nothing is guessed.
void CopiedHolderSilent(std::shared_ptr<NetImpl> elsewhere, torch::Tensor y) {
  auto policy = build_net();
  auto target = build_net();
  auto online = policy;
  torch::optim::Adam opt(policy->parameters(), 1e-4);
  auto x = torch::rand({32, 4});
  for (int i = 0; i < 100; ++i) {
    opt.zero_grad();
    torch::mse_loss(online->forward(x), y).backward();
    opt.step();
  }
  torch::optim::Adam other(target->parameters(), 1e-4);
  for (int i = 0; i < 100; ++i) {
    other.zero_grad();
    torch::mse_loss(elsewhere->forward(x), y).backward();
    other.step();
  }
}
