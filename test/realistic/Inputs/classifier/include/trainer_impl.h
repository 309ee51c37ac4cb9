#pragma once

// Template definitions of Trainer, kept out of trainer.h for readability.

template <typename Loader>
double Trainer::train_epoch(Loader& loader) {
    double total = 0;
    for (auto& batch : loader) {
        auto loss = torch::nn::functional::cross_entropy(model_->forward(batch.data), batch.target);
        optimizer_.zero_grad();
        loss.backward();
        optimizer_.step();
        total += loss.template item<double>();
    }
    return total;
}

template <typename Loader>
double Trainer::validate(Loader& loader) {
    // defect (gradlint-eval-mode-training): train_epoch() never calls model_->train()
    model_->eval();
    torch::NoGradGuard no_grad;
    double correct = 0;
    for (auto& batch : loader) {
        correct += model_->forward(batch.data).argmax(1).eq(batch.target).sum().template item<double>();
    }
    return correct;
}
