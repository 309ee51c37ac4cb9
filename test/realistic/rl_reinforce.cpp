// RUN: %gradlint --no-probe --header-mode=bundled %s -- -std=c++17 -I%S > %t.out 2>&1; echo "exit: $?" >> %t.out
// RUN: FileCheck %s --input-file=%t.out --implicit-check-not='{{warning|error}}:'
// CHECK: {{.*}}rl_reinforce.cpp:9:10: note: partial analysis: 'env/cartpole.h' not found{{.*}}
// Style: a REINFORCE agent for CartPole written against a small environment
// wrapper header that is not in this tree.
#include <torch/torch.h>
#include <iostream>
#include <vector>
#include "env/cartpole.h"

struct PolicyImpl : torch::nn::Module {
    PolicyImpl() {
        affine1 = register_module("affine1", torch::nn::Linear(4, 128));
        dropout = register_module("dropout", torch::nn::Dropout(0.6));
        affine2 = register_module("affine2", torch::nn::Linear(128, 2));
    }

    torch::Tensor forward(torch::Tensor x) {
        x = affine1->forward(x);
        x = dropout->forward(x);
        x = torch::relu(x);
        return torch::softmax(affine2->forward(x), 1);
    }

    torch::nn::Linear affine1{nullptr}, affine2{nullptr};
    torch::nn::Dropout dropout{nullptr};
};
TORCH_MODULE(Policy);

// Normalises the returns; the author switched grad mode off "for speed" and
// never switched it back on.
torch::Tensor normalize_returns(const std::vector<float>& rewards, float gamma) {
    // planted, not found now: gradlint-gradient-disabled: grad mode off in a helper, never restored
    torch::autograd::GradMode::set_enabled(false);
    std::vector<float> returns(rewards.size());
    float R = 0;
    for (int i = static_cast<int>(rewards.size()) - 1; i >= 0; --i) {
        R = rewards[i] + gamma * R;
        returns[i] = R;
    }
    auto t = torch::tensor(returns);
    return (t - t.mean()) / (t.std() + 1e-6);
}

int main() {
    Policy policy;
    torch::optim::Adam optimizer(policy->parameters(), torch::optim::AdamOptions(1e-2));
    CartPole env;

    for (int episode = 1; episode < 1000; ++episode) {
        auto state = env.reset();
        std::vector<torch::Tensor> saved_log_probs;
        std::vector<float> rewards;
        for (int t = 1; t < 10000; ++t) {
            auto probs = policy->forward(state.unsqueeze(0));
            auto action = probs.multinomial(1);
            saved_log_probs.push_back(torch::log(probs.gather(1, action)));
            auto result = env.step(action.item<int64_t>());
            rewards.push_back(result.reward);
            state = result.state;
            if (result.done) break;
        }
        auto returns = normalize_returns(rewards, 0.99f);
        std::vector<torch::Tensor> policy_loss;
        for (size_t i = 0; i < saved_log_probs.size(); ++i) {
            policy_loss.push_back(-saved_log_probs[i] * returns[i]);
        }
        optimizer.zero_grad();
        auto loss = torch::cat(policy_loss).sum();
        loss.backward();
        optimizer.step();
    }
}
// CHECK: exit: 0
