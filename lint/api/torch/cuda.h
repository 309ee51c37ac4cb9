// gradlint bundled API model: declaration-only mirror of LibTorch 1.13; see lint/api/README.md
#pragma once

#include <torch/types.h>

namespace torch {
namespace cuda {
/// torch/cuda.h
int64_t device_count();
bool is_available();
bool cudnn_is_available();
void manual_seed(uint64_t seed);
void manual_seed_all(uint64_t seed);
void synchronize(int64_t device_index = -1);
} // namespace cuda
} // namespace torch
