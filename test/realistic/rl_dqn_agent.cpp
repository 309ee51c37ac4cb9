// RUN: %gradlint --no-probe --header-mode=bundled %s -- -std=c++17 -I%S > %t.out 2>&1; echo "exit: $?" >> %t.out
// RUN: FileCheck %s --input-file=%t.out --implicit-check-not='{{warning|error}}:'
// CHECK: {{.*}}rl_dqn_agent.cpp:8:10: note: partial analysis: 'gym/gym.h' not found (and 1 more header){{.*}}
// Style: a DQN agent class holding the online and target networks and the
// optimizer as members; the environment and replay memory come from headers
// that are not in this tree.
#include <torch/torch.h>
#include <gym/gym.h>
#include <random>
#include "replay_memory.h"

struct DQNImpl : torch::nn::Module {
    DQNImpl(int64_t n_observations, int64_t n_actions) {
        fc1 = register_module("fc1", torch::nn::Linear(n_observations, 128));
        fc2 = register_module("fc2", torch::nn::Linear(128, 128));
        fc3 = register_module("fc3", torch::nn::Linear(128, n_actions));
    }

    torch::Tensor forward(torch::Tensor x) {
        x = torch::relu(fc1->forward(x));
        x = torch::relu(fc2->forward(x));
        return fc3->forward(x);
    }

    torch::nn::Linear fc1{nullptr}, fc2{nullptr}, fc3{nullptr};
};
TORCH_MODULE(DQN);

class DQNAgent {
 public:
    DQNAgent(int64_t n_observations, int64_t n_actions)
        : policy_net_(n_observations, n_actions),
          target_net_(n_observations, n_actions),
          // planted, not found now: gradlint-orphan-optimizer: built over the target network
          optimizer_(target_net_->parameters(), torch::optim::AdamOptions(1e-4)),
          memory_(10000),
          n_actions_(n_actions) {
        torch::NoGradGuard no_grad;
        for (size_t i = 0; i < policy_net_->parameters().size(); ++i) {
            target_net_->parameters()[i].copy_(policy_net_->parameters()[i]);
        }
    }

    int64_t select_action(torch::Tensor state, double eps) {
        if (std::uniform_real_distribution<double>(0, 1)(rng_) < eps) {
            return std::uniform_int_distribution<int64_t>(0, n_actions_ - 1)(rng_);
        }
        // SILENT: acting needs no graph.
        torch::NoGradGuard no_grad;
        return policy_net_->forward(state).argmax(1).item<int64_t>();
    }

    void optimize_model(int64_t batch_size, double gamma) {
        if (memory_.size() < batch_size) return;
        for (int iter = 0; iter < 4; ++iter) {
            auto batch = memory_.sample(batch_size);
            auto state_action_values = policy_net_->forward(batch.states).gather(1, batch.actions);
            torch::Tensor next_state_values;
            {
                // SILENT: the target is computed without a graph.
                torch::NoGradGuard no_grad;
                next_state_values = std::get<0>(target_net_->forward(batch.next_states).max(1));
            }
            auto expected = batch.rewards + gamma * next_state_values * (1 - batch.dones);
            auto loss = torch::smooth_l1_loss(state_action_values, expected.unsqueeze(1));
            optimizer_.zero_grad();
            loss.backward();
            torch::nn::utils::clip_grad_value_(policy_net_->parameters(), 100);
            optimizer_.step();
        }
    }

    void remember(const Transition& t) { memory_.push(t); }

 private:
    DQN policy_net_;
    DQN target_net_;
    torch::optim::Adam optimizer_;
    ReplayMemory memory_;
    int64_t n_actions_;
    std::mt19937 rng_{42};
};

int main() {
    auto env = gym::make("CartPole-v1");
    DQNAgent agent(4, 2);
    for (int episode = 0; episode < 600; ++episode) {
        auto state = env.reset();
        bool done = false;
        while (!done) {
            auto action = agent.select_action(state, 0.1);
            auto step = env.step(action);
            agent.remember({state, action, step.reward, step.observation, step.done});
            agent.optimize_model(128, 0.99);
            state = step.observation;
            done = step.done;
        }
    }
}
// CHECK: exit: 0
