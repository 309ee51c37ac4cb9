// gradlint bundled API model: declaration-only mirror of LibTorch 1.13; see lint/api/README.md
//
// Real torch/torch.h also brings in these standard headers transitively;
// user code relies on that (std::isnan, std::cout, std::sort without their
// own includes), so this one does too. The driver precompiles this header,
// so they cost a run almost nothing.
#pragma once

#include <torch/all.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <limits>
#include <map>
#include <numeric>
#include <sstream>
#include <unordered_map>
