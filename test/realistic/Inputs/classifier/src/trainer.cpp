#include "trainer.h"

Trainer::Trainer(Classifier model, double learning_rate)
    : model_(model), optimizer_(model->parameters(), torch::optim::AdamOptions(learning_rate)) {}
