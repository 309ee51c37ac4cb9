// RUN: %gradlint --no-probe --header-mode=bundled %s -- -std=c++17 -I%S > %t.out 2>&1; echo "exit: $?" >> %t.out
// RUN: FileCheck %s --input-file=%t.out --implicit-check-not='{{warning|error}}:'
// CHECK: {{.*}}tut_rnn_lm.cpp:8:10: note: partial analysis: 'corpus.h' not found (and 1 more header){{.*}}
// Style: tutorial collection (intermediate/language_model): a word-level
// LSTM language model over a corpus class from a header that is absent.
#include <torch/torch.h>
#include <iostream>
#include "corpus.h"
#include "../utils/clip_grad_l2.h"

class RNNLMImpl : public torch::nn::Module {
 public:
    RNNLMImpl(int64_t vocab_size, int64_t embed_size, int64_t hidden_size, int64_t num_layers)
        : embed(vocab_size, embed_size),
          lstm(torch::nn::LSTMOptions(embed_size, hidden_size).num_layers(num_layers).batch_first(true)),
          linear(hidden_size, vocab_size) {
        register_module("embed", embed);
        register_module("lstm", lstm);
        // gradlint-unregistered-module: linear is never registered (reported at the member)
    }

    std::tuple<torch::Tensor, std::tuple<torch::Tensor, torch::Tensor>> forward(
        torch::Tensor x, std::tuple<torch::Tensor, torch::Tensor> hx) {
        auto out = lstm->forward(embed->forward(x), hx);
        auto h = std::get<0>(out);
        h = h.reshape({-1, h.size(2)});
        return std::make_tuple(linear->forward(h), std::get<1>(out));
    }

 private:
    torch::nn::Embedding embed;
    torch::nn::LSTM lstm;
    // CHECK: :[[@LINE+1]]:23: warning: submodule 'linear' is used in forward() but never registered{{.*}}[gradlint-unregistered-module]
    torch::nn::Linear linear;
};

TORCH_MODULE(RNNLM);

int main() {
    const int64_t embed_size = 128;
    const int64_t hidden_size = 1024;
    const int64_t num_layers = 1;
    const int64_t batch_size = 20;
    const int64_t sequence_length = 30;
    const size_t num_epochs = 5;
    const double learning_rate = 0.002;

    data_utils::Corpus corpus("../data/penntreebank/train.txt");
    auto ids = corpus.get_data(batch_size);
    auto vocab_size = corpus.get_dictionary().size();

    RNNLM model(vocab_size, embed_size, hidden_size, num_layers);
    torch::optim::Adam optimizer(model->parameters(), torch::optim::AdamOptions(learning_rate));

    for (size_t epoch = 0; epoch != num_epochs; ++epoch) {
        auto h = torch::zeros({num_layers, batch_size, hidden_size});
        auto c = torch::zeros({num_layers, batch_size, hidden_size});
        for (int64_t i = 0; i + sequence_length < ids.size(1); i += sequence_length) {
            // SILENT: truncated backpropagation detaches the state, not the output.
            h.detach_();
            c.detach_();
            auto data = ids.slice(1, i, i + sequence_length);
            auto target = ids.slice(1, i + 1, i + 1 + sequence_length).reshape(-1);
            auto [output, state] = model->forward(data, std::make_tuple(h, c));
            std::tie(h, c) = state;
            auto loss = torch::nn::functional::cross_entropy(output, target);
            optimizer.zero_grad();
            loss.backward();
            nn_utils::clip_grad_l2_norm(model->parameters(), 0.5);
            optimizer.step();
        }
        std::cout << "epoch " << epoch << '\n';
    }
}
// CHECK: exit: 1
