// RUN: %gradlint --no-probe --header-mode=bundled %s -- -std=c++17 -I%S > %t.out 2>&1; echo "exit: $?" >> %t.out
// RUN: FileCheck %s --input-file=%t.out --implicit-check-not='{{warning|error}}:'
// CHECK: {{.*}}rl_mlp_base.cpp:10:10: note: partial analysis: 'cpprl/model/mlp_base.h' not found (and 2 more headers){{.*}}
// Style: RL library (cpprl src/model/mlp_base.cpp): the class is declared in
// cpprl/model/mlp_base.h, which is not in this tree, so every member below
// is defined against a declaration gradlint cannot see; the test at the
// bottom uses doctest, also absent.
#include <torch/torch.h>

#include "cpprl/model/mlp_base.h"
#include "cpprl/model/model_utils.h"
#include "third_party/doctest.h"

namespace cpprl
{
MlpBase::MlpBase(unsigned int num_inputs,
                 bool recurrent,
                 unsigned int hidden_size)
    : NNBase(recurrent, num_inputs, hidden_size),
      actor(nullptr),
      critic(nullptr),
      critic_linear(nullptr)
{
    if (recurrent)
    {
        num_inputs = hidden_size;
    }

    // SILENT: two tanh layers per branch is the usual recipe, not a stack.
    actor = nn::Sequential(nn::Linear(num_inputs, hidden_size),
                           nn::Functional(torch::tanh),
                           nn::Linear(hidden_size, hidden_size),
                           nn::Functional(torch::tanh));
    critic = nn::Sequential(nn::Linear(num_inputs, hidden_size),
                            nn::Functional(torch::tanh),
                            nn::Linear(hidden_size, hidden_size),
                            nn::Functional(torch::tanh));
    // planted: critic_linear is built here and never registered; only the
    // declaration (absent) could tell it is a member used in forward().
    critic_linear = nn::Linear(hidden_size, 1);

    register_module("actor", actor);
    register_module("critic", critic);

    init_weights(actor->named_parameters(), sqrt(2.));
    init_weights(critic->named_parameters(), sqrt(2.));

    train();
}

std::vector<torch::Tensor> MlpBase::forward(torch::Tensor inputs,
                                            torch::Tensor rnn_hxs,
                                            torch::Tensor masks)
{
    auto x = inputs;
    if (is_recurrent())
    {
        auto gru_output = forward_gru(x, rnn_hxs, masks);
        x = gru_output[0];
        rnn_hxs = gru_output[1];
    }
    auto hidden_critic = critic->forward(x);
    auto hidden_actor = actor->forward(x);
    return {critic_linear->forward(hidden_critic), hidden_actor, rnn_hxs};
}

TEST_CASE("MlpBase")
{
    auto base = MlpBase(5, false, 10);
    auto outputs = base.forward(torch::rand({4, 5}), torch::rand({4, 10}), torch::zeros({4, 1}));
    REQUIRE(outputs.size() == 3);
    CHECK(outputs[0].size(1) == 1);
}
}
// CHECK: exit: 0
