// Loading the digit images.
#pragma once

#include <string>
#include <torch/torch.h>

/// The images under Dir as a [N, 1, 28, 28] tensor scaled to [0, 1], and
/// their labels.
std::pair<torch::Tensor, torch::Tensor> loadDigits(const std::string &Dir);
