// RUN: %gradlint --no-probe --header-mode=bundled %s -- -std=c++17 -I%S > %t.out 2>&1; echo "exit: $?" >> %t.out
// RUN: FileCheck %s --input-file=%t.out --implicit-check-not='{{warning|error}}:'
// CHECK: {{.*}}rl_ddpg.cpp:8:10: note: partial analysis: 'ou_noise.h' not found (and 1 more header){{.*}}
// Style: a DDPG agent for continuous control (actor, critic, target copies,
// Ornstein-Uhlenbeck noise from a header that is absent here).
#include <torch/torch.h>
#include <vector>
#include "ou_noise.h"
#include "replay_buffer.h"

struct ActorImpl : torch::nn::Module {
    ActorImpl(int64_t state_dim, int64_t action_dim, double max_action) : max_action_(max_action) {
        l1 = register_module("l1", torch::nn::Linear(state_dim, 400));
        l2 = register_module("l2", torch::nn::Linear(400, 300));
        l3 = register_module("l3", torch::nn::Linear(300, action_dim));
    }
    torch::Tensor forward(torch::Tensor state) {
        auto a = torch::relu(l1->forward(state));
        a = torch::relu(l2->forward(a));
        return max_action_ * torch::tanh(l3->forward(a));
    }
    torch::nn::Linear l1{nullptr}, l2{nullptr}, l3{nullptr};
    double max_action_;
};
TORCH_MODULE(Actor);

struct CriticImpl : torch::nn::Module {
    CriticImpl(int64_t state_dim, int64_t action_dim) {
        l1 = register_module("l1", torch::nn::Linear(state_dim + action_dim, 400));
        l2 = register_module("l2", torch::nn::Linear(400, 300));
        l3 = register_module("l3", torch::nn::Linear(300, 1));
    }
    torch::Tensor forward(torch::Tensor state, torch::Tensor action) {
        auto q = torch::relu(l1->forward(torch::cat({state, action}, 1)));
        q = torch::relu(l2->forward(q));
        return l3->forward(q);
    }
    torch::nn::Linear l1{nullptr}, l2{nullptr}, l3{nullptr};
};
TORCH_MODULE(Critic);

// SILENT: Polyak averaging written by hand under NoGradGuard.
void soft_update(torch::nn::Module& target, torch::nn::Module& source, double tau) {
    torch::NoGradGuard no_grad;
    auto tp = target.parameters();
    auto sp = source.parameters();
    for (size_t i = 0; i < tp.size(); ++i) {
        tp[i].mul_(1.0 - tau).add_(sp[i], tau);
    }
}

int main() {
    Actor actor(17, 6, 1.0), actor_target(17, 6, 1.0);
    Critic critic(17, 6), critic_target(17, 6);
    // CHECK: :[[@LINE+1]]:87: warning: Adam learning rate 0.5 is above 0.1{{.*}}[gradlint-huge-learning-rate]
    torch::optim::Adam actor_optimizer(actor->parameters(), torch::optim::AdamOptions(0.5));
    torch::optim::Adam critic_optimizer(critic->parameters(), torch::optim::AdamOptions(1e-3).weight_decay(1e-2));
    ReplayBuffer buffer(1000000);
    OUNoise noise(6);

    for (int it = 0; it < 100000; ++it) {
        auto batch = buffer.sample(100);
        torch::Tensor target_q;
        {
            torch::NoGradGuard no_grad;
            target_q = critic_target->forward(batch.next_state, actor_target->forward(batch.next_state));
            target_q = batch.reward + 0.99 * (1 - batch.done) * target_q;
        }
        auto current_q = critic->forward(batch.state, batch.action);
        auto critic_loss = torch::mse_loss(current_q, target_q);
        critic_optimizer.zero_grad();
        critic_loss.backward();
        critic_optimizer.step();

        auto actor_loss = -critic->forward(batch.state, actor->forward(batch.state)).mean();
        actor_optimizer.zero_grad();
        actor_loss.backward();
        actor_optimizer.step();

        soft_update(*critic_target, *critic, 0.005);
        soft_update(*actor_target, *actor, 0.005);
    }
}
// CHECK: exit: 1
