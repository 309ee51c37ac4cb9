// gradlint bundled API model: declaration-only mirror of LibTorch 1.13; see lint/api/README.md
//
// torch/data/*.h: enough of datasets, transforms, samplers and the data
// loader that the MNIST examples compile, with the real class templates
// (MapDataset's batch type is what the transform's apply_batch returns).
#pragma once

#include <torch/arg.h>
#include <torch/types.h>

#include <functional>
#include <memory>

namespace torch {
namespace data {

template <typename Data = at::Tensor, typename Target = at::Tensor>
struct Example {
  using DataType = Data;
  using TargetType = Target;
  Example() = default;
  Example(Data data, Target target);
  Data data;
  Target target;
};

namespace transforms {
template <typename InputBatch, typename OutputBatch> class BatchTransform {
public:
  using InputBatchType = InputBatch;
  using OutputBatchType = OutputBatch;
  virtual ~BatchTransform() = default;
  virtual OutputBatch apply_batch(InputBatch input_batch) = 0;
};
template <typename Input, typename Output>
class Transform
    : public BatchTransform<std::vector<Input>, std::vector<Output>> {
public:
  using InputType = Input;
  using OutputType = Output;
  virtual OutputType apply(InputType input) = 0;
  std::vector<Output> apply_batch(std::vector<Input> input_batch) override;
};
template <typename Target = Tensor>
struct TensorTransform
    : public Transform<Example<Tensor, Target>, Example<Tensor, Target>> {
  using E = Example<Tensor, Target>;
  using typename Transform<E, E>::InputType;
  using typename Transform<E, E>::OutputType;
  virtual Tensor operator()(Tensor input) = 0;
  OutputType apply(InputType input) override;
};
template <typename Target = Tensor>
struct TensorLambda : public TensorTransform<Target> {
  using FunctionType = std::function<Tensor(Tensor)>;
  explicit TensorLambda(FunctionType function);
  Tensor operator()(Tensor input) override;
};
template <typename Target = Tensor>
struct Normalize : public TensorTransform<Target> {
  Normalize(ArrayRef<double> mean, ArrayRef<double> stddev);
  torch::Tensor operator()(Tensor input) override;
  torch::Tensor mean, stddev;
};
template <typename BatchType, typename T = std::vector<BatchType>>
using Collation = BatchTransform<T, BatchType>;
template <typename T = Example<>> struct Stack;
template <> struct Stack<Example<>> : public Collation<Example<>> {
  Example<> apply_batch(std::vector<Example<>> examples) override;
};
} // namespace transforms

namespace datasets {
template <typename S, typename T> class MapDataset;

template <typename Self, typename Batch = std::vector<Example<>>,
          typename BatchRequest = ArrayRef<size_t>>
class BatchDataset {
public:
  using SelfType = Self;
  using BatchType = Batch;
  using BatchRequestType = BatchRequest;
  constexpr static bool is_stateful = false;
  virtual ~BatchDataset() = default;
  virtual Batch get_batch(BatchRequest request) = 0;
  virtual optional<size_t> size() const = 0;
  template <typename TransformType>
  MapDataset<Self, TransformType> map(TransformType transform) &;
  template <typename TransformType>
  MapDataset<Self, TransformType> map(TransformType transform) &&;
};

template <typename Self, typename SingleExample = Example<>>
class Dataset : public BatchDataset<Self, std::vector<SingleExample>> {
public:
  using ExampleType = SingleExample;
  virtual ExampleType get(size_t index) = 0;
  std::vector<ExampleType> get_batch(ArrayRef<size_t> indices) override;
};

template <typename SourceDataset, typename AppliedTransform>
class MapDataset
    : public BatchDataset<
          MapDataset<SourceDataset, AppliedTransform>,
          decltype(std::declval<AppliedTransform>().apply_batch(
              std::declval<typename SourceDataset::BatchType>())),
          typename SourceDataset::BatchRequestType> {
public:
  using DatasetType = SourceDataset;
  using TransformType = AppliedTransform;
  using BatchRequestType = typename SourceDataset::BatchRequestType;
  using OutputBatchType = decltype(std::declval<AppliedTransform>().apply_batch(
      std::declval<typename SourceDataset::BatchType>()));
  MapDataset(DatasetType dataset, TransformType transform);
  OutputBatchType get_batch(BatchRequestType indices) override;
  optional<size_t> size() const noexcept override;
  const SourceDataset &dataset() noexcept;
  const AppliedTransform &transform() noexcept;
};

class TORCH_API MNIST : public Dataset<MNIST> {
public:
  enum class Mode { kTrain, kTest };
  explicit MNIST(const std::string &root, Mode mode = Mode::kTrain);
  Example<> get(size_t index) override;
  optional<size_t> size() const override;
  bool is_train() const noexcept;
  const Tensor &images() const;
  const Tensor &targets() const;
};

class TORCH_API TensorDataset : public Dataset<TensorDataset, Example<Tensor, Tensor>> {
public:
  TensorDataset(const std::vector<Tensor> &tensors);
  TensorDataset(torch::Tensor tensor);
  Example<Tensor, Tensor> get(size_t index) override;
  optional<size_t> size() const override;
};
} // namespace datasets

namespace samplers {
template <typename BatchRequest = std::vector<size_t>> class Sampler {
public:
  using BatchRequestType = BatchRequest;
  virtual ~Sampler() = default;
};
class TORCH_API RandomSampler : public Sampler<> {
public:
  explicit RandomSampler(int64_t size, Dtype index_dtype = torch::kInt64);
};
class TORCH_API SequentialSampler : public Sampler<> {
public:
  explicit SequentialSampler(size_t size);
};
} // namespace samplers

struct DataLoaderOptions {
  DataLoaderOptions() = default;
  /* implicit */ DataLoaderOptions(size_t batch_size);
  TORCH_ARG(size_t, batch_size) = 1;
  TORCH_ARG(size_t, workers) = 0;
  TORCH_ARG(optional<size_t>, max_jobs);
  TORCH_ARG(bool, enforce_ordering) = true;
  TORCH_ARG(bool, drop_last) = false;
};

template <typename Batch> class Iterator {
public:
  Batch &operator*();
  Batch *operator->();
  Iterator &operator++();
  bool operator==(const Iterator &other);
  bool operator!=(const Iterator &other);
};

template <typename Dataset, typename Batch, typename BatchRequest>
class DataLoaderBase {
public:
  using BatchType = Batch;
  using BatchRequestType = BatchRequest;
  virtual ~DataLoaderBase() = default;
  Iterator<Batch> begin();
  Iterator<Batch> end();
  void join();
  const DataLoaderOptions &options() const noexcept;
};

template <typename Dataset, typename Sampler>
class StatelessDataLoader
    : public DataLoaderBase<Dataset, typename Dataset::BatchType,
                            typename Sampler::BatchRequestType> {
public:
  StatelessDataLoader(Dataset dataset, Sampler sampler, DataLoaderOptions options);
};

template <typename Sampler = samplers::RandomSampler, typename Dataset>
std::unique_ptr<StatelessDataLoader<Dataset, Sampler>>
make_data_loader(Dataset dataset, Sampler sampler, DataLoaderOptions options);
template <typename Sampler = samplers::RandomSampler, typename Dataset>
std::unique_ptr<StatelessDataLoader<Dataset, Sampler>>
make_data_loader(Dataset dataset, DataLoaderOptions options = DataLoaderOptions());

} // namespace data
} // namespace torch
