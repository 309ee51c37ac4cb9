// RUN: %gradlint --no-probe --header-mode=bundled %s -- -std=c++17 -I%S > %t.out 2>&1; echo "exit: $?" >> %t.out
// RUN: FileCheck %s --input-file=%t.out --implicit-check-not='{{warning|error}}:'
// CHECK: {{.*}}transformer_lm.cpp:9:10: note: partial analysis: 'data/corpus.h' not found{{.*}}
// Style: the word language model of the PyTorch examples ported to C++
// (Transformer encoder, SGD at 20 with gradient clipping); the corpus
// reader is a project header absent here.
#include <torch/torch.h>
#include <cmath>
#include "data/corpus.h"

struct TransformerLMImpl : torch::nn::Module {
    TransformerLMImpl(int64_t ntoken, int64_t d_model, int64_t nhead, int64_t nlayers)
        : d_model_(d_model) {
        encoder = register_module("encoder", torch::nn::Embedding(ntoken, d_model));
        transformer = register_module("transformer", torch::nn::TransformerEncoder(
            torch::nn::TransformerEncoderOptions(
                torch::nn::TransformerEncoderLayerOptions(d_model, nhead).dropout(0.2), nlayers)));
        decoder = register_module("decoder", torch::nn::Linear(d_model, ntoken));
    }
    torch::Tensor forward(torch::Tensor src, torch::Tensor mask) {
        auto x = encoder->forward(src) * std::sqrt(static_cast<double>(d_model_));
        x = transformer->forward(x, mask);
        return torch::log_softmax(decoder->forward(x), -1);
    }
    int64_t d_model_;
    torch::nn::Embedding encoder{nullptr};
    torch::nn::TransformerEncoder transformer{nullptr};
    torch::nn::Linear decoder{nullptr};
};
TORCH_MODULE(TransformerLM);

int main() {
    data::Corpus corpus("wikitext-2");
    auto train_data = corpus.batchify(corpus.train(), 20);
    TransformerLM model(corpus.ntokens(), 200, 2, 2);
    // SILENT: SGD at 20 is the recipe, with clip_grad_norm_ below.
    torch::optim::SGD optimizer(model->parameters(), torch::optim::SGDOptions(20.0));
    const int64_t bptt = 35;
    for (int epoch = 1; epoch <= 40; ++epoch) {
        model->train();
        for (int64_t i = 0; i < train_data.size(0) - 1; i += bptt) {
            auto seq_len = std::min(bptt, train_data.size(0) - 1 - i);
            auto data = train_data.slice(0, i, i + seq_len);
            auto targets = train_data.slice(0, i + 1, i + 1 + seq_len).reshape(-1);
            auto mask = torch::triu(torch::full({seq_len, seq_len}, -INFINITY), 1);
            auto output = model->forward(data, mask);
            auto loss = torch::nll_loss(output.view({-1, corpus.ntokens()}), targets);
            loss.backward();
            torch::nn::utils::clip_grad_norm_(model->parameters(), 0.25);
            // planted, not found now: gradlint-incomplete-step (zero_grad between backward and step): the loss is computed from the absent corpus header's ntokens(), so its backward() is touched by an error and not read
            optimizer.zero_grad();
            optimizer.step();
        }
    }
}
// CHECK: exit: 0
