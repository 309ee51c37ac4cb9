// gradlint bundled API model: declaration-only mirror of LibTorch 1.13; see lint/api/README.md
//
// The c10 core: ArrayRef, optional, variant, Scalar, ScalarType, Device,
// TensorOptions and the grad-mode guards. Real LibTorch spreads these over
// c10/util and c10/core; the qualified names here are the real ones.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <iosfwd>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#define TORCH_API
#define C10_API
#define C10_UNUSED __attribute__((__unused__))

namespace c10 {

// c10/util/Optional.h: c10's own optional, not std::optional, in 1.13.
struct nullopt_t {
  constexpr explicit nullopt_t(int) {}
};
constexpr nullopt_t nullopt{0};

template <class T> class optional {
public:
  constexpr optional() noexcept {}
  constexpr optional(nullopt_t) noexcept {}
  template <class U = T,
            class = std::enable_if_t<std::is_constructible<T, U &&>::value>>
  optional(U &&v);
  bool has_value() const noexcept;
  explicit operator bool() const noexcept;
  T &value() &;
  const T &value() const &;
  template <class U> T value_or(U &&v) const &;
  T &operator*() &;
  const T &operator*() const &;
  T *operator->();
  const T *operator->() const;
  void reset() noexcept;
};

// c10/util/variant.h: c10's own variant in 1.13.
template <class... Ts> class variant {
public:
  variant();
  template <class T, class = std::enable_if_t<std::disjunction<
                         std::is_convertible<T &&, Ts>...>::value>>
  variant(T &&v);
  std::size_t index() const noexcept;
};
template <class T, class... Ts> bool holds_alternative(const variant<Ts...> &v);
template <class T, class... Ts> T &get(variant<Ts...> &v);
template <class T, class... Ts> const T &get(const variant<Ts...> &v);

// c10/util/string_view.h
class string_view {
public:
  string_view() noexcept;
  string_view(const char *str);
  string_view(const std::string &str);
};

// c10/util/ArrayRef.h
template <typename T> class ArrayRef final {
public:
  using iterator = const T *;
  using const_iterator = const T *;
  using size_type = size_t;
  using value_type = T;
  ArrayRef();
  ArrayRef(const T &OneElt);
  ArrayRef(const T *data, size_t length);
  ArrayRef(const T *begin, const T *end);
  template <typename A> ArrayRef(const std::vector<T, A> &Vec);
  template <size_t N> ArrayRef(const T (&Arr)[N]);
  ArrayRef(const std::initializer_list<T> &Vec);
  iterator begin() const;
  iterator end() const;
  bool empty() const;
  const T *data() const;
  size_t size() const;
  const T &front() const;
  const T &back() const;
  const T &operator[](size_t Index) const;
  const T &at(size_t Index) const;
  std::vector<T> vec() const;
};
using IntArrayRef = ArrayRef<int64_t>;
template <typename T> std::ostream &operator<<(std::ostream &out, ArrayRef<T> list);

template <typename T> class OptionalArrayRef final {
public:
  OptionalArrayRef() noexcept;
  OptionalArrayRef(nullopt_t) noexcept;
  OptionalArrayRef(const ArrayRef<T> &ref);
  OptionalArrayRef(const std::vector<T> &vec);
  OptionalArrayRef(const std::initializer_list<T> &list);
  OptionalArrayRef(const T &value);
};

// c10/core/ScalarType.h
enum class ScalarType : int8_t {
  Byte, Char, Short, Int, Long, Half, Float, Double, ComplexHalf,
  ComplexFloat, ComplexDouble, Bool, QInt8, QUInt8, QInt32, BFloat16,
  QUInt4x2, QUInt2x4, Undefined, NumOptions
};
constexpr ScalarType kByte = ScalarType::Byte;
constexpr ScalarType kChar = ScalarType::Char;
constexpr ScalarType kShort = ScalarType::Short;
constexpr ScalarType kInt = ScalarType::Int;
constexpr ScalarType kLong = ScalarType::Long;
constexpr ScalarType kHalf = ScalarType::Half;
constexpr ScalarType kFloat = ScalarType::Float;
constexpr ScalarType kDouble = ScalarType::Double;
constexpr ScalarType kBool = ScalarType::Bool;
constexpr ScalarType kBFloat16 = ScalarType::BFloat16;
constexpr ScalarType kComplexFloat = ScalarType::ComplexFloat;
constexpr ScalarType kComplexDouble = ScalarType::ComplexDouble;

// c10/core/Layout.h, c10/core/MemoryFormat.h
enum class Layout : int8_t { Strided, Sparse, SparseCsr, Mkldnn, NumOptions };
constexpr auto kStrided = Layout::Strided;
constexpr auto kSparse = Layout::Sparse;
enum class MemoryFormat : int8_t { Contiguous, Preserve, ChannelsLast, ChannelsLast3d, NumOptions };

// c10/core/DeviceType.h, c10/core/Device.h
enum class DeviceType : int8_t { CPU = 0, CUDA = 1, MKLDNN = 2, OPENGL = 3, OPENCL = 4, IDEEP = 5, HIP = 6, FPGA = 7, ORT = 8, XLA = 9, Vulkan = 10, Metal = 11, XPU = 12, MPS = 13, Meta = 14 };
constexpr DeviceType kCPU = DeviceType::CPU;
constexpr DeviceType kCUDA = DeviceType::CUDA;
constexpr DeviceType kHIP = DeviceType::HIP;
constexpr DeviceType kXLA = DeviceType::XLA;
constexpr DeviceType kMPS = DeviceType::MPS;
constexpr DeviceType kMeta = DeviceType::Meta;
using DeviceIndex = int8_t;

struct C10_API Device final {
  /* implicit */ Device(DeviceType type, DeviceIndex index = -1);
  /* implicit */ Device(const std::string &device_string);
  bool operator==(const Device &other) const noexcept;
  bool operator!=(const Device &other) const noexcept;
  DeviceType type() const noexcept;
  DeviceIndex index() const noexcept;
  bool is_cuda() const noexcept;
  bool is_cpu() const noexcept;
  std::string str() const;
};
C10_API std::ostream &operator<<(std::ostream &stream, const Device &device);

// c10/core/Scalar.h
class C10_API Scalar {
public:
  Scalar();
  Scalar(double vv);
  Scalar(float vv);
  Scalar(int vv);
  Scalar(long vv);
  Scalar(long long vv);
  Scalar(unsigned char vv);
  Scalar(short vv);
  Scalar(bool vv);
  template <typename T> T to() const;
  double toDouble() const;
  float toFloat() const;
  int64_t toLong() const;
  int toInt() const;
  bool toBool() const;
  bool isFloatingPoint() const;
  bool isIntegral(bool includeBool) const;
};

// c10/core/TensorOptions.h
struct C10_API TensorOptions {
  TensorOptions();
  /* implicit */ TensorOptions(Layout layout);
  template <typename T, typename = std::enable_if_t<std::is_same<std::decay_t<T>, Device>::value>>
  /* implicit */ TensorOptions(T &&device);
  /* implicit */ TensorOptions(DeviceType device_type);
  /* implicit */ TensorOptions(ScalarType dtype);
  /* implicit */ TensorOptions(MemoryFormat memory_format);
  TensorOptions device(c10::optional<Device> device) const noexcept;
  TensorOptions device_index(int16_t device_index) const noexcept;
  TensorOptions dtype(c10::optional<ScalarType> dtype) const noexcept;
  template <typename T> TensorOptions &dtype();
  TensorOptions layout(c10::optional<Layout> layout) const noexcept;
  TensorOptions requires_grad(c10::optional<bool> requires_grad) const noexcept;
  TensorOptions pinned_memory(c10::optional<bool> pinned_memory) const noexcept;
  TensorOptions memory_format(c10::optional<MemoryFormat> memory_format) const noexcept;
  Device device() const noexcept;
  bool requires_grad() const noexcept;
  ScalarType dtype_as_scalar_type() const noexcept;
};
TensorOptions dtype(ScalarType dtype);
template <typename T> TensorOptions dtype();
TensorOptions layout(Layout layout);
TensorOptions device(Device device);
TensorOptions device_index(int16_t device_index);
TensorOptions requires_grad(bool requires_grad = true);
TensorOptions memory_format(MemoryFormat memory_format);

// c10/core/GradMode.h
struct TORCH_API GradMode {
  static bool is_enabled();
  static void set_enabled(bool enabled);
};
struct TORCH_API AutoGradMode {
  AutoGradMode(bool enabled);
  ~AutoGradMode();
  bool prev_mode;
};
struct TORCH_API NoGradGuard : public AutoGradMode {
  NoGradGuard();
};

// c10/core/InferenceMode.h
struct TORCH_API InferenceMode {
  InferenceMode(bool enabled = true);
  ~InferenceMode();
  static bool is_enabled();
};

} // namespace c10

// c10/macros/Macros.h: every c10 name is visible through at (and so torch).
namespace at {
using namespace c10;
} // namespace at

// Assertion macros of c10/util/Exception.h that user code calls directly.
// Only their arguments matter to the analysis: they are evaluated as
// expressions so that their types are checked as the real ones would be.
#ifndef TORCH_CHECK
#define TORCH_CHECK(cond, ...) ((void)(cond))
#define TORCH_INTERNAL_ASSERT(cond, ...) ((void)(cond))
#define AT_ASSERT(...) ((void)0)
#define AT_ERROR(...) ((void)0)
#define TORCH_WARN(...) ((void)0)
#endif
