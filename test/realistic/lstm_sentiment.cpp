// RUN: %gradlint --no-probe --header-mode=bundled %s -- -std=c++17 -I%S > %t.out 2>&1; echo "exit: $?" >> %t.out
// RUN: FileCheck %s --input-file=%t.out --implicit-check-not='{{warning|error}}:'
// CHECK: {{.*}}lstm_sentiment.cpp:8:10: note: partial analysis: 'text/vocab.h' not found (and 1 more header){{.*}}
// Style: a sentiment classifier over an LSTMCell unrolled by hand; the
// vocabulary and the IMDB reader are project headers absent here.
#include <torch/torch.h>
#include <vector>
#include "text/vocab.h"
#include "text/imdb.h"

class SentimentNetImpl : public torch::nn::Module {
 public:
    SentimentNetImpl(int64_t vocab, int64_t embed_dim, int64_t hidden_dim)
        : hidden_dim_(hidden_dim),
          embedding(torch::nn::EmbeddingOptions(vocab, embed_dim).padding_idx(0)),
          cell(torch::nn::LSTMCellOptions(embed_dim, hidden_dim)),
          fc(hidden_dim, 1) {
        // planted: gradlint-unregistered-module: the embedding is never registered (found at the member)
        register_module("cell", cell);
        register_module("fc", fc);
    }

    torch::Tensor forward(torch::Tensor tokens) {
        auto emb = embedding->forward(tokens);
        auto h = torch::zeros({tokens.size(0), hidden_dim_});
        auto c = torch::zeros({tokens.size(0), hidden_dim_});
        for (int64_t t = 0; t < tokens.size(1); ++t) {
            std::tie(h, c) = cell->forward(emb.select(1, t), std::make_tuple(h, c));
        }
        // SILENT: the last hidden state kept for inspection is not a weight.
        this->last_hidden = h;
        return fc->forward(h);
    }

    torch::Tensor last_hidden;

 private:
    int64_t hidden_dim_;
    // CHECK: :[[@LINE+1]]:26: warning: submodule 'embedding' is used in forward() but never registered{{.*}}[gradlint-unregistered-module]
    torch::nn::Embedding embedding;
    torch::nn::LSTMCell cell;
    torch::nn::Linear fc;
};
TORCH_MODULE(SentimentNet);

int main() {
    text::Vocab vocab("imdb.vocab");
    SentimentNet model(vocab.size(), 100, 256);
    torch::optim::Adam optimizer(model->parameters(), 1e-3);
    auto loader = torch::data::make_data_loader(text::IMDB("aclImdb/train", vocab), 32);
    for (int epoch = 0; epoch < 5; ++epoch) {
        for (auto& batch : *loader) {
            auto logits = model->forward(batch.data).squeeze(1);
            auto loss = torch::binary_cross_entropy_with_logits(logits, batch.target.to(torch::kFloat));
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        }
    }
}
// CHECK: exit: 1
