// gradlint bundled API model: declaration-only mirror of LibTorch 1.13; see lint/api/README.md
//
// Real torch/torch.h also brings in <iostream> transitively (user code that
// prints without including it still compiles), so this one does too.
#pragma once

#include <torch/all.h>

#include <iostream>
