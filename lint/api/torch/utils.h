// gradlint bundled API model: declaration-only mirror of LibTorch 1.13; see lint/api/README.md
//
// torch/utils.h: NoGradGuard and AutoGradMode are aliases of the at:: aliases
// of c10::NoGradGuard / c10::AutoGradMode; manual_seed is at::manual_seed.
#pragma once

#include <torch/types.h>

namespace torch {
using NoGradGuard = at::NoGradGuard;
using AutoGradMode = at::AutoGradMode;
using at::manual_seed;
void init_num_threads();
int get_num_threads();
void set_num_threads(int nthreads);
} // namespace torch
