// gradlint bundled API model: declaration-only mirror of LibTorch 1.13; see lint/api/README.md
#pragma once

#include <c10/api_model.h>

namespace torch {
/// torch/ordered_dict.h: what named_parameters()/named_modules() return;
/// iterating yields Items with key() and value().
template <typename Key, typename Value> class OrderedDict {
public:
  class Item {
  public:
    Item(Key key, Value value);
    Value &operator*();
    const Value &operator*() const;
    Value *operator->();
    const Value *operator->() const;
    const Key &key() const noexcept;
    Value &value() noexcept;
    const Value &value() const noexcept;
    const std::pair<Key, Value> &pair() const noexcept;
  };
  using Iterator = typename std::vector<Item>::iterator;
  using ConstIterator = typename std::vector<Item>::const_iterator;

  explicit OrderedDict(std::string key_description = "Key");
  OrderedDict(const OrderedDict &other);
  OrderedDict &operator=(const OrderedDict &other);
  OrderedDict(OrderedDict &&other) noexcept = default;
  OrderedDict &operator=(OrderedDict &&other) noexcept = default;
  OrderedDict(std::initializer_list<Item> initializer_list);
  Iterator begin();
  ConstIterator begin() const;
  Iterator end();
  ConstIterator end() const;
  Item &front();
  Item &back();
  Item &operator[](size_t index);
  const Item &operator[](size_t index) const;
  Value &operator[](const Key &key);
  const Value &operator[](const Key &key) const;
  Value *find(const Key &key) noexcept;
  const Value *find(const Key &key) const noexcept;
  bool contains(const Key &key) const noexcept;
  size_t size() const noexcept;
  bool is_empty() const noexcept;
  template <typename K, typename... Args> Value &insert(K &&key, Args &&...args);
  Value &insert(Key key, Value &&value);
  void erase(const Key &key);
  std::vector<Key> keys() const;
  std::vector<Value> values() const;
  std::vector<std::pair<Key, Value>> pairs() const;
};
} // namespace torch
