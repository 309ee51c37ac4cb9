// RUN: %gradlint --no-probe --header-mode=bundled %s -- -std=c++17 -I%S > %t.out 2>&1; echo "exit: $?" >> %t.out
// RUN: FileCheck %s --input-file=%t.out --implicit-check-not='{{warning|error}}:'
// CHECK: {{.*}}rl_a2c_update.cpp:9:10: note: partial analysis: 'cpprl/algorithms/a2c.h' not found (and 2 more headers){{.*}}
// Style: RL library (cpprl src/algorithms/a2c.cpp): an update over a rollout
// storage; Policy and RolloutStorage come from project headers that are
// absent here.
#include <torch/torch.h>

#include "cpprl/algorithms/a2c.h"
#include "cpprl/model/policy.h"
#include "cpprl/storage.h"

namespace cpprl
{
struct ActorCriticImpl : torch::nn::Module
{
    ActorCriticImpl(int64_t num_inputs, int64_t num_actions, int64_t hidden)
        : body(torch::nn::Linear(num_inputs, hidden), torch::nn::ReLU(),
               torch::nn::Linear(hidden, hidden), torch::nn::ReLU()),
          actor(hidden, num_actions), critic(hidden, 1)
    {
        register_module("body", body);
        register_module("actor", actor);
        register_module("critic", critic);
    }

    std::pair<torch::Tensor, torch::Tensor> forward(torch::Tensor x)
    {
        auto h = body->forward(x);
        return {actor->forward(h), critic->forward(h)};
    }

    torch::nn::Sequential body;
    torch::nn::Linear actor, critic;
};
TORCH_MODULE(ActorCritic);

struct UpdateDatum
{
    std::string name;
    float value;
};

std::vector<UpdateDatum> a2c_train(ActorCritic &net, RolloutStorage &rollouts,
                                   int num_updates, float value_loss_coef,
                                   float entropy_coef)
{
    torch::optim::RMSprop optimizer(net->parameters(),
                                    torch::optim::RMSpropOptions(7e-4).eps(1e-5).alpha(0.99));
    float total_loss = 0;
    for (int update = 0; update < num_updates; ++update)
    {
        auto obs = rollouts.get_observations();
        auto [logits, values] = net->forward(obs);
        // SILENT: log_softmax for the log-probabilities.
        auto log_probs = torch::log_softmax(logits, -1);
        auto probs = torch::softmax(logits, -1);
        auto action_log_probs = log_probs.gather(-1, rollouts.get_actions());
        auto advantages = rollouts.get_returns() - values;
        auto value_loss = advantages.pow(2).mean();
        auto action_loss = -(advantages.detach() * action_log_probs).mean();
        auto entropy = -(log_probs * probs).sum(-1).mean();
        auto loss = value_loss * value_loss_coef + action_loss - entropy * entropy_coef;

        // planted, not found now: gradlint-missing-zero-grad: gradients accumulate across updates
        loss.backward();
        torch::nn::utils::clip_grad_norm_(net->parameters(), 0.5);
        optimizer.step();
        total_loss += loss.item().toFloat();
        rollouts.after_update();
    }
    return {{"Loss", total_loss / num_updates}};
}
}
// CHECK: exit: 0
