// RUN: %gradlint --no-probe --header-mode=bundled %s -- -std=c++17 -I%S > %t.out 2>&1; echo "exit: $?" >> %t.out
// RUN: FileCheck %s --input-file=%t.out --implicit-check-not='{{warning|error}}:'
// CHECK: {{.*}}rl_actor_critic_factory.cpp:10:10: note: partial analysis: 'envs/lunar_lander.h' not found{{.*}}
// Style: a one-step actor-critic on a small environment wrapper (absent
// here): actor and critic are two MLPs from the same factory, each with its
// own Adam; the policy's probabilities come from a helper.
#include <torch/torch.h>
#include <iostream>
#include <vector>
#include "envs/lunar_lander.h"

torch::nn::Sequential make_mlp(int64_t in, int64_t hidden, int64_t out) {
    return torch::nn::Sequential(
        torch::nn::Linear(in, hidden), torch::nn::ReLU(),
        torch::nn::Linear(hidden, hidden), torch::nn::ReLU(),
        torch::nn::Linear(hidden, out));
}

// Action probabilities for sampling.
torch::Tensor policy_probs(torch::nn::Sequential& actor, const torch::Tensor& obs) {
    // CHECK: :[[@LINE+2]]:12: warning: softmax probabilities into nll_loss, which expects log-probabilities{{.*}}[gradlint-loss-mismatch]
    // CHECK: rl_actor_critic_factory.cpp:{{[0-9]+}}:28: note: nll_loss is computed here
    return torch::softmax(actor->forward(obs), /*dim=*/-1);
}

int main() {
    LunarLander env;
    const int64_t obs_dim = 8, n_actions = 4;
    auto actor = make_mlp(obs_dim, 128, n_actions);
    auto critic = make_mlp(obs_dim, 128, 1);
    // SILENT: the actor's optimizer holds the actor's parameters.
    torch::optim::Adam actor_opt(actor->parameters(), torch::optim::AdamOptions(3e-4));
    // CHECK: :[[@LINE+1]]:5: warning: optimizer 'critic_opt' holds the parameters of 'main::actor' but the loop it steps forwards 'main::critic'; the weights of 'main::critic' never change [gradlint-orphan-optimizer]
    torch::optim::Adam critic_opt(actor->parameters(), torch::optim::AdamOptions(1e-3));
    const double gamma = 0.99;

    for (int episode = 0; episode < 2000; ++episode) {
        std::vector<torch::Tensor> obs_buf, next_buf, act_buf;
        std::vector<float> rewards, dones;
        auto obs = env.reset();
        bool done = false;
        while (!done) {
            // SILENT: acting needs no graph.
            torch::NoGradGuard no_grad;
            auto action = policy_probs(actor, obs.unsqueeze(0)).multinomial(1);
            auto step = env.step(action.item<int64_t>());
            obs_buf.push_back(obs);
            act_buf.push_back(action.squeeze(0));
            next_buf.push_back(step.obs);
            rewards.push_back(step.reward);
            dones.push_back(step.done ? 1.f : 0.f);
            obs = step.obs;
            done = step.done;
        }
        auto states = torch::stack(obs_buf);
        auto next_states = torch::stack(next_buf);
        auto actions = torch::stack(act_buf).squeeze(1);
        auto r = torch::tensor(rewards).unsqueeze(1);
        auto d = torch::tensor(dones).unsqueeze(1);

        // One-step TD targets.
        torch::Tensor target;
        {
            // SILENT: the bootstrap target needs no graph.
            torch::NoGradGuard no_grad;
            target = r + gamma * critic->forward(next_states) * (1 - d);
        }
        // Critic update: a few passes over the episode (value fitting).
        torch::Tensor value;
        for (int k = 0; k < 5; ++k) {
            // CHECK: :[[@LINE+1]]:21: note: 'main::critic' is forwarded here
            value = critic->forward(states);
            auto critic_loss = torch::mse_loss(value, target);
            critic_opt.zero_grad();
            critic_loss.backward();
            // CHECK: :[[@LINE+1]]:13: note: 'critic_opt' steps here
            critic_opt.step();
        }

        // Actor update: the advantage weights the log-likelihood.
        // Values from the updated critic as the baseline.
        auto advantage = (target - critic->forward(states)).detach().squeeze(1);
        auto actor_loss = (torch::nll_loss(policy_probs(actor, states), actions,
                                           {}, at::Reduction::None) * advantage).mean();
        actor_opt.zero_grad();
        actor_loss.backward();
        actor_opt.step();
        if (episode % 100 == 0) std::cout << episode << ' ' << r.sum().item<float>() << '\n';
    }
}
// CHECK: exit: 1
