// RUN: %gradlint --no-probe --header-mode=bundled %s -- -std=c++17 -I%S > %t.out 2>&1; echo "exit: $?" >> %t.out
// RUN: FileCheck %s --input-file=%t.out --implicit-check-not='{{warning|error}}:'
// CHECK: {{.*}}kfold_cross_validation.cpp:9:10: note: partial analysis: 'csv_loader.h' not found{{.*}}
// Style: k-fold cross-validation on a tabular data set: each fold builds a
// fresh model and a fresh optimizer (sound); the CSV loader is a project
// header absent here.
#include <torch/torch.h>
#include <iostream>
#include "csv_loader.h"

torch::nn::Sequential make_model(int64_t in_features) {
    return torch::nn::Sequential(
        torch::nn::Linear(in_features, 64), torch::nn::ReLU(), torch::nn::Dropout(0.1),
        torch::nn::Linear(64, 32), torch::nn::ReLU(),
        torch::nn::Linear(32, 2));
}

int main() {
    auto table = csv_loader::load("heart.csv");
    auto x = table.features();
    auto y = table.labels();
    const int k = 5;
    auto n = x.size(0);
    double total_acc = 0;
    for (int fold = 0; fold < k; ++fold) {
        auto val_idx = torch::arange(fold * n / k, (fold + 1) * n / k);
        auto mask = torch::ones({n}, torch::kBool);
        mask.index_fill_(0, val_idx, false);
        auto x_train = x.index({mask});
        auto y_train = y.index({mask});
        // SILENT: a new model and optimizer per fold.
        auto model = make_model(x.size(1));
        torch::optim::Adam optimizer(model->parameters(), 1e-3);
        for (int epoch = 0; epoch < 100; ++epoch) {
            model->train();
            auto loss = torch::cross_entropy_loss(model->forward(x_train), y_train);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        }
        model->eval();
        torch::NoGradGuard no_grad;
        auto pred = model->forward(x.index_select(0, val_idx)).argmax(1);
        total_acc += pred.eq(y.index_select(0, val_idx)).to(torch::kFloat).mean().item<double>();
    }
    std::cout << "mean accuracy " << total_acc / k << '\n';
}
// CHECK: exit: 0
