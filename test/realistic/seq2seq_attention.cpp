// RUN: %gradlint --no-probe --header-mode=bundled %s -- -std=c++17 -I%S > %t.out 2>&1; echo "exit: $?" >> %t.out
// RUN: FileCheck %s --input-file=%t.out --implicit-check-not='{{warning|error}}:'
// CHECK: {{.*}}seq2seq_attention.cpp:9:10: note: partial analysis: 'lang.h' not found{{.*}}
// Style: the seq2seq translation tutorial in C++ (GRU encoder, attention
// decoder with dropout, teacher forcing); the Lang class and the pair reader
// are in lang.h, absent here.
#include <torch/torch.h>
#include <random>
#include "lang.h"

struct EncoderRNNImpl : torch::nn::Module {
    EncoderRNNImpl(int64_t input_size, int64_t hidden_size)
        : embedding(input_size, hidden_size), gru(torch::nn::GRUOptions(hidden_size, hidden_size)) {
        register_module("embedding", embedding);
        register_module("gru", gru);
    }
    std::tuple<torch::Tensor, torch::Tensor> forward(torch::Tensor input, torch::Tensor hidden) {
        auto embedded = embedding->forward(input).view({1, 1, -1});
        return gru->forward(embedded, hidden);
    }
    torch::nn::Embedding embedding;
    torch::nn::GRU gru;
};
TORCH_MODULE(EncoderRNN);

struct AttnDecoderRNNImpl : torch::nn::Module {
    AttnDecoderRNNImpl(int64_t hidden_size, int64_t output_size, int64_t max_length)
        : embedding(output_size, hidden_size), attn(hidden_size * 2, max_length),
          attn_combine(hidden_size * 2, hidden_size), dropout(0.1),
          gru(torch::nn::GRUOptions(hidden_size, hidden_size)), out(hidden_size, output_size) {
        register_module("embedding", embedding);
        register_module("attn", attn);
        register_module("attn_combine", attn_combine);
        register_module("dropout", dropout);
        register_module("gru", gru);
        register_module("out", out);
    }
    std::tuple<torch::Tensor, torch::Tensor> forward(torch::Tensor input, torch::Tensor hidden,
                                                     torch::Tensor encoder_outputs) {
        auto embedded = dropout->forward(embedding->forward(input).view({1, 1, -1}));
        auto attn_weights = torch::softmax(attn->forward(torch::cat({embedded[0], hidden[0]}, 1)), 1);
        auto attn_applied = torch::bmm(attn_weights.unsqueeze(0), encoder_outputs.unsqueeze(0));
        auto output = torch::relu(attn_combine->forward(torch::cat({embedded[0], attn_applied[0]}, 1)).unsqueeze(0));
        std::tie(output, hidden) = gru->forward(output, hidden);
        // The tutorial returns log_softmax here; this port returns softmax.
        return {torch::softmax(out->forward(output[0]), 1), hidden};
    }
    torch::nn::Embedding embedding;
    torch::nn::Linear attn, attn_combine;
    torch::nn::Dropout dropout;
    torch::nn::GRU gru;
    torch::nn::Linear out;
};
TORCH_MODULE(AttnDecoderRNN);

int main() {
    auto [input_lang, output_lang, pairs] = lang::prepare_data("eng", "fra");
    const int64_t hidden_size = 256, max_length = 10;
    EncoderRNN encoder(input_lang.n_words(), hidden_size);
    AttnDecoderRNN decoder(hidden_size, output_lang.n_words(), max_length);
    torch::optim::SGD encoder_optimizer(encoder->parameters(), 0.01);
    torch::optim::SGD decoder_optimizer(decoder->parameters(), 0.01);
    std::mt19937 rng(0);
    for (int iter = 1; iter <= 75000; ++iter) {
        auto [input_tensor, target_tensor] = lang::tensors_from_pair(pairs[rng() % pairs.size()]);
        auto encoder_hidden = torch::zeros({1, 1, hidden_size});
        encoder_optimizer.zero_grad();
        decoder_optimizer.zero_grad();
        auto encoder_outputs = torch::zeros({max_length, hidden_size});
        for (int64_t ei = 0; ei < input_tensor.size(0); ++ei) {
            auto [encoder_output, h] = encoder->forward(input_tensor[ei], encoder_hidden);
            encoder_hidden = h;
            encoder_outputs[ei] = encoder_output[0][0];
        }
        auto decoder_input = torch::tensor({{lang::SOS_token}});
        auto decoder_hidden = encoder_hidden;
        auto loss = torch::zeros({});
        for (int64_t di = 0; di < target_tensor.size(0); ++di) {
            auto [decoder_output, h] = decoder->forward(decoder_input, decoder_hidden, encoder_outputs);
            decoder_hidden = h;
            // planted, not found now: gradlint-loss-mismatch: the decoder returns probabilities; nll_loss wants log-probabilities
            loss = loss + torch::nll_loss(decoder_output, target_tensor[di]);
            decoder_input = target_tensor[di];
        }
        loss.backward();
        encoder_optimizer.step();
        decoder_optimizer.step();
    }
}
// CHECK: exit: 0
