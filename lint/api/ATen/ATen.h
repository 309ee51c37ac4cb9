// gradlint bundled API model: declaration-only mirror of LibTorch 1.13; see lint/api/README.md
//
// at::TensorBase, at::Tensor, the operator overloads and the at:: free
// functions (ATen/core/TensorBase.h, ATen/core/TensorBody.h,
// ATen/TensorOperators.h, ATen/Functions.h). Members live on the class the
// real headers put them on: sizes()/dim()/size(int64_t)/requires_grad() on
// TensorBase, everything else on Tensor.
#pragma once

#include <c10/api_model.h>

#include <tuple>

namespace at {

class Tensor;
struct TORCH_API Dimname {};
struct TORCH_API Generator {};
using TensorList = c10::ArrayRef<Tensor>;
using ITensorListRef = c10::ArrayRef<Tensor>;
using IntArrayRef = c10::ArrayRef<int64_t>;
using OptionalIntArrayRef = c10::OptionalArrayRef<int64_t>;
using c10::Scalar;
using c10::TensorOptions;

namespace Reduction {
enum Reduction { None, Mean, Sum, END };
} // namespace Reduction

class TORCH_API TensorBase {
public:
  TensorBase() = default;
  TensorBase(const TensorBase &) = default;
  TensorBase(TensorBase &&) noexcept = default;
  TensorBase &operator=(const TensorBase &) & = default;
  TensorBase &operator=(TensorBase &&) & noexcept = default;
  int64_t dim() const;
  int64_t size(int64_t dim) const;
  int64_t stride(int64_t dim) const;
  bool defined() const;
  void reset();
  std::string toString() const;
  IntArrayRef sizes() const;
  IntArrayRef strides() const;
  int64_t ndimension() const;
  int64_t numel() const;
  size_t nbytes() const;
  ScalarType scalar_type() const;
  Device device() const;
  bool is_cuda() const;
  bool is_cpu() const;
  bool is_contiguous(MemoryFormat memory_format = MemoryFormat::Contiguous) const;
  TensorOptions options() const;
  void *data_ptr() const;
  template <typename T> T *data_ptr() const;
  void print() const;
  const TensorBase &set_requires_grad(bool requires_grad) const;
  bool requires_grad() const;
  bool is_leaf() const;
  int64_t output_nr() const;
  int64_t _version() const;
  void retain_grad() const;
  bool retains_grad() const;
  const std::string &name() const;
};

class TORCH_API Tensor : public TensorBase {
public:
  Tensor() = default;
  Tensor(const Tensor &tensor) = default;
  Tensor(Tensor &&tensor) = default;
  explicit Tensor(const TensorBase &base);
  Tensor(TensorBase &&base);
  Tensor &operator=(const TensorBase &x) &;
  Tensor &operator=(TensorBase &&x) &;
  Tensor &operator=(const Tensor &x) &;
  Tensor &operator=(Tensor &&x) &;
  Tensor &operator=(Scalar v) &&;
  Tensor &operator=(const Tensor &rhs) &&;
  Tensor &operator=(Tensor &&rhs) &&;

  Tensor contiguous(MemoryFormat memory_format = MemoryFormat::Contiguous) const;
  template <typename T> T *data() const;
  template <typename T> T item() const;
  at::Scalar item() const;
  Tensor operator~() const;
  Tensor operator-() const;
  Tensor &operator+=(const Tensor &other);
  Tensor &operator+=(Scalar other);
  Tensor &operator-=(const Tensor &other);
  Tensor &operator-=(Scalar other);
  Tensor &operator*=(const Tensor &other);
  Tensor &operator*=(Scalar other);
  Tensor &operator/=(const Tensor &other);
  Tensor &operator/=(Scalar other);
  Tensor operator[](Scalar index) const;
  Tensor operator[](Tensor index) const;
  Tensor operator[](int64_t index) const;
  Tensor cpu() const;
  Tensor cuda() const;
  void backward(const Tensor &gradient = {},
                c10::optional<bool> retain_graph = c10::nullopt,
                bool create_graph = false,
                c10::optional<TensorList> inputs = c10::nullopt) const;
  const Tensor &set_requires_grad(bool requires_grad) const;
  Tensor &mutable_grad() const;
  const Tensor &grad() const;
  Tensor data() const;
  const Tensor &requires_grad_(bool _requires_grad = true) const;

  // Generated methods (ATen/core/TensorBody.h), the subset models use.
  at::Tensor abs() const;
  at::Tensor add(const at::Tensor &other, const at::Scalar &alpha = 1) const;
  at::Tensor &add_(const at::Tensor &other, const at::Scalar &alpha = 1) const;
  at::Tensor add(const at::Scalar &other, const at::Scalar &alpha = 1) const;
  at::Tensor &add_(const at::Scalar &other, const at::Scalar &alpha = 1) const;
  at::Tensor all() const;
  at::Tensor any() const;
  at::Tensor argmax(c10::optional<int64_t> dim = c10::nullopt, bool keepdim = false) const;
  at::Tensor argmin(c10::optional<int64_t> dim = c10::nullopt, bool keepdim = false) const;
  at::Tensor clamp(const c10::optional<at::Scalar> &min, const c10::optional<at::Scalar> &max = c10::nullopt) const;
  at::Tensor clamp(const c10::optional<at::Tensor> &min = {}, const c10::optional<at::Tensor> &max = {}) const;
  at::Tensor &clamp_(const c10::optional<at::Scalar> &min, const c10::optional<at::Scalar> &max = c10::nullopt) const;
  at::Tensor &clamp_(const c10::optional<at::Tensor> &min = {}, const c10::optional<at::Tensor> &max = {}) const;
  at::Tensor clamp_max(const at::Scalar &max) const;
  at::Tensor clamp_max(const at::Tensor &max) const;
  at::Tensor clamp_min(const at::Scalar &min) const;
  at::Tensor clamp_min(const at::Tensor &min) const;
  at::Tensor &clamp_min_(const at::Scalar &min) const;
  at::Tensor clone(c10::optional<at::MemoryFormat> memory_format = c10::nullopt) const;
  at::Tensor &copy_(const at::Tensor &src, bool non_blocking = false) const;
  at::Tensor cos() const;
  at::Tensor detach() const;
  at::Tensor &detach_() const;
  at::Tensor div(const at::Tensor &other) const;
  at::Tensor &div_(const at::Tensor &other) const;
  at::Tensor div(const at::Scalar &other) const;
  at::Tensor &div_(const at::Scalar &other) const;
  at::Tensor dot(const at::Tensor &tensor) const;
  at::Tensor eq(const at::Scalar &other) const;
  at::Tensor eq(const at::Tensor &other) const;
  at::Tensor exp() const;
  at::Tensor &exp_() const;
  at::Tensor expand(at::IntArrayRef size, bool implicit = false) const;
  at::Tensor expand_as(const at::Tensor &other) const;
  at::Tensor &fill_(const at::Scalar &value) const;
  at::Tensor &fill_(const at::Tensor &value) const;
  at::Tensor flatten(int64_t start_dim = 0, int64_t end_dim = -1) const;
  at::Tensor ge(const at::Scalar &other) const;
  at::Tensor ge(const at::Tensor &other) const;
  at::Tensor gt(const at::Scalar &other) const;
  at::Tensor gt(const at::Tensor &other) const;
  at::Tensor index_select(int64_t dim, const at::Tensor &index) const;
  at::Tensor le(const at::Scalar &other) const;
  at::Tensor le(const at::Tensor &other) const;
  at::Tensor log() const;
  at::Tensor &log_() const;
  at::Tensor log_softmax(int64_t dim, c10::optional<at::ScalarType> dtype = c10::nullopt) const;
  at::Tensor lt(const at::Scalar &other) const;
  at::Tensor lt(const at::Tensor &other) const;
  at::Tensor matmul(const at::Tensor &other) const;
  ::std::tuple<at::Tensor, at::Tensor> max(int64_t dim, bool keepdim = false) const;
  at::Tensor mean(c10::optional<at::ScalarType> dtype = c10::nullopt) const;
  at::Tensor mean(at::OptionalIntArrayRef dim, bool keepdim = false, c10::optional<at::ScalarType> dtype = c10::nullopt) const;
  ::std::tuple<at::Tensor, at::Tensor> min(int64_t dim, bool keepdim = false) const;
  at::Tensor mm(const at::Tensor &mat2) const;
  at::Tensor mul(const at::Tensor &other) const;
  at::Tensor &mul_(const at::Tensor &other) const;
  at::Tensor mul(const at::Scalar &other) const;
  at::Tensor &mul_(const at::Scalar &other) const;
  at::Tensor narrow(int64_t dim, int64_t start, int64_t length) const;
  at::Tensor narrow(int64_t dim, const at::Tensor &start, int64_t length) const;
  at::Tensor ne(const at::Scalar &other) const;
  at::Tensor ne(const at::Tensor &other) const;
  at::Tensor neg() const;
  at::Tensor norm(const at::Scalar &p = 2) const;
  at::Tensor permute(at::IntArrayRef dims) const;
  at::Tensor reshape(at::IntArrayRef shape) const;
  at::Tensor reshape_as(const at::Tensor &other) const;
  at::Tensor relu() const;
  at::Tensor &relu_() const;
  at::Tensor round() const;
  at::Tensor rsqrt() const;
  at::Tensor select(int64_t dim, int64_t index) const;
  at::Tensor sigmoid() const;
  at::Tensor &sigmoid_() const;
  at::Tensor sin() const;
  at::Tensor slice(int64_t dim = 0, c10::optional<int64_t> start = c10::nullopt, c10::optional<int64_t> end = c10::nullopt, int64_t step = 1) const;
  at::Tensor softmax(int64_t dim, c10::optional<at::ScalarType> dtype = c10::nullopt) const;
  ::std::vector<at::Tensor> split(int64_t split_size, int64_t dim = 0) const;
  ::std::vector<at::Tensor> chunk(int64_t chunks, int64_t dim = 0) const;
  at::Tensor squeeze() const;
  at::Tensor squeeze(int64_t dim) const;
  at::Tensor &squeeze_() const;
  at::Tensor sum(c10::optional<at::ScalarType> dtype = c10::nullopt) const;
  at::Tensor sum(at::OptionalIntArrayRef dim, bool keepdim = false, c10::optional<at::ScalarType> dtype = c10::nullopt) const;
  at::Tensor sqrt() const;
  at::Tensor square() const;
  at::Tensor std(bool unbiased = true) const;
  at::Tensor std(at::OptionalIntArrayRef dim, bool unbiased = true, bool keepdim = false) const;
  at::Tensor std(at::OptionalIntArrayRef dim, c10::optional<int64_t> correction, bool keepdim = false) const;
  at::Tensor t() const;
  at::Tensor tanh() const;
  at::Tensor &tanh_() const;
  at::Tensor transpose(int64_t dim0, int64_t dim1) const;
  at::Tensor unsqueeze(int64_t dim) const;
  at::Tensor &unsqueeze_(int64_t dim) const;
  at::Tensor var(bool unbiased = true) const;
  at::Tensor &zero_() const;
  at::Tensor sub(const at::Tensor &other, const at::Scalar &alpha = 1) const;
  at::Tensor &sub_(const at::Tensor &other, const at::Scalar &alpha = 1) const;
  at::Tensor sub(const at::Scalar &other, const at::Scalar &alpha = 1) const;
  at::Tensor &sub_(const at::Scalar &other, const at::Scalar &alpha = 1) const;
  at::Tensor to(at::TensorOptions options = {}, bool non_blocking = false, bool copy = false, c10::optional<at::MemoryFormat> memory_format = c10::nullopt) const;
  at::Tensor to(c10::optional<at::ScalarType> dtype, c10::optional<at::Layout> layout, c10::optional<at::Device> device, c10::optional<bool> pin_memory, bool non_blocking, bool copy, c10::optional<at::MemoryFormat> memory_format) const;
  at::Tensor to(at::Device device, at::ScalarType dtype, bool non_blocking = false, bool copy = false, c10::optional<at::MemoryFormat> memory_format = c10::nullopt) const;
  at::Tensor to(at::ScalarType dtype, bool non_blocking = false, bool copy = false, c10::optional<at::MemoryFormat> memory_format = c10::nullopt) const;
  at::Tensor to(const at::Tensor &other, bool non_blocking = false, bool copy = false, c10::optional<at::MemoryFormat> memory_format = c10::nullopt) const;
  at::Tensor view(at::IntArrayRef size) const;
  at::Tensor view(at::ScalarType dtype) const;
  at::Tensor view_as(const at::Tensor &other) const;
  at::Tensor &uniform_(double from = 0, double to = 1, c10::optional<at::Generator> generator = c10::nullopt) const;
  at::Tensor &normal_(double mean = 0, double std = 1, c10::optional<at::Generator> generator = c10::nullopt) const;
  at::Tensor &bernoulli_(double p = 0.5, c10::optional<at::Generator> generator = c10::nullopt) const;
  at::Tensor min() const;
  at::Tensor max() const;
  at::Tensor max(const at::Tensor &other) const;
  at::Tensor min(const at::Tensor &other) const;
  ::std::tuple<at::Tensor, at::Tensor> sort(int64_t dim = -1, bool descending = false) const;
  ::std::tuple<at::Tensor, at::Tensor> topk(int64_t k, int64_t dim = -1, bool largest = true, bool sorted = true) const;
  at::Tensor pow(const at::Tensor &exponent) const;
  at::Tensor pow(const at::Scalar &exponent) const;
  at::Tensor &pow_(const at::Scalar &exponent) const;
};

// ATen/TensorOperators.h: free operators, both operand orders with Scalar.
#define GRADLINT_API_BINARY_OP(op)                                             \
  Tensor operator op(const Tensor &x, const Tensor &y);          \
  Tensor operator op(const Tensor &x, const Scalar &y);          \
  Tensor operator op(const Scalar &x, const Tensor &y);
GRADLINT_API_BINARY_OP(+)
GRADLINT_API_BINARY_OP(-)
GRADLINT_API_BINARY_OP(*)
GRADLINT_API_BINARY_OP(/)
GRADLINT_API_BINARY_OP(%)
GRADLINT_API_BINARY_OP(&)
GRADLINT_API_BINARY_OP(|)
GRADLINT_API_BINARY_OP(^)
GRADLINT_API_BINARY_OP(<)
GRADLINT_API_BINARY_OP(<=)
GRADLINT_API_BINARY_OP(>)
GRADLINT_API_BINARY_OP(>=)
GRADLINT_API_BINARY_OP(==)
GRADLINT_API_BINARY_OP(!=)
#undef GRADLINT_API_BINARY_OP

// ATen/core/Formatting.h
std::ostream &operator<<(std::ostream &out, const Tensor &t);
TORCH_API std::ostream &operator<<(std::ostream &out, Scalar s);

// ATen/core/grad_mode.h
using GradMode = c10::GradMode;
using AutoGradMode = c10::AutoGradMode;
using NoGradGuard = c10::NoGradGuard;

// ATen/Context.h
void manual_seed(uint64_t seed);

// ATen/Functions.h (ATen/ops/*.h): one declaration per real overload kept.
// Real ones are inline with bodies; here they are plain declarations so Clang
// does not warn about undefined inline/internal functions.
// Overload sets matter: Functional(torch::relu) only compiles because
// at::relu has exactly one overload.
at::Tensor abs(const at::Tensor &self);
at::Tensor adaptive_avg_pool2d(const at::Tensor &self, at::IntArrayRef output_size);
at::Tensor add(const at::Tensor &self, const at::Tensor &other, const at::Scalar &alpha = 1);
at::Tensor add(const at::Tensor &self, const at::Scalar &other, const at::Scalar &alpha = 1);
at::Tensor addmm(const at::Tensor &self, const at::Tensor &mat1, const at::Tensor &mat2, const at::Scalar &beta = 1, const at::Scalar &alpha = 1);
at::Tensor arange(const at::Scalar &end, at::TensorOptions options = {});
at::Tensor arange(const at::Scalar &start, const at::Scalar &end, at::TensorOptions options = {});
at::Tensor arange(const at::Scalar &start, const at::Scalar &end, const at::Scalar &step, at::TensorOptions options = {});
at::Tensor argmax(const at::Tensor &self, c10::optional<int64_t> dim = c10::nullopt, bool keepdim = false);
at::Tensor avg_pool2d(const at::Tensor &self, at::IntArrayRef kernel_size, at::IntArrayRef stride = {}, at::IntArrayRef padding = 0, bool ceil_mode = false, bool count_include_pad = true, c10::optional<int64_t> divisor_override = c10::nullopt);
at::Tensor batch_norm(const at::Tensor &input, const c10::optional<at::Tensor> &weight, const c10::optional<at::Tensor> &bias, const c10::optional<at::Tensor> &running_mean, const c10::optional<at::Tensor> &running_var, bool training, double momentum, double eps, bool cudnn_enabled);
at::Tensor binary_cross_entropy(const at::Tensor &self, const at::Tensor &target, const c10::optional<at::Tensor> &weight = {}, int64_t reduction = at::Reduction::Mean);
at::Tensor binary_cross_entropy_with_logits(const at::Tensor &self, const at::Tensor &target, const c10::optional<at::Tensor> &weight = {}, const c10::optional<at::Tensor> &pos_weight = {}, int64_t reduction = at::Reduction::Mean);
at::Tensor cat(const at::ITensorListRef &tensors, int64_t dim = 0);
at::Tensor cat(at::TensorList tensors, at::Dimname dim);
at::Tensor clamp(const at::Tensor &self, const c10::optional<at::Scalar> &min, const c10::optional<at::Scalar> &max = c10::nullopt);
at::Tensor clamp(const at::Tensor &self, const c10::optional<at::Tensor> &min = {}, const c10::optional<at::Tensor> &max = {});
at::Tensor conv2d(const at::Tensor &input, const at::Tensor &weight, const c10::optional<at::Tensor> &bias = {}, at::IntArrayRef stride = 1, at::IntArrayRef padding = 0, at::IntArrayRef dilation = 1, int64_t groups = 1);
at::Tensor cross_entropy_loss(const at::Tensor &self, const at::Tensor &target, const c10::optional<at::Tensor> &weight = {}, int64_t reduction = at::Reduction::Mean, int64_t ignore_index = -100, double label_smoothing = 0.0);
at::Tensor div(const at::Tensor &self, const at::Tensor &other);
at::Tensor div(const at::Tensor &self, const at::Scalar &other);
at::Tensor dropout(const at::Tensor &input, double p, bool train);
at::Tensor &dropout_(at::Tensor &self, double p, bool train);
at::Tensor elu(const at::Tensor &self, const at::Scalar &alpha = 1, const at::Scalar &scale = 1, const at::Scalar &input_scale = 1);
at::Tensor empty(at::IntArrayRef size, at::TensorOptions options = {}, c10::optional<at::MemoryFormat> memory_format = c10::nullopt);
at::Tensor exp(const at::Tensor &self);
at::Tensor eye(int64_t n, at::TensorOptions options = {});
at::Tensor flatten(const at::Tensor &self, int64_t start_dim = 0, int64_t end_dim = -1);
at::Tensor full(at::IntArrayRef size, const at::Scalar &fill_value, at::TensorOptions options = {});
at::Tensor gelu(const at::Tensor &self, c10::string_view approximate = "none");
at::Tensor hardtanh(const at::Tensor &self, const at::Scalar &min_val = -1, const at::Scalar &max_val = 1);
at::Tensor huber_loss(const at::Tensor &self, const at::Tensor &target, int64_t reduction = at::Reduction::Mean, double delta = 1.0);
at::Tensor kl_div(const at::Tensor &self, const at::Tensor &target, int64_t reduction = at::Reduction::Mean, bool log_target = false);
at::Tensor l1_loss(const at::Tensor &self, const at::Tensor &target, int64_t reduction = at::Reduction::Mean);
at::Tensor layer_norm(const at::Tensor &input, at::IntArrayRef normalized_shape, const c10::optional<at::Tensor> &weight = {}, const c10::optional<at::Tensor> &bias = {}, double eps = 1e-05, bool cudnn_enable = true);
at::Tensor leaky_relu(const at::Tensor &self, const at::Scalar &negative_slope = 0.01);
at::Tensor linear(const at::Tensor &input, const at::Tensor &weight, const c10::optional<at::Tensor> &bias = {});
at::Tensor linspace(const at::Scalar &start, const at::Scalar &end, int64_t steps, at::TensorOptions options = {});
at::Tensor log(const at::Tensor &self);
at::Tensor log_sigmoid(const at::Tensor &self);
at::Tensor log_softmax(const at::Tensor &self, int64_t dim, c10::optional<at::ScalarType> dtype = c10::nullopt);
at::Tensor log_softmax(const at::Tensor &self, at::Dimname dim, c10::optional<at::ScalarType> dtype = c10::nullopt);
at::Tensor matmul(const at::Tensor &self, const at::Tensor &other);
::std::tuple<at::Tensor, at::Tensor> max(const at::Tensor &self, int64_t dim, bool keepdim = false);
at::Tensor max(const at::Tensor &self);
at::Tensor max(const at::Tensor &self, const at::Tensor &other);
at::Tensor max_pool2d(const at::Tensor &self, at::IntArrayRef kernel_size, at::IntArrayRef stride = {}, at::IntArrayRef padding = 0, at::IntArrayRef dilation = 1, bool ceil_mode = false);
at::Tensor mean(const at::Tensor &self, c10::optional<at::ScalarType> dtype = c10::nullopt);
at::Tensor mean(const at::Tensor &self, at::OptionalIntArrayRef dim, bool keepdim = false, c10::optional<at::ScalarType> dtype = c10::nullopt);
::std::tuple<at::Tensor, at::Tensor> min(const at::Tensor &self, int64_t dim, bool keepdim = false);
at::Tensor min(const at::Tensor &self);
at::Tensor min(const at::Tensor &self, const at::Tensor &other);
at::Tensor mm(const at::Tensor &self, const at::Tensor &mat2);
at::Tensor mse_loss(const at::Tensor &self, const at::Tensor &target, int64_t reduction = at::Reduction::Mean);
at::Tensor mul(const at::Tensor &self, const at::Tensor &other);
at::Tensor mul(const at::Tensor &self, const at::Scalar &other);
at::Tensor nll_loss(const at::Tensor &self, const at::Tensor &target, const c10::optional<at::Tensor> &weight = {}, int64_t reduction = at::Reduction::Mean, int64_t ignore_index = -100);
at::Tensor ones(at::IntArrayRef size, at::TensorOptions options = {});
at::Tensor ones_like(const at::Tensor &self, at::TensorOptions options = {}, c10::optional<at::MemoryFormat> memory_format = c10::nullopt);
at::Tensor pow(const at::Tensor &self, const at::Tensor &exponent);
at::Tensor pow(const at::Scalar &self, const at::Tensor &exponent);
at::Tensor pow(const at::Tensor &self, const at::Scalar &exponent);
at::Tensor rand(at::IntArrayRef size, at::TensorOptions options = {});
at::Tensor randint(int64_t high, at::IntArrayRef size, at::TensorOptions options = at::kLong);
at::Tensor randint(int64_t low, int64_t high, at::IntArrayRef size, at::TensorOptions options = at::kLong);
at::Tensor randn(at::IntArrayRef size, at::TensorOptions options = {});
at::Tensor relu(const at::Tensor &self);
at::Tensor &relu_(at::Tensor &self);
at::Tensor relu6(const at::Tensor &self);
at::Tensor selu(const at::Tensor &self);
at::Tensor sigmoid(const at::Tensor &self);
at::Tensor &sigmoid_(at::Tensor &self);
at::Tensor silu(const at::Tensor &self);
at::Tensor smooth_l1_loss(const at::Tensor &self, const at::Tensor &target, int64_t reduction = at::Reduction::Mean, double beta = 1.0);
at::Tensor softmax(const at::Tensor &self, int64_t dim, c10::optional<at::ScalarType> dtype = c10::nullopt);
at::Tensor softmax(const at::Tensor &self, at::Dimname dim, c10::optional<at::ScalarType> dtype = c10::nullopt);
at::Tensor softplus(const at::Tensor &self, const at::Scalar &beta = 1, const at::Scalar &threshold = 20);
at::Tensor sqrt(const at::Tensor &self);
at::Tensor square(const at::Tensor &self);
at::Tensor stack(at::TensorList tensors, int64_t dim = 0);
at::Tensor sub(const at::Tensor &self, const at::Tensor &other, const at::Scalar &alpha = 1);
at::Tensor sub(const at::Tensor &self, const at::Scalar &other, const at::Scalar &alpha = 1);
at::Tensor sum(const at::Tensor &self, c10::optional<at::ScalarType> dtype = c10::nullopt);
at::Tensor sum(const at::Tensor &self, at::OptionalIntArrayRef dim, bool keepdim = false, c10::optional<at::ScalarType> dtype = c10::nullopt);
at::Tensor tanh(const at::Tensor &self);
at::Tensor &tanh_(at::Tensor &self);
at::Tensor transpose(const at::Tensor &self, int64_t dim0, int64_t dim1);
at::Tensor zeros(at::IntArrayRef size, at::TensorOptions options = {});
at::Tensor zeros_like(const at::Tensor &self, at::TensorOptions options = {}, c10::optional<at::MemoryFormat> memory_format = c10::nullopt);

} // namespace at
