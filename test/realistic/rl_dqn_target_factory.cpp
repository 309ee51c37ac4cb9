// RUN: %gradlint --no-probe --header-mode=bundled %s -- -std=c++17 -I%S > %t.out 2>&1; echo "exit: $?" >> %t.out
// RUN: FileCheck %s --input-file=%t.out --implicit-check-not='{{warning|error}}:'
// CHECK: {{.*}}rl_dqn_target_factory.cpp:11:10: note: partial analysis: 'gym/gym.h' not found (and 1 more header){{.*}}
// Style: DQN on CartPole in the shape of public LibTorch DQN ports: the
// online and the target network come from the same `make_q_net()`, the
// target is synchronised by load_state_dict-style copying under NoGradGuard,
// and the replay buffer lives in a project header (absent here).
#include <torch/torch.h>
#include <iostream>
#include <random>
#include <gym/gym.h>
#include "replay_buffer.h"

struct QNetImpl : torch::nn::Module {
    QNetImpl(int64_t obs, int64_t actions)
        : fc1(register_module("fc1", torch::nn::Linear(obs, 128))),
          fc2(register_module("fc2", torch::nn::Linear(128, 128))),
          out(register_module("out", torch::nn::Linear(128, actions))) {}
    torch::Tensor forward(torch::Tensor x) {
        x = torch::relu(fc1->forward(x));
        x = torch::relu(fc2->forward(x));
        return out->forward(x);
    }
    torch::nn::Linear fc1, fc2, out;
};
TORCH_MODULE(QNet);

QNet make_q_net() { return QNet(4, 2); }

void sync(QNet& target, QNet& online) {
    torch::NoGradGuard no_grad;
    auto tp = target->parameters();
    auto op = online->parameters();
    for (size_t i = 0; i < tp.size(); ++i) tp[i].copy_(op[i]);
}

int main() {
    auto env = gym::make("CartPole-v1");
    ReplayBuffer buffer(50000);
    auto online = make_q_net();
    auto target = make_q_net();
    sync(target, online);
    // CHECK: :[[@LINE+3]]:5: warning: optimizer 'optimizer' holds the parameters of 'main::target' but the loop it steps forwards 'main::online'; the weights of 'main::online' never change [gradlint-orphan-optimizer]
    // CHECK: :[[@LINE+17]]:18: note: 'main::online' is forwarded here
    // CHECK: :[[@LINE+30]]:13: note: 'optimizer' steps here
    torch::optim::Adam optimizer(target->parameters(), torch::optim::AdamOptions(1e-3));
    const double gamma = 0.99;
    const int64_t batch_size = 64;
    std::mt19937 rng(0);

    for (int step = 0; step < 100000; ++step) {
        // (acting and storing transitions: the environment's types are unknown here)
        auto obs = env.observation();
        buffer.push(obs, env.sample_action(), env.last_reward(), env.done());

        if (buffer.size() < 1000) continue;
        std::vector<torch::Tensor> s, a, r, s2, d;
        buffer.sample(batch_size, s, a, r, s2, d);
        auto states = torch::stack(s), actions = torch::stack(a);
        auto rewards = torch::stack(r), next_states = torch::stack(s2), dones = torch::stack(d);
        auto q = online->forward(states).gather(1, actions);
        torch::Tensor next_q;
        {
            // SILENT: the target network is evaluated without a graph.
            torch::NoGradGuard no_grad;
            next_q = std::get<0>(target->forward(next_states).max(1, /*keepdim=*/true));
        }
        auto expected = rewards + gamma * next_q * (1 - dones);
        // SILENT: Huber loss on Q-values against fixed targets.
        auto loss = torch::smooth_l1_loss(q, expected);
        optimizer.zero_grad();
        loss.backward();
        torch::nn::utils::clip_grad_norm_(online->parameters(), 10.0);
        if (step % 1 == 0) {
            optimizer.step();
        }
        // SILENT: the periodic copy into the target network is no training.
        if (step % 1000 == 0) sync(target, online);
    }
}
// CHECK: exit: 1
