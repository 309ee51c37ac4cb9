// gradlint bundled API model: declaration-only mirror of LibTorch 1.13; see lint/api/README.md
//
// HAND-WRITTEN PRELUDE (see lint/api/README.md, "The prelude"): the c10
// vocabulary templates (optional, variant, string_view, ArrayRef) and the
// macros user code expands; everything else in lint/api is generated.
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

// ATen/core/IListRef.h: the list reference at::cat and at::stack take. The
// real one dispatches over boxed and unboxed storage through tag-specialised
// helper templates; this keeps the constructors user code relies on (from a
// braced list, or whatever constructs its ArrayRef: a vector, one element).
template <typename T> class IListRef {
public:
  using unboxed_type = ArrayRef<T>;
  IListRef();
  IListRef(const std::initializer_list<T> &list);
  template <typename... UnboxedConstructorArgs,
            typename = std::enable_if_t<std::is_constructible<
                unboxed_type, UnboxedConstructorArgs...>::value>>
  IListRef(UnboxedConstructorArgs &&...args) {}
  size_t size() const;
  bool empty() const;
};

} // namespace c10

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

// Copied from torch/arg.h: each TORCH_ARG(T, name) declares a setter
// name(const T&) and name(T&&) returning decltype(*this) (a reference to the
// options object), getters name() const / name(), and the member name_.
#define TORCH_ARG(T, name)                                              \
 public:                                                                \
  inline auto name(const T& new_##name)->decltype(*this) { /* NOLINT */ \
    this->name##_ = new_##name;                                         \
    return *this;                                                       \
  }                                                                     \
  inline auto name(T&& new_##name)->decltype(*this) { /* NOLINT */      \
    this->name##_ = std::move(new_##name);                              \
    return *this;                                                       \
  }                                                                     \
  inline const T& name() const noexcept { /* NOLINT */                  \
    return this->name##_;                                               \
  }                                                                     \
  inline T& name() noexcept { /* NOLINT */                              \
    return this->name##_;                                               \
  }                                                                     \
                                                                        \
 private:                                                               \
  T name##_ /* NOLINT */

#define TORCH_UNUSED_EXCEPT_CUDA C10_UNUSED

#define TORCH_MODULE_IMPL(Name, ImplType)                                      \
  class Name : public torch::nn::ModuleHolder<ImplType> { /* NOLINT */         \
  public:                                                                      \
    using torch::nn::ModuleHolder<ImplType>::ModuleHolder;                     \
    using Impl TORCH_UNUSED_EXCEPT_CUDA = ImplType;                            \
  }

#define TORCH_MODULE(Name) TORCH_MODULE_IMPL(Name, Name##Impl)
