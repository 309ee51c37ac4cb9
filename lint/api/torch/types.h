// gradlint bundled API model: declaration-only mirror of LibTorch 1.13; see lint/api/README.md
//
// torch/types.h and torch/csrc/autograd/generated/variable_factories.h.
// torch:: sees every at:: (and so c10::) name through a using-directive, as
// in real LibTorch; the factories below are declared in torch itself, so
// torch::rand is torch::rand while torch::relu is at::relu.
#pragma once

#include <ATen/ATen.h>

namespace torch {
using namespace at; // NOLINT

using c10::nullopt;
using c10::optional;

using Dtype = at::ScalarType;

constexpr auto kUInt8 = at::kByte;
constexpr auto kInt8 = at::kChar;
constexpr auto kInt16 = at::kShort;
constexpr auto kInt32 = at::kInt;
constexpr auto kInt64 = at::kLong;
constexpr auto kFloat16 = at::kHalf;
constexpr auto kFloat32 = at::kFloat;
constexpr auto kFloat64 = at::kDouble;
constexpr auto kU8 = kUInt8;
constexpr auto kI8 = kInt8;
constexpr auto kI16 = kInt16;
constexpr auto kI32 = kInt32;
constexpr auto kI64 = kInt64;
constexpr auto kF16 = kFloat16;
constexpr auto kF32 = kFloat32;
constexpr auto kF64 = kFloat64;

namespace detail {
// torch/csrc/api/include/torch/detail/TensorDataContainer.h: what
// torch::tensor({...}) accepts.
struct TensorDataContainer {
  TensorDataContainer();
  TensorDataContainer(uint8_t value);
  TensorDataContainer(int8_t value);
  TensorDataContainer(int16_t value);
  TensorDataContainer(int value);
  TensorDataContainer(int64_t value);
  TensorDataContainer(float value);
  TensorDataContainer(double value);
  TensorDataContainer(bool value);
  TensorDataContainer(std::initializer_list<TensorDataContainer> init_list);
  template <typename T> TensorDataContainer(at::ArrayRef<T> values);
  template <typename T> TensorDataContainer(const std::vector<T> &values);
};
} // namespace detail

at::Tensor tensor(detail::TensorDataContainer tensor_data_container, const at::TensorOptions &options = {});
at::Tensor from_blob(void *data, at::IntArrayRef sizes, const at::TensorOptions &options = at::TensorOptions());
at::Tensor arange(const at::Scalar &end, at::TensorOptions options = {});
at::Tensor arange(const at::Scalar &start, const at::Scalar &end, at::TensorOptions options = {});
at::Tensor arange(const at::Scalar &start, const at::Scalar &end, const at::Scalar &step, at::TensorOptions options = {});
at::Tensor empty(at::IntArrayRef size, at::TensorOptions options = {}, c10::optional<at::MemoryFormat> memory_format = c10::nullopt);
at::Tensor empty_like(const at::Tensor &self, at::TensorOptions options = {}, c10::optional<at::MemoryFormat> memory_format = c10::nullopt);
at::Tensor eye(int64_t n, at::TensorOptions options = {});
at::Tensor eye(int64_t n, int64_t m, at::TensorOptions options = {});
at::Tensor full(at::IntArrayRef size, const at::Scalar &fill_value, at::TensorOptions options = {});
at::Tensor full_like(const at::Tensor &self, const at::Scalar &fill_value, at::TensorOptions options = {}, c10::optional<at::MemoryFormat> memory_format = c10::nullopt);
at::Tensor linspace(const at::Scalar &start, const at::Scalar &end, int64_t steps, at::TensorOptions options = {});
at::Tensor ones(at::IntArrayRef size, at::TensorOptions options = {});
at::Tensor ones_like(const at::Tensor &self, at::TensorOptions options = {}, c10::optional<at::MemoryFormat> memory_format = c10::nullopt);
at::Tensor rand(at::IntArrayRef size, at::TensorOptions options = {});
at::Tensor rand_like(const at::Tensor &self, at::TensorOptions options = {}, c10::optional<at::MemoryFormat> memory_format = c10::nullopt);
at::Tensor randint(int64_t high, at::IntArrayRef size, at::TensorOptions options = at::kLong);
at::Tensor randint(int64_t low, int64_t high, at::IntArrayRef size, at::TensorOptions options = at::kLong);
at::Tensor randn(at::IntArrayRef size, at::TensorOptions options = {});
at::Tensor randn_like(const at::Tensor &self, at::TensorOptions options = {}, c10::optional<at::MemoryFormat> memory_format = c10::nullopt);
at::Tensor scalar_tensor(const at::Scalar &s, at::TensorOptions options = {});
at::Tensor zeros(at::IntArrayRef size, at::TensorOptions options = {});
at::Tensor zeros_like(const at::Tensor &self, at::TensorOptions options = {}, c10::optional<at::MemoryFormat> memory_format = c10::nullopt);

namespace autograd {
// torch/csrc/autograd/grad_mode.h, InferenceMode.h, autograd.h
using GradMode = at::GradMode;
using AutoGradMode = at::AutoGradMode;
using InferenceMode = c10::InferenceMode;
using Variable = at::Tensor;
using variable_list = std::vector<Variable>;
void backward(const variable_list &tensors, const variable_list &grad_tensors = {}, c10::optional<bool> retain_graph = c10::nullopt, bool create_graph = false, const variable_list &inputs = {});
variable_list grad(const variable_list &outputs, const variable_list &inputs, const variable_list &grad_outputs = {}, c10::optional<bool> retain_graph = c10::nullopt, bool create_graph = false, bool allow_unused = false);
} // namespace autograd
} // namespace torch
