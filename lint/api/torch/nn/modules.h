// gradlint bundled API model: declaration-only mirror of LibTorch 1.13; see lint/api/README.md
//
// torch/nn/modules/*.h and modules/container/*.h: each layer is XImpl, a
// Cloneable<XImpl> with forward() and public parameter members, plus
// TORCH_MODULE(X). Intermediate bases (ConvNdImpl, NormImplBase,
// _DropoutNd, AvgPoolImpl, MaxPoolImpl, RNNImplBase) are kept because
// members such as weight/bias are declared on them in real LibTorch.
#pragma once

#include <torch/nn/module.h>
#include <torch/nn/options.h>

namespace torch {
namespace nn {

// linear.h
class TORCH_API IdentityImpl : public Cloneable<IdentityImpl> {
public:
  template <typename... Args> IdentityImpl(Args &&...args) {}
  void reset() override;
  Tensor forward(const Tensor &input);
};
TORCH_MODULE(Identity);

class TORCH_API LinearImpl : public Cloneable<LinearImpl> {
public:
  LinearImpl(int64_t in_features, int64_t out_features);
  explicit LinearImpl(const LinearOptions &options_);
  void reset() override;
  void reset_parameters();
  Tensor forward(const Tensor &input);
  LinearOptions options;
  Tensor weight;
  Tensor bias;
};
TORCH_MODULE(Linear);

class TORCH_API FlattenImpl : public Cloneable<FlattenImpl> {
public:
  explicit FlattenImpl(const FlattenOptions &options_ = {});
  void reset() override;
  Tensor forward(const Tensor &input);
  FlattenOptions options;
};
TORCH_MODULE(Flatten);

class TORCH_API BilinearImpl : public Cloneable<BilinearImpl> {
public:
  BilinearImpl(int64_t in1_features, int64_t in2_features, int64_t out_features);
  explicit BilinearImpl(const BilinearOptions &options_);
  void reset() override;
  Tensor forward(const Tensor &input1, const Tensor &input2);
  BilinearOptions options;
  Tensor weight;
  Tensor bias;
};
TORCH_MODULE(Bilinear);

// conv.h
template <size_t D, typename Derived>
class ConvNdImpl : public torch::nn::Cloneable<Derived> {
public:
  explicit ConvNdImpl(detail::ConvNdOptions<D> options_);
  void reset() override;
  void reset_parameters();
  detail::ConvNdOptions<D> options;
  Tensor weight;
  Tensor bias;
};
class TORCH_API Conv1dImpl : public ConvNdImpl<1, Conv1dImpl> {
public:
  Conv1dImpl(int64_t input_channels, int64_t output_channels, ExpandingArray<1> kernel_size);
  explicit Conv1dImpl(Conv1dOptions options_);
  Tensor forward(const Tensor &input);
};
TORCH_MODULE(Conv1d);
class TORCH_API Conv2dImpl : public ConvNdImpl<2, Conv2dImpl> {
public:
  Conv2dImpl(int64_t input_channels, int64_t output_channels, ExpandingArray<2> kernel_size);
  explicit Conv2dImpl(Conv2dOptions options_);
  Tensor forward(const Tensor &input);
};
TORCH_MODULE(Conv2d);
class TORCH_API Conv3dImpl : public ConvNdImpl<3, Conv3dImpl> {
public:
  Conv3dImpl(int64_t input_channels, int64_t output_channels, ExpandingArray<3> kernel_size);
  explicit Conv3dImpl(Conv3dOptions options_);
  Tensor forward(const Tensor &input);
};
TORCH_MODULE(Conv3d);
template <size_t D, typename Derived>
class ConvTransposeNdImpl : public ConvNdImpl<D, Derived> {
public:
  using torch::nn::ConvNdImpl<D, Derived>::ConvNdImpl;
  explicit ConvTransposeNdImpl(detail::ConvNdOptions<D> options_);
};
class TORCH_API ConvTranspose1dImpl : public ConvTransposeNdImpl<1, ConvTranspose1dImpl> {
public:
  ConvTranspose1dImpl(int64_t input_channels, int64_t output_channels, ExpandingArray<1> kernel_size);
  explicit ConvTranspose1dImpl(ConvTranspose1dOptions options_);
  Tensor forward(const Tensor &input, const c10::optional<at::IntArrayRef> &output_size = c10::nullopt);
};
TORCH_MODULE(ConvTranspose1d);
class TORCH_API ConvTranspose2dImpl : public ConvTransposeNdImpl<2, ConvTranspose2dImpl> {
public:
  ConvTranspose2dImpl(int64_t input_channels, int64_t output_channels, ExpandingArray<2> kernel_size);
  explicit ConvTranspose2dImpl(ConvTranspose2dOptions options_);
  Tensor forward(const Tensor &input, const c10::optional<at::IntArrayRef> &output_size = c10::nullopt);
};
TORCH_MODULE(ConvTranspose2d);

// batchnorm.h, normalization.h
template <size_t D, typename Derived, typename DerivedOptions>
class NormImplBase : public torch::nn::Cloneable<Derived> {
public:
  NormImplBase(const DerivedOptions &options_);
  void reset() override;
  void reset_running_stats();
  void reset_parameters();
  DerivedOptions options;
  Tensor weight;
  Tensor bias;
  Tensor running_mean;
  Tensor running_var;
  Tensor num_batches_tracked;
};
template <size_t D, typename Derived>
class BatchNormImplBase : public NormImplBase<D, Derived, BatchNormOptions> {
public:
  using NormImplBase<D, Derived, BatchNormOptions>::NormImplBase;
  Tensor forward(const Tensor &input);
};
class TORCH_API BatchNorm1dImpl : public BatchNormImplBase<1, BatchNorm1dImpl> {
public:
  using BatchNormImplBase<1, BatchNorm1dImpl>::BatchNormImplBase;
};
TORCH_MODULE(BatchNorm1d);
class TORCH_API BatchNorm2dImpl : public BatchNormImplBase<2, BatchNorm2dImpl> {
public:
  using BatchNormImplBase<2, BatchNorm2dImpl>::BatchNormImplBase;
};
TORCH_MODULE(BatchNorm2d);
class TORCH_API BatchNorm3dImpl : public BatchNormImplBase<3, BatchNorm3dImpl> {
public:
  using BatchNormImplBase<3, BatchNorm3dImpl>::BatchNormImplBase;
};
TORCH_MODULE(BatchNorm3d);

class TORCH_API LayerNormImpl : public torch::nn::Cloneable<LayerNormImpl> {
public:
  LayerNormImpl(std::vector<int64_t> normalized_shape);
  explicit LayerNormImpl(const LayerNormOptions &options_);
  void reset() override;
  void reset_parameters();
  Tensor forward(const Tensor &input);
  LayerNormOptions options;
  Tensor weight;
  Tensor bias;
};
TORCH_MODULE(LayerNorm);
class TORCH_API GroupNormImpl : public torch::nn::Cloneable<GroupNormImpl> {
public:
  GroupNormImpl(int64_t num_groups, int64_t num_channels);
  explicit GroupNormImpl(const GroupNormOptions &options_);
  void reset() override;
  void reset_parameters();
  Tensor forward(const Tensor &input);
  GroupNormOptions options;
  Tensor weight;
  Tensor bias;
};
TORCH_MODULE(GroupNorm);

// dropout.h
namespace detail {
template <typename Derived>
class _DropoutNd : public torch::nn::Cloneable<Derived> {
public:
  _DropoutNd(double p);
  explicit _DropoutNd(const DropoutOptions &options_ = {});
  void reset() override;
  DropoutOptions options;
};
} // namespace detail
class TORCH_API DropoutImpl : public detail::_DropoutNd<DropoutImpl> {
public:
  using detail::_DropoutNd<DropoutImpl>::_DropoutNd;
  Tensor forward(Tensor input);
};
TORCH_MODULE(Dropout);
class TORCH_API Dropout2dImpl : public detail::_DropoutNd<Dropout2dImpl> {
public:
  using detail::_DropoutNd<Dropout2dImpl>::_DropoutNd;
  Tensor forward(Tensor input);
};
TORCH_MODULE(Dropout2d);
class TORCH_API Dropout3dImpl : public detail::_DropoutNd<Dropout3dImpl> {
public:
  using detail::_DropoutNd<Dropout3dImpl>::_DropoutNd;
  Tensor forward(Tensor input);
};
TORCH_MODULE(Dropout3d);

// embedding.h: Embedding is a hand-written holder with from_pretrained.
class TORCH_API EmbeddingImpl : public torch::nn::Cloneable<EmbeddingImpl> {
public:
  EmbeddingImpl(int64_t num_embeddings, int64_t embedding_dim);
  explicit EmbeddingImpl(const EmbeddingOptions &options_);
  void reset() override;
  void reset_parameters();
  Tensor forward(const Tensor &indices);
  EmbeddingOptions options;
  Tensor weight;
};
class Embedding : public torch::nn::ModuleHolder<EmbeddingImpl> {
public:
  using torch::nn::ModuleHolder<EmbeddingImpl>::ModuleHolder;
  static Embedding from_pretrained(const torch::Tensor &embeddings,
                                   const EmbeddingFromPretrainedOptions &options = {});
};

// rnn.h
namespace detail {
template <typename Derived>
class TORCH_API RNNImplBase : public torch::nn::Cloneable<Derived> {
public:
  void reset() override;
  void reset_parameters();
  void flatten_parameters();
  std::vector<Tensor> all_weights() const;
  std::vector<std::vector<std::string>> _flat_weights_names;
  std::vector<std::vector<Tensor>> _all_weights;
};
} // namespace detail
class TORCH_API RNNImpl : public detail::RNNImplBase<RNNImpl> {
public:
  RNNImpl(int64_t input_size, int64_t hidden_size);
  explicit RNNImpl(const RNNOptions &options_);
  std::tuple<Tensor, Tensor> forward(const Tensor &input, Tensor hx = {});
  RNNOptions options;
};
TORCH_MODULE(RNN);
class TORCH_API LSTMImpl : public detail::RNNImplBase<LSTMImpl> {
public:
  LSTMImpl(int64_t input_size, int64_t hidden_size);
  explicit LSTMImpl(const LSTMOptions &options_);
  std::tuple<Tensor, std::tuple<Tensor, Tensor>>
  forward(const Tensor &input,
          torch::optional<std::tuple<Tensor, Tensor>> hx_opt = {});
  LSTMOptions options;
};
TORCH_MODULE(LSTM);
class TORCH_API GRUImpl : public detail::RNNImplBase<GRUImpl> {
public:
  GRUImpl(int64_t input_size, int64_t hidden_size);
  explicit GRUImpl(const GRUOptions &options_);
  std::tuple<Tensor, Tensor> forward(const Tensor &input, Tensor hx = {});
  GRUOptions options;
};
TORCH_MODULE(GRU);

// pooling.h
template <size_t D, typename Derived>
class TORCH_API AvgPoolImpl : public torch::nn::Cloneable<Derived> {
public:
  AvgPoolImpl(ExpandingArray<D> kernel_size);
  explicit AvgPoolImpl(const AvgPoolOptions<D> &options_);
  void reset() override;
  AvgPoolOptions<D> options;
};
template <size_t D, typename Derived>
class TORCH_API MaxPoolImpl : public torch::nn::Cloneable<Derived> {
public:
  MaxPoolImpl(ExpandingArray<D> kernel_size);
  explicit MaxPoolImpl(const MaxPoolOptions<D> &options_);
  void reset() override;
  MaxPoolOptions<D> options;
};
template <size_t D, typename output_size_t, typename Derived>
class TORCH_API AdaptiveAvgPoolImpl : public torch::nn::Cloneable<Derived> {
public:
  AdaptiveAvgPoolImpl(output_size_t output_size);
  explicit AdaptiveAvgPoolImpl(const AdaptiveAvgPoolOptions<output_size_t> &options_);
  void reset() override;
  AdaptiveAvgPoolOptions<output_size_t> options;
};
class TORCH_API AvgPool1dImpl : public AvgPoolImpl<1, AvgPool1dImpl> {
public:
  using AvgPoolImpl<1, AvgPool1dImpl>::AvgPoolImpl;
  Tensor forward(const Tensor &input);
};
TORCH_MODULE(AvgPool1d);
class TORCH_API MaxPool1dImpl : public MaxPoolImpl<1, MaxPool1dImpl> {
public:
  using MaxPoolImpl<1, MaxPool1dImpl>::MaxPoolImpl;
  Tensor forward(const Tensor &input);
  std::tuple<Tensor, Tensor> forward_with_indices(const Tensor &input);
};
TORCH_MODULE(MaxPool1d);
class TORCH_API AvgPool2dImpl : public AvgPoolImpl<2, AvgPool2dImpl> {
public:
  using AvgPoolImpl<2, AvgPool2dImpl>::AvgPoolImpl;
  Tensor forward(const Tensor &input);
};
TORCH_MODULE(AvgPool2d);
class TORCH_API MaxPool2dImpl : public MaxPoolImpl<2, MaxPool2dImpl> {
public:
  using MaxPoolImpl<2, MaxPool2dImpl>::MaxPoolImpl;
  Tensor forward(const Tensor &input);
  std::tuple<Tensor, Tensor> forward_with_indices(const Tensor &input);
};
TORCH_MODULE(MaxPool2d);
class TORCH_API AvgPool3dImpl : public AvgPoolImpl<3, AvgPool3dImpl> {
public:
  using AvgPoolImpl<3, AvgPool3dImpl>::AvgPoolImpl;
  Tensor forward(const Tensor &input);
};
TORCH_MODULE(AvgPool3d);
class TORCH_API MaxPool3dImpl : public MaxPoolImpl<3, MaxPool3dImpl> {
public:
  using MaxPoolImpl<3, MaxPool3dImpl>::MaxPoolImpl;
  Tensor forward(const Tensor &input);
  std::tuple<Tensor, Tensor> forward_with_indices(const Tensor &input);
};
TORCH_MODULE(MaxPool3d);
class TORCH_API AdaptiveAvgPool1dImpl
    : public AdaptiveAvgPoolImpl<1, ExpandingArray<1>, AdaptiveAvgPool1dImpl> {
public:
  using AdaptiveAvgPoolImpl<1, ExpandingArray<1>, AdaptiveAvgPool1dImpl>::AdaptiveAvgPoolImpl;
  Tensor forward(const Tensor &input);
};
TORCH_MODULE(AdaptiveAvgPool1d);
class TORCH_API AdaptiveAvgPool2dImpl
    : public AdaptiveAvgPoolImpl<2, ExpandingArrayWithOptionalElem<2>, AdaptiveAvgPool2dImpl> {
public:
  using AdaptiveAvgPoolImpl<2, ExpandingArrayWithOptionalElem<2>, AdaptiveAvgPool2dImpl>::AdaptiveAvgPoolImpl;
  Tensor forward(const Tensor &input);
};
TORCH_MODULE(AdaptiveAvgPool2d);

// activation.h
class TORCH_API ELUImpl : public torch::nn::Cloneable<ELUImpl> {
public:
  explicit ELUImpl(const ELUOptions &options_ = {});
  Tensor forward(Tensor input);
  void reset() override;
  ELUOptions options;
};
TORCH_MODULE(ELU);
class TORCH_API SELUImpl : public torch::nn::Cloneable<SELUImpl> {
public:
  explicit SELUImpl(const SELUOptions &options_ = {});
  Tensor forward(Tensor input);
  void reset() override;
  SELUOptions options;
};
TORCH_MODULE(SELU);
class TORCH_API HardtanhImpl : public torch::nn::Cloneable<HardtanhImpl> {
public:
  explicit HardtanhImpl(const HardtanhOptions &options_ = {});
  Tensor forward(Tensor input);
  void reset() override;
  HardtanhOptions options;
};
TORCH_MODULE(Hardtanh);
class TORCH_API LeakyReLUImpl : public torch::nn::Cloneable<LeakyReLUImpl> {
public:
  explicit LeakyReLUImpl(const LeakyReLUOptions &options_ = {});
  Tensor forward(Tensor input);
  void reset() override;
  LeakyReLUOptions options;
};
TORCH_MODULE(LeakyReLU);
class TORCH_API LogSigmoidImpl : public torch::nn::Cloneable<LogSigmoidImpl> {
public:
  Tensor forward(const Tensor &input);
  void reset() override;
};
TORCH_MODULE(LogSigmoid);
class TORCH_API PReLUImpl : public torch::nn::Cloneable<PReLUImpl> {
public:
  explicit PReLUImpl(const PReLUOptions &options_ = {});
  Tensor forward(const Tensor &input);
  void reset() override;
  PReLUOptions options;
  Tensor weight;
};
TORCH_MODULE(PReLU);
class TORCH_API ReLUImpl : public torch::nn::Cloneable<ReLUImpl> {
public:
  explicit ReLUImpl(const ReLUOptions &options_ = {});
  Tensor forward(Tensor input);
  void reset() override;
  ReLUOptions options;
};
TORCH_MODULE(ReLU);
class TORCH_API ReLU6Impl : public torch::nn::Cloneable<ReLU6Impl> {
public:
  explicit ReLU6Impl(const ReLU6Options &options_ = {});
  Tensor forward(Tensor input);
  void reset() override;
  ReLU6Options options;
};
TORCH_MODULE(ReLU6);
class TORCH_API CELUImpl : public torch::nn::Cloneable<CELUImpl> {
public:
  explicit CELUImpl(const CELUOptions &options_ = {});
  Tensor forward(Tensor input);
  void reset() override;
  CELUOptions options;
};
TORCH_MODULE(CELU);
class TORCH_API GELUImpl : public torch::nn::Cloneable<GELUImpl> {
public:
  explicit GELUImpl(GELUOptions options_ = {});
  Tensor forward(const Tensor &input);
  void reset() override;
  GELUOptions options;
};
TORCH_MODULE(GELU);
class TORCH_API SiLUImpl : public torch::nn::Cloneable<SiLUImpl> {
public:
  Tensor forward(const Tensor &input);
  void reset() override;
};
TORCH_MODULE(SiLU);
class TORCH_API MishImpl : public torch::nn::Cloneable<MishImpl> {
public:
  Tensor forward(const Tensor &input);
  void reset() override;
};
TORCH_MODULE(Mish);
class TORCH_API SigmoidImpl : public torch::nn::Cloneable<SigmoidImpl> {
public:
  Tensor forward(const Tensor &input);
  void reset() override;
};
TORCH_MODULE(Sigmoid);
class TORCH_API SoftplusImpl : public torch::nn::Cloneable<SoftplusImpl> {
public:
  explicit SoftplusImpl(const SoftplusOptions &options_ = {});
  Tensor forward(const Tensor &input);
  void reset() override;
  SoftplusOptions options;
};
TORCH_MODULE(Softplus);
class TORCH_API SoftsignImpl : public torch::nn::Cloneable<SoftsignImpl> {
public:
  Tensor forward(const Tensor &input);
  void reset() override;
};
TORCH_MODULE(Softsign);
class TORCH_API TanhImpl : public torch::nn::Cloneable<TanhImpl> {
public:
  Tensor forward(const Tensor &input);
  void reset() override;
};
TORCH_MODULE(Tanh);
class TORCH_API TanhshrinkImpl : public torch::nn::Cloneable<TanhshrinkImpl> {
public:
  Tensor forward(const Tensor &input);
  void reset() override;
};
TORCH_MODULE(Tanhshrink);
class TORCH_API SoftmaxImpl : public torch::nn::Cloneable<SoftmaxImpl> {
public:
  explicit SoftmaxImpl(int64_t dim);
  explicit SoftmaxImpl(const SoftmaxOptions &options_);
  Tensor forward(const Tensor &input);
  void reset() override;
  SoftmaxOptions options;
};
TORCH_MODULE(Softmax);
class TORCH_API LogSoftmaxImpl : public torch::nn::Cloneable<LogSoftmaxImpl> {
public:
  explicit LogSoftmaxImpl(int64_t dim);
  explicit LogSoftmaxImpl(const LogSoftmaxOptions &options_);
  Tensor forward(const Tensor &input);
  void reset() override;
  LogSoftmaxOptions options;
};
TORCH_MODULE(LogSoftmax);
class TORCH_API ThresholdImpl : public torch::nn::Cloneable<ThresholdImpl> {
public:
  ThresholdImpl(double threshold, double value);
  explicit ThresholdImpl(const ThresholdOptions &options_);
  Tensor forward(Tensor input);
  void reset() override;
  ThresholdOptions options;
};
TORCH_MODULE(Threshold);

// loss.h: loss modules are declared as structs in real LibTorch.
struct TORCH_API L1LossImpl : Cloneable<L1LossImpl> {
  explicit L1LossImpl(const L1LossOptions &options_ = {});
  void reset() override;
  Tensor forward(const Tensor &input, const Tensor &target);
  L1LossOptions options;
};
TORCH_MODULE(L1Loss);
struct TORCH_API KLDivLossImpl : Cloneable<KLDivLossImpl> {
  explicit KLDivLossImpl(const KLDivLossOptions &options_ = {});
  void reset() override;
  Tensor forward(const Tensor &input, const Tensor &target);
  KLDivLossOptions options;
};
TORCH_MODULE(KLDivLoss);
struct TORCH_API MSELossImpl : Cloneable<MSELossImpl> {
  explicit MSELossImpl(const MSELossOptions &options_ = {});
  void reset() override;
  Tensor forward(const Tensor &input, const Tensor &target);
  MSELossOptions options;
};
TORCH_MODULE(MSELoss);
struct TORCH_API BCELossImpl : Cloneable<BCELossImpl> {
  explicit BCELossImpl(const BCELossOptions &options_ = {});
  void reset() override;
  Tensor forward(const Tensor &input, const Tensor &target);
  BCELossOptions options;
};
TORCH_MODULE(BCELoss);
struct TORCH_API SmoothL1LossImpl : Cloneable<SmoothL1LossImpl> {
  explicit SmoothL1LossImpl(const SmoothL1LossOptions &options_ = {});
  void reset() override;
  Tensor forward(const Tensor &input, const Tensor &target);
  SmoothL1LossOptions options;
};
TORCH_MODULE(SmoothL1Loss);
struct TORCH_API HuberLossImpl : Cloneable<HuberLossImpl> {
  explicit HuberLossImpl(const HuberLossOptions &options_ = {});
  void reset() override;
  Tensor forward(const Tensor &input, const Tensor &target);
  HuberLossOptions options;
};
TORCH_MODULE(HuberLoss);
struct TORCH_API NLLLossImpl : Cloneable<NLLLossImpl> {
  explicit NLLLossImpl(const NLLLossOptions &options_ = {});
  void reset() override;
  Tensor forward(const Tensor &input, const Tensor &target);
  NLLLossOptions options;
};
TORCH_MODULE(NLLLoss);
struct TORCH_API CrossEntropyLossImpl : Cloneable<CrossEntropyLossImpl> {
  explicit CrossEntropyLossImpl(const CrossEntropyLossOptions &options_ = {});
  void reset() override;
  Tensor forward(const Tensor &input, const Tensor &target);
  CrossEntropyLossOptions options;
};
TORCH_MODULE(CrossEntropyLoss);
struct TORCH_API BCEWithLogitsLossImpl : Cloneable<BCEWithLogitsLossImpl> {
  explicit BCEWithLogitsLossImpl(const BCEWithLogitsLossOptions &options_ = {});
  void reset() override;
  Tensor forward(const Tensor &input, const Tensor &target);
  BCEWithLogitsLossOptions options;
};
TORCH_MODULE(BCEWithLogitsLoss);

// container/any.h, container/named_any.h
class AnyModule {
public:
  AnyModule() = default;
  template <typename ModuleType>
  explicit AnyModule(std::shared_ptr<ModuleType> module);
  template <typename ModuleType,
            typename = torch::detail::enable_if_module_t<ModuleType>>
  explicit AnyModule(ModuleType &&module);
  template <typename ModuleType>
  explicit AnyModule(const ModuleHolder<ModuleType> &module_holder);
  AnyModule(AnyModule &&) = default;
  AnyModule &operator=(AnyModule &&) = default;
  AnyModule(const AnyModule &other);
  AnyModule &operator=(const AnyModule &other);
  template <typename ReturnType = torch::Tensor, typename... ArgumentTypes>
  ReturnType forward(ArgumentTypes &&...arguments);
  template <typename T, typename = torch::detail::enable_if_module_t<T>>
  T &get();
  std::shared_ptr<Module> ptr() const;
  template <typename T, typename = torch::detail::enable_if_module_t<T>>
  std::shared_ptr<T> ptr() const;
  bool is_empty() const noexcept;
};

class NamedAnyModule {
public:
  template <typename ModuleType>
  NamedAnyModule(std::string name, std::shared_ptr<ModuleType> module_ptr);
  template <typename M, typename = torch::detail::enable_if_module_t<M>>
  NamedAnyModule(std::string name, M &&module);
  template <typename M>
  NamedAnyModule(std::string name, const ModuleHolder<M> &module_holder);
  NamedAnyModule(std::string name, AnyModule any_module);
  const std::string &name() const noexcept;
  AnyModule &module() noexcept;
};

// container/sequential.h
class SequentialImpl : public Cloneable<SequentialImpl> {
public:
  using Iterator = std::vector<AnyModule>::iterator;
  using ConstIterator = std::vector<AnyModule>::const_iterator;
  SequentialImpl() = default;
  template <typename... Modules> explicit SequentialImpl(Modules &&...modules) {}
  explicit SequentialImpl(torch::OrderedDict<std::string, AnyModule> &&ordered_dict);
  explicit SequentialImpl(std::initializer_list<NamedAnyModule> named_modules);
  std::shared_ptr<Module> clone(const optional<Device> &device = nullopt) const override;
  void reset() override;
  void pretty_print(std::ostream &stream) const override;
  template <typename ReturnType = Tensor, typename... InputTypes>
  ReturnType forward(InputTypes &&...inputs);
  template <typename ModuleType>
  void push_back(std::shared_ptr<ModuleType> module_ptr);
  template <typename ModuleType>
  void push_back(std::string name, std::shared_ptr<ModuleType> module_ptr);
  template <typename M, typename = torch::detail::enable_if_module_t<M>>
  void push_back(M &&module);
  template <typename M, typename = torch::detail::enable_if_module_t<M>>
  void push_back(std::string name, M &&module);
  template <typename M> void push_back(const ModuleHolder<M> &module_holder);
  template <typename M>
  void push_back(std::string name, const ModuleHolder<M> &module_holder);
  template <typename Container> void extend(const Container &container);
  void push_back(AnyModule any_module);
  void push_back(std::string name, AnyModule any_module);
  Iterator begin();
  ConstIterator begin() const;
  Iterator end();
  ConstIterator end() const;
  template <typename T> T &at(size_t index);
  template <typename T> const T &at(size_t index) const;
  std::shared_ptr<Module> ptr(size_t index) const;
  template <typename T> std::shared_ptr<T> ptr(size_t index) const;
  std::shared_ptr<Module> operator[](size_t index) const;
  size_t size() const noexcept;
  bool is_empty() const noexcept;
};
class Sequential : public torch::nn::ModuleHolder<SequentialImpl> {
public:
  using torch::nn::ModuleHolder<SequentialImpl>::ModuleHolder;
  Sequential();
  Sequential(std::initializer_list<NamedAnyModule> named_modules);
};

// container/functional.h
class TORCH_API FunctionalImpl : public torch::nn::Cloneable<FunctionalImpl> {
public:
  using Function = std::function<Tensor(Tensor)>;
  explicit FunctionalImpl(Function function);
  template <typename SomeFunction, typename... Args,
            typename = torch::enable_if_t<(sizeof...(Args) > 0)>>
  explicit FunctionalImpl(SomeFunction original_function, Args &&...args)
      : function_(std::bind(original_function, std::placeholders::_1,
                            std::forward<Args>(args)...)) {}
  void reset() override;
  void pretty_print(std::ostream &stream) const override;
  Tensor forward(Tensor input);
  Tensor operator()(Tensor input);
  bool is_serializable() const override;

private:
  Function function_;
};
TORCH_MODULE(Functional);

// container/modulelist.h
class ModuleListImpl : public Cloneable<ModuleListImpl> {
public:
  using Iterator = std::vector<std::shared_ptr<Module>>::iterator;
  using ConstIterator = std::vector<std::shared_ptr<Module>>::const_iterator;
  ModuleListImpl() = default;
  template <typename... Modules> explicit ModuleListImpl(Modules &&...modules) {}
  void reset() override;
  void push_back(std::shared_ptr<Module> module);
  template <typename M, typename = torch::detail::enable_if_module_t<M>>
  void push_back(M &&module);
  template <typename M> void push_back(const ModuleHolder<M> &module_holder);
  template <typename Container> void extend(const Container &container);
  Iterator begin();
  ConstIterator begin() const;
  Iterator end();
  ConstIterator end() const;
  template <typename T> T &at(size_t index);
  std::shared_ptr<Module> ptr(size_t index) const;
  template <typename T> std::shared_ptr<T> ptr(size_t index) const;
  std::shared_ptr<Module> operator[](size_t index) const;
  size_t size() const noexcept;
  bool is_empty() const noexcept;
};
TORCH_MODULE(ModuleList);

// container/moduledict.h
class ModuleDictImpl : public Cloneable<ModuleDictImpl> {
public:
  using Iterator = torch::OrderedDict<std::string, std::shared_ptr<Module>>::Iterator;
  using ConstIterator = torch::OrderedDict<std::string, std::shared_ptr<Module>>::ConstIterator;
  ModuleDictImpl() = default;
  explicit ModuleDictImpl(const std::vector<std::pair<std::string, std::shared_ptr<Module>>> &modules);
  explicit ModuleDictImpl(const torch::OrderedDict<std::string, std::shared_ptr<Module>> &modules);
  void reset() override;
  std::vector<std::string> keys() const;
  std::vector<std::shared_ptr<Module>> values() const;
  Iterator begin();
  ConstIterator begin() const;
  Iterator end();
  ConstIterator end() const;
  size_t size() const noexcept;
  bool empty() const noexcept;
  bool contains(const std::string &key) const noexcept;
  void clear();
  template <typename T> T &at(const std::string &key);
  std::shared_ptr<Module> operator[](const std::string &key) const;
  template <typename M> std::shared_ptr<M> insert(const std::string &key, std::shared_ptr<M> module);
  template <typename M> std::shared_ptr<M> insert(const std::string &key, ModuleHolder<M> module);
  std::shared_ptr<Module> pop(const std::string &key);
};
TORCH_MODULE(ModuleDict);

} // namespace nn
} // namespace torch
