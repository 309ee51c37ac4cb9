// RUN: %gradlint --no-probe --header-mode=bundled %s -- -std=c++17 -I%S > %t.out 2>&1; echo "exit: $?" >> %t.out
// RUN: FileCheck %s --input-file=%t.out --implicit-check-not='{{warning|error}}:'
// CHECK: {{.*}}gradient_accumulation.cpp:8:10: note: partial analysis: '../utils.h' not found{{.*}}
// Style: large-batch training by gradient accumulation, and a fine-tuning
// helper added later that forgot to clear gradients; the project's utils
// header one level up is absent here.
#include <torch/torch.h>
#include "../utils.h"

struct EncoderImpl : torch::nn::Module {
    EncoderImpl() {
        layers = register_module("layers", torch::nn::Sequential(
            torch::nn::Linear(300, 512), torch::nn::LayerNorm(torch::nn::LayerNormOptions({512})), torch::nn::GELU(),
            torch::nn::Linear(512, 512), torch::nn::LayerNorm(torch::nn::LayerNormOptions({512})), torch::nn::GELU(),
            torch::nn::Linear(512, 5)));
    }
    torch::Tensor forward(torch::Tensor x) { return layers->forward(x); }
    torch::nn::Sequential layers{nullptr};
};
TORCH_MODULE(Encoder);

template <typename Loader>
void pretrain(Encoder& model, torch::optim::Optimizer& optimizer, Loader& loader, int accumulation_steps) {
    int step = 0;
    // SILENT: zero_grad every N steps is accumulation, not a missing clear.
    for (auto& batch : loader) {
        auto loss = torch::nn::functional::cross_entropy(model->forward(batch.data), batch.target) / accumulation_steps;
        loss.backward();
        if (++step % accumulation_steps == 0) {
            optimizer.step();
            optimizer.zero_grad();
        }
    }
}

void finetune(Encoder& model, torch::Tensor x, torch::Tensor y) {
    torch::optim::Adam optimizer(model->parameters(), torch::optim::AdamOptions(1e-5));
    for (int epoch = 0; epoch < 3; ++epoch) {
        auto loss = torch::nn::functional::cross_entropy(model->forward(x), y);
        // CHECK: :[[@LINE+1]]:9: warning: backward() runs in a loop that never calls zero_grad(){{.*}}[gradlint-missing-zero-grad]
        loss.backward();
        optimizer.step();
    }
}

int main() {
    Encoder model;
    torch::optim::Adam optimizer(model->parameters(), torch::optim::AdamOptions(1e-4));
    auto loader = torch::data::make_data_loader(utils::EmbeddingDataset("emb.bin"), 32);
    pretrain(model, optimizer, *loader, 8);
    auto [x, y] = utils::load_labelled("small.bin");
    finetune(model, x, y);
}
// CHECK: exit: 1
