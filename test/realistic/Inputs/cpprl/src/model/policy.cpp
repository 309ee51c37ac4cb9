#include <torch/torch.h>

#include "cpprl/model/policy.h"
#include "cpprl/model/mlp_base.h"

namespace cpprl
{
PolicyImpl::PolicyImpl(ActionSpace action_space, std::shared_ptr<NNBase> base, unsigned int num_actions)
    : action_space(action_space), base(register_module("base", base)),
      output_layer(base->get_output_size(), num_actions)
{
    register_module("output", output_layer);
    // SILENT: a small output head (orthogonal, gain 0.01) is the recipe.
    torch::nn::init::orthogonal_(output_layer->weight, 0.01);
    torch::nn::init::constant_(output_layer->bias, 0);
}

std::vector<torch::Tensor> PolicyImpl::act(torch::Tensor inputs, torch::Tensor rnn_hxs, torch::Tensor masks)
{
    auto base_output = base->forward(inputs, rnn_hxs, masks);
    auto logits = output_layer->forward(base_output[1]);
    auto probs = torch::softmax(logits, -1);
    auto action = probs.multinomial(1);
    auto log_probs = torch::log_softmax(logits, -1).gather(-1, action);
    return {base_output[0], action, log_probs, base_output[2]};
}

std::vector<torch::Tensor> PolicyImpl::evaluate_actions(torch::Tensor inputs, torch::Tensor rnn_hxs,
                                                        torch::Tensor masks, torch::Tensor actions)
{
    auto base_output = base->forward(inputs, rnn_hxs, masks);
    auto logits = output_layer->forward(base_output[1]);
    auto log_probs = torch::log_softmax(logits, -1);
    auto entropy = -(log_probs * log_probs.exp()).sum(-1).mean();
    return {base_output[0], log_probs.gather(-1, actions), entropy, base_output[2]};
}
}
