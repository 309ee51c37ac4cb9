// gradlint bundled API model: declaration-only mirror of LibTorch 1.13; see lint/api/README.md
// Minimal: the jit surface is not modelled; this keeps includes working.
#pragma once

#include <torch/torch.h>
