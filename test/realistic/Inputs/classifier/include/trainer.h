#pragma once

#include <memory>

#include <torch/torch.h>

#include "model.h"

class Trainer {
 public:
    Trainer(Classifier model, double learning_rate);

    template <typename Loader>
    double train_epoch(Loader& loader);

    template <typename Loader>
    double validate(Loader& loader);

 private:
    Classifier model_;
    torch::optim::Adam optimizer_;
};

#include "trainer_impl.h"
