// RUN: %gradlint --no-probe --header-mode=bundled %s -- -std=c++17 -I%S > %t.out 2>&1; echo "exit: $?" >> %t.out
// RUN: FileCheck %s --input-file=%t.out --implicit-check-not='{{warning|error}}:'
// CHECK: {{.*}}rl_ppo_update.cpp:9:10: note: partial analysis: 'cpprl/generators/feed_forward_generator.h' not found (and 1 more header){{.*}}
// Style: a PPO trainer in the shape of the public C++ RL ports: the update
// runs several epochs over minibatches; the generator and the storage live
// in headers that are not in this tree.
#include <torch/torch.h>
#include <vector>
#include "cpprl/generators/feed_forward_generator.h"
#include "cpprl/storage.h"

struct PolicyNetImpl : torch::nn::Module {
    PolicyNetImpl(int64_t obs, int64_t act) {
        pi = register_module("pi", torch::nn::Sequential(
            torch::nn::Linear(obs, 64), torch::nn::Tanh(),
            torch::nn::Linear(64, 64), torch::nn::Tanh(),
            torch::nn::Linear(64, act)));
        v = register_module("v", torch::nn::Sequential(
            torch::nn::Linear(obs, 64), torch::nn::Tanh(),
            torch::nn::Linear(64, 64), torch::nn::Tanh(),
            torch::nn::Linear(64, 1)));
    }
    torch::nn::Sequential pi{nullptr}, v{nullptr};
};
TORCH_MODULE(PolicyNet);

class PPO {
 public:
    PPO(PolicyNet policy, float clip_param, int num_epoch, int num_mini_batch, float learning_rate)
        : policy_(policy), clip_param_(clip_param), num_epoch_(num_epoch),
          num_mini_batch_(num_mini_batch), learning_rate_(learning_rate) {}

    float update(cpprl::RolloutStorage& rollouts) {
        float total = 0;
        for (int epoch = 0; epoch < num_epoch_; ++epoch) {
            // planted, not found now: gradlint-optimizer-in-loop: a fresh Adam for every PPO epoch
            torch::optim::Adam optimizer(policy_->parameters(), torch::optim::AdamOptions(learning_rate_).eps(1e-5));
            auto generator = rollouts.feed_forward_generator(num_mini_batch_);
            while (!generator->done()) {
                auto mini_batch = generator->next();
                auto logits = policy_->pi->forward(mini_batch.observations);
                auto values = policy_->v->forward(mini_batch.observations);
                auto log_probs = torch::log_softmax(logits, -1).gather(-1, mini_batch.actions);
                auto ratio = torch::exp(log_probs - mini_batch.action_log_probs);
                auto surr1 = ratio * mini_batch.advantages;
                auto surr2 = torch::clamp(ratio, 1.0 - clip_param_, 1.0 + clip_param_) * mini_batch.advantages;
                auto action_loss = -torch::min(surr1, surr2).mean();
                auto value_loss = 0.5 * (mini_batch.returns - values).pow(2).mean();
                auto loss = value_loss + action_loss;

                optimizer.zero_grad();
                loss.backward();
                // SILENT: clipped, so the rate is not judged huge.
                torch::nn::utils::clip_grad_norm_(policy_->parameters(), 0.5);
                optimizer.step();
                total += loss.item<float>();
            }
        }
        return total;
    }

 private:
    PolicyNet policy_;
    float clip_param_;
    int num_epoch_;
    int num_mini_batch_;
    float learning_rate_;
};
// CHECK: exit: 0
