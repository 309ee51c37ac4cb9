// RUN: %gradlint --no-probe --header-mode=bundled %s -- -std=c++17 -I%S > %t.out 2>&1; echo "exit: $?" >> %t.out
// RUN: FileCheck %s --input-file=%t.out --implicit-check-not='{{warning|error}}:'
// CHECK: {{.*}}iris_sigmoid_mlp.cpp:7:10: note: partial analysis: 'rapidcsv.h' not found{{.*}}
// Style: an Iris classifier from a "first steps with LibTorch" blog; data
// from rapidcsv (absent here), a deep sigmoid MLP in a Sequential.
#include <torch/torch.h>
#include <rapidcsv.h>
#include <iostream>

int main() {
    rapidcsv::Document doc("iris.csv");
    auto features = torch::from_blob(doc.GetColumn<float>(0).data(), {150, 4}).clone();
    auto labels = torch::tensor(doc.GetColumn<int64_t>(4));
    features = (features - features.mean(0)) / features.std(0);

    torch::nn::Sequential model(
        torch::nn::Linear(4, 32),
        // CHECK: :[[@LINE+1]]:9: warning: 3 sigmoid activations in a row with nothing between to keep gradients alive{{.*}}[gradlint-saturating-stack]
        torch::nn::Sigmoid(),
        torch::nn::Linear(32, 32),
        torch::nn::Sigmoid(),
        torch::nn::Linear(32, 32),
        torch::nn::Sigmoid(),
        torch::nn::Linear(32, 3));

    torch::optim::SGD optimizer(model->parameters(), torch::optim::SGDOptions(0.1).momentum(0.9));
    // SILENT: a loss module called as an object, on logits.
    torch::nn::CrossEntropyLoss criterion;

    for (int epoch = 0; epoch < 500; ++epoch) {
        optimizer.zero_grad();
        auto loss = criterion(model->forward(features), labels);
        loss.backward();
        optimizer.step();
    }
    std::cout << "done\n";
}
// CHECK: exit: 1
