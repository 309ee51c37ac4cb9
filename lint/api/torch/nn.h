// gradlint bundled API model: declaration-only mirror of LibTorch 1.13; see lint/api/README.md
#pragma once

#include <torch/nn/functional.h>
#include <torch/nn/init.h>
#include <torch/nn/module.h>
#include <torch/nn/modules.h>
#include <torch/nn/options.h>
#include <torch/nn/utils.h>
