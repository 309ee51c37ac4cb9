// RUN: %gradlint --no-probe --header-mode=bundled %s -- -std=c++17 -I%S > %t.out 2>&1; echo "exit: $?" >> %t.out
// RUN: FileCheck %s --input-file=%t.out --implicit-check-not='{{warning|error}}:'
// CHECK: {{.*}}multitask_heads.cpp:8:10: note: partial analysis: 'tasks.h' not found{{.*}}
// Style: a multi-task model with a shared trunk and a ModuleDict of heads;
// the task registry is a project header absent here.
#include <torch/torch.h>
#include <map>
#include "tasks.h"

struct MultiTaskNetImpl : torch::nn::Module {
    MultiTaskNetImpl() {
        trunk = register_module("trunk", torch::nn::Sequential(
            torch::nn::Linear(64, 256), torch::nn::ReLU(),
            torch::nn::Linear(256, 256), torch::nn::ReLU()));
        age_head = register_module("age_head", torch::nn::Sequential(
            // planted, not found now: gradlint-shape-mismatch: the trunk produces 256 features
            torch::nn::Linear(128, 1)));
        gender_head = register_module("gender_head", torch::nn::Sequential(
            torch::nn::Linear(256, 2)));
    }
    std::map<std::string, torch::Tensor> forward(torch::Tensor x) {
        auto h = trunk->forward(x);
        return {{"age", age_head->forward(h)}, {"gender", gender_head->forward(h)}};
    }
    torch::nn::Sequential trunk{nullptr}, age_head{nullptr}, gender_head{nullptr};
};
TORCH_MODULE(MultiTaskNet);

int main() {
    MultiTaskNet model;
    torch::optim::AdamW optimizer(model->parameters(), torch::optim::AdamWOptions(3e-4).weight_decay(1e-2));
    auto loader = torch::data::make_data_loader(tasks::FaceAttributes("faces.bin"), 64);
    for (int epoch = 0; epoch < 30; ++epoch) {
        for (auto& batch : *loader) {
            auto out = model->forward(batch.data);
            auto loss = torch::l1_loss(out["age"], batch.age) +
                        torch::nn::functional::cross_entropy(out["gender"], batch.gender);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        }
    }
}
// CHECK: exit: 0
