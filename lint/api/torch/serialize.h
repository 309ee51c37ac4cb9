// gradlint bundled API model: declaration-only mirror of LibTorch 1.13; see lint/api/README.md
//
// torch/serialize.h: torch::save / torch::load are variadic templates in real
// LibTorch too.
#pragma once

#include <torch/types.h>

namespace torch {
namespace serialize {
class OutputArchive;
class InputArchive;
} // namespace serialize
template <typename Value, typename... SaveToArgs>
void save(const Value &value, SaveToArgs &&...args);
template <typename... SaveToArgs>
void save(const std::vector<torch::Tensor> &tensor_vec, SaveToArgs &&...args);
template <typename Value, typename... LoadFromArgs>
void load(Value &value, LoadFromArgs &&...args);
template <typename... LoadFromArgs>
void load(std::vector<torch::Tensor> &tensor_vec, LoadFromArgs &&...args);
} // namespace torch
