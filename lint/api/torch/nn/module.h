// gradlint bundled API model: declaration-only mirror of LibTorch 1.13; see lint/api/README.md
//
// torch/nn/module.h, torch/nn/pimpl.h (ModuleHolder, TORCH_MODULE),
// torch/nn/cloneable.h. Templates keep trivial bodies where overload
// resolution or return-type deduction needs them.
#pragma once

#include <torch/ordered_dict.h>
#include <torch/serialize.h>
#include <torch/types.h>

#include <functional>
#include <memory>

namespace torch {
template <bool Condition, typename T = void>
using enable_if_t = typename std::enable_if<Condition, T>::type;
template <bool Condition, typename T = void>
using disable_if_t = enable_if_t<!Condition, T>;
template <typename T> using decay_t = typename std::decay<T>::type;

namespace nn {
class Module;
template <typename Contained> class ModuleHolder;
} // namespace nn

namespace detail {
// torch/csrc/api/include/torch/nn/pimpl-inl.h, torch/detail/static.h
struct ModuleHolderIndicator {};
template <typename T>
using is_module_holder = std::is_base_of<ModuleHolderIndicator, decay_t<T>>;
template <typename T>
using disable_if_module_holder_t = disable_if_t<is_module_holder<T>::value>;
template <bool is_module_holder_value, typename T, typename C>
struct is_module_holder_of_impl;
template <typename T, typename C>
struct is_module_holder_of_impl<false, T, C> : std::false_type {};
template <typename T, typename C>
struct is_module_holder_of_impl<true, T, C>
    : std::is_same<typename T::ContainedType, C> {};
template <typename T, typename C>
struct is_module_holder_of
    : is_module_holder_of_impl<is_module_holder<T>::value, decay_t<T>,
                               decay_t<C>> {};
template <typename T> struct has_forward {
  template <typename U>
  static std::true_type test(decltype(&U::forward));
  template <typename U> static std::false_type test(...);
  static constexpr bool value = decltype(test<T>(nullptr))::value;
};
template <bool has_forward_value, typename C, typename... Args>
struct return_type_of_forward_impl;
template <typename C, typename... Args>
struct return_type_of_forward_impl<true, C, Args...> {
  using type = decltype(::std::declval<C>().forward(::std::declval<Args>()...));
};
template <typename C, typename... Args>
struct return_type_of_forward_impl<false, C, Args...> {
  using type = void;
};
template <typename C, typename... Args>
using return_type_of_forward =
    return_type_of_forward_impl<torch::detail::has_forward<C>::value, C, Args...>;
template <typename C, typename... Args>
using return_type_of_forward_t =
    typename return_type_of_forward<C, Args...>::type;
template <typename M>
using is_module =
    std::is_base_of<torch::nn::Module, typename std::decay<M>::type>;
template <typename M, typename T = void>
using enable_if_module_t = typename std::enable_if<is_module<M>::value, T>::type;
} // namespace detail

namespace nn {

class TORCH_API Module : public std::enable_shared_from_this<Module> {
public:
  using ModuleApplyFunction = std::function<void(Module &)>;
  using ConstModuleApplyFunction = std::function<void(const Module &)>;
  using NamedModuleApplyFunction =
      std::function<void(const std::string &, Module &)>;
  using ConstNamedModuleApplyFunction =
      std::function<void(const std::string &, const Module &)>;
  using ModulePointerApplyFunction =
      std::function<void(const std::shared_ptr<Module> &)>;
  using NamedModulePointerApplyFunction =
      std::function<void(const std::string &, const std::shared_ptr<Module> &)>;

  explicit Module(std::string name);
  Module();
  virtual ~Module() = default;
  const std::string &name() const noexcept;
  virtual std::shared_ptr<Module> clone(const optional<Device> &device = nullopt) const;
  void apply(const ModuleApplyFunction &function);
  void apply(const ConstModuleApplyFunction &function) const;
  void apply(const NamedModuleApplyFunction &function,
             const std::string &name_prefix = std::string());
  void apply(const ConstNamedModuleApplyFunction &function,
             const std::string &name_prefix = std::string()) const;
  void apply(const ModulePointerApplyFunction &function) const;
  void apply(const NamedModulePointerApplyFunction &function,
             const std::string &name_prefix = std::string()) const;
  std::vector<Tensor> parameters(bool recurse = true) const;
  OrderedDict<std::string, Tensor> named_parameters(bool recurse = true) const;
  std::vector<Tensor> buffers(bool recurse = true) const;
  OrderedDict<std::string, Tensor> named_buffers(bool recurse = true) const;
  std::vector<std::shared_ptr<Module>> modules(bool include_self = true) const;
  OrderedDict<std::string, std::shared_ptr<Module>>
  named_modules(const std::string &name_prefix = std::string(),
                bool include_self = true) const;
  std::vector<std::shared_ptr<Module>> children() const;
  OrderedDict<std::string, std::shared_ptr<Module>> named_children() const;
  virtual void train(bool on = true);
  void eval();
  virtual bool is_training() const noexcept;
  virtual void to(torch::Device device, torch::Dtype dtype,
                  bool non_blocking = false);
  virtual void to(torch::Dtype dtype, bool non_blocking = false);
  virtual void to(torch::Device device, bool non_blocking = false);
  virtual void zero_grad(bool set_to_none = false);
  template <typename ModuleType>
  typename ModuleType::ContainedType *as() noexcept;
  template <typename ModuleType>
  const typename ModuleType::ContainedType *as() const noexcept;
  template <typename ModuleType,
            typename = torch::detail::disable_if_module_holder_t<ModuleType>>
  ModuleType *as() noexcept;
  template <typename ModuleType,
            typename = torch::detail::disable_if_module_holder_t<ModuleType>>
  const ModuleType *as() const noexcept;
  virtual void save(serialize::OutputArchive &archive) const;
  virtual void load(serialize::InputArchive &archive);
  virtual void pretty_print(std::ostream &stream) const;
  virtual bool is_serializable() const;
  Tensor &register_parameter(std::string name, Tensor tensor,
                             bool requires_grad = true);
  Tensor &register_buffer(std::string name, Tensor tensor);
  template <typename ModuleType>
  std::shared_ptr<ModuleType> register_module(std::string name,
                                              std::shared_ptr<ModuleType> module);
  template <typename ModuleType>
  std::shared_ptr<ModuleType>
  register_module(std::string name, ModuleHolder<ModuleType> module_holder);
  template <typename ModuleType>
  std::shared_ptr<ModuleType> replace_module(const std::string &name,
                                             std::shared_ptr<ModuleType> module);
  template <typename ModuleType>
  std::shared_ptr<ModuleType>
  replace_module(const std::string &name, ModuleHolder<ModuleType> module_holder);
  void unregister_module(const std::string &name);
};

TORCH_API std::ostream &operator<<(std::ostream &stream, const nn::Module &module);

template <typename Contained>
class ModuleHolder : torch::detail::ModuleHolderIndicator {
  // Real LibTorch stores std::shared_ptr<Contained> impl_ here. The model
  // declares the members only: instantiating std::shared_ptr<XImpl> for every
  // TORCH_MODULE class was most of the parse time of this header set. Templates
  // that may receive a lambda keep a (trivial) body: a function taking a type
  // without linkage must be defined in the translation unit.
public:
  using ContainedType = Contained;
  ModuleHolder();
  /* implicit */ ModuleHolder(std::nullptr_t);
  template <typename Head, typename... Tail,
            typename = typename std::enable_if<
                !(torch::detail::is_module_holder_of<Head, ContainedType>::value &&
                  (sizeof...(Tail) == 0))>::type>
  explicit ModuleHolder(Head &&head, Tail &&...tail) {}
  /* implicit */ ModuleHolder(std::shared_ptr<Contained> module);
  explicit operator bool() const noexcept;
  Contained *operator->();
  const Contained *operator->() const;
  Contained &operator*();
  const Contained &operator*() const;
  const std::shared_ptr<Contained> &ptr() const;
  Contained *get();
  const Contained *get() const;
  template <typename... Args>
  auto operator()(Args &&...args)
      -> torch::detail::return_type_of_forward_t<Contained, Args...> {
    return get()->forward(::std::forward<Args>(args)...);
  }
  template <typename Arg> decltype(auto) operator[](Arg &&arg) {
    return (*get())[::std::forward<Arg>(arg)];
  }
  bool is_empty() const noexcept;
};

template <typename ModuleType>
std::ostream &operator<<(std::ostream &stream,
                         const nn::ModuleHolder<ModuleType> &module);

/// torch/nn/cloneable.h: note the virtual base, as in real LibTorch.
template <typename Derived> class Cloneable : public virtual Module {
public:
  using Module::Module;
  virtual void reset() = 0;
  std::shared_ptr<Module>
  clone(const optional<Device> &device = nullopt) const override;
};

} // namespace nn
} // namespace torch

#define TORCH_UNUSED_EXCEPT_CUDA C10_UNUSED

#define TORCH_MODULE_IMPL(Name, ImplType)                                      \
  class Name : public torch::nn::ModuleHolder<ImplType> { /* NOLINT */         \
  public:                                                                      \
    using torch::nn::ModuleHolder<ImplType>::ModuleHolder;                     \
    using Impl TORCH_UNUSED_EXCEPT_CUDA = ImplType;                            \
  }

#define TORCH_MODULE(Name) TORCH_MODULE_IMPL(Name, Name##Impl)
