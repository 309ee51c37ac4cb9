// RUN: %check_gradlint %s --checks='-*,gradlint-gradient-disabled' | FileCheck %s --implicit-check-not='{{warning|error}}:'

// Grad mode switched off in a helper the training code calls: the switch is
// a state, not a scope, so it outlives the helper. A helper that switches it
// back before returning leaves nothing behind.
#include <torch/torch.h>

struct PolicyImpl : torch::nn::Module {
  PolicyImpl() { fc = register_module("fc", torch::nn::Linear(4, 2)); }
  torch::Tensor forward(torch::Tensor x) { return fc->forward(x); }
  torch::nn::Linear fc{nullptr};
};
TORCH_MODULE(Policy);

// REINFORCE's returns normalised "without tracking", never restored.
torch::Tensor normalise_returns(torch::Tensor r) {
  // CHECK: :[[@LINE+2]]:3: warning: GradMode::set_enabled(false) in 'normalise_returns' turns gradients off for a training step{{.*}}[gradlint-gradient-disabled]
  // CHECK: :[[@LINE+1]]:3: note: proof: under GradMode::set_enabled(false) in 'normalise_returns' no autograd graph is recorded, so backward() has no path to a parameter and no gradient reaches the weights (LibTorch throws at backward())
  torch::GradMode::set_enabled(false);
  return (r - r.mean()) / (r.std() + 1e-8);
}

void HelperLeavesItOffFlagged(Policy &policy, torch::optim::Adam &opt,
                              const torch::Tensor &x, const torch::Tensor &r) {
  for (int episode = 0; episode < 100; ++episode) {
    auto returns = normalise_returns(r);
    opt.zero_grad();
    auto loss = -(policy->forward(x).log_softmax(1).select(1, 0) * returns).mean();
    loss.backward();
    opt.step();
  }
}

// The whole step wrapped in a helper that opens with a NoGradGuard.
torch::Tensor guarded_step(Policy &policy, torch::optim::Adam &opt,
                           const torch::Tensor &x, const torch::Tensor &y) {
  // CHECK: :[[@LINE+2]]:22: warning: NoGradGuard turns gradients off for a training step{{.*}}[gradlint-gradient-disabled]
  // CHECK: :[[@LINE+1]]:22: note: proof: under NoGradGuard no autograd graph is recorded, so backward() has no path to a parameter and no gradient reaches the weights (LibTorch throws at backward())
  torch::NoGradGuard no_grad;
  opt.zero_grad();
  auto loss = torch::mse_loss(policy->forward(x), y);
  loss.backward();
  opt.step();
  return loss;
}

void GuardInStepHelperFlagged(Policy &policy, torch::optim::Adam &opt,
                              const torch::Tensor &x, const torch::Tensor &y) {
  for (int i = 0; i < 100; ++i)
    guarded_step(policy, opt, x, y);
}

// Switched off and back on by helpers around an evaluation pass.
void freeze() { torch::GradMode::set_enabled(false); }
void unfreeze() { torch::GradMode::set_enabled(true); }

// A helper that restores the mode before it returns.
torch::Tensor baseline(Policy &policy, const torch::Tensor &x) {
  torch::GradMode::set_enabled(false);
  auto b = policy->forward(x).mean();
  torch::GradMode::set_enabled(true);
  return b;
}

void HelpersRestoreSilent(Policy &policy, torch::optim::Adam &opt,
                          const torch::Tensor &x, const torch::Tensor &y) {
  freeze();
  auto reference = policy->forward(x);
  unfreeze();
  for (int i = 0; i < 100; ++i) {
    auto b = baseline(policy, x);
    opt.zero_grad();
    auto loss = torch::mse_loss(policy->forward(x) - b, y);
    loss.backward();
    opt.step();
  }
}
