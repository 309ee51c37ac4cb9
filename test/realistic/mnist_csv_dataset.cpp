// RUN: %gradlint --no-probe --header-mode=bundled %s -- -std=c++17 -I%S > %t.out 2>&1; echo "exit: $?" >> %t.out
// RUN: FileCheck %s --input-file=%t.out --implicit-check-not='{{warning|error}}:'
// CHECK: {{.*}}mnist_csv_dataset.cpp:10:10: note: partial analysis: 'csv.h' not found{{.*}}
// Style: "custom dataset" tutorials: MNIST read from a Kaggle CSV with the
// fast-cpp-csv-parser header csv.h (absent here), a classifier whose
// forward() ends in softmax, trained with nll_loss.
#include <torch/torch.h>
#include <string>
#include <vector>
#include "csv.h"

class MnistCsv : public torch::data::datasets::Dataset<MnistCsv> {
 public:
    explicit MnistCsv(const std::string& path) {
        io::CSVReader<785> in(path);
        std::vector<float> row(785);
        while (read_row(in, row)) {
            labels_.push_back(static_cast<int64_t>(row[0]));
            pixels_.push_back(torch::tensor(std::vector<float>(row.begin() + 1, row.end())).div(255.0));
        }
    }
    torch::data::Example<> get(size_t index) override {
        return {pixels_[index], torch::tensor(labels_[index])};
    }
    torch::optional<size_t> size() const override { return labels_.size(); }

 private:
    std::vector<torch::Tensor> pixels_;
    std::vector<int64_t> labels_;
};

struct Net : torch::nn::Module {
    Net() {
        fc1 = register_module("fc1", torch::nn::Linear(784, 256));
        fc2 = register_module("fc2", torch::nn::Linear(256, 64));
        fc3 = register_module("fc3", torch::nn::Linear(64, 10));
    }
    torch::Tensor forward(torch::Tensor x) {
        x = torch::relu(fc1->forward(x));
        x = torch::relu(fc2->forward(x));
        // CHECK: :[[@LINE+1]]:16: warning: softmax probabilities into nll_loss, which expects log-probabilities{{.*}}[gradlint-loss-mismatch]
        return torch::softmax(fc3->forward(x), /*dim=*/1);
    }
    torch::nn::Linear fc1{nullptr}, fc2{nullptr}, fc3{nullptr};
};

int main() {
    auto net = std::make_shared<Net>();
    auto loader = torch::data::make_data_loader(
        MnistCsv("train.csv").map(torch::data::transforms::Stack<>()), 64);
    torch::optim::SGD optimizer(net->parameters(), 0.01);
    for (size_t epoch = 1; epoch <= 10; ++epoch) {
        size_t batch_index = 0;
        for (auto& batch : *loader) {
            optimizer.zero_grad();
            torch::Tensor prediction = net->forward(batch.data);
            // gradlint-loss-mismatch: probabilities from forward() into nll_loss (reported at the softmax in forward())
            torch::Tensor loss = torch::nll_loss(prediction, batch.target);
            loss.backward();
            optimizer.step();
            if (++batch_index % 100 == 0) {
                std::cout << "Epoch: " << epoch << " | Batch: " << batch_index << " | Loss: " << loss.item<float>() << std::endl;
                torch::save(net, "net.pt");
            }
        }
    }
}
// CHECK: exit: 1
