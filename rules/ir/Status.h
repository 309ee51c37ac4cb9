//===- rules/ir/Status.h - Fallible results without exceptions -*- C++ -*-===//

#ifndef GRADLINT_RULES_IR_STATUS_H
#define GRADLINT_RULES_IR_STATUS_H

#include <cassert>
#include <optional>
#include <string>
#include <utility>

namespace gradlint {

/// Success, or a one-line error message.
class [[nodiscard]] Status {
public:
  static Status ok() { return Status(); }
  static Status error(std::string Message) {
    Status S;
    S.Message = std::move(Message);
    S.Failed = true;
    return S;
  }
  bool isOk() const { return !Failed; }
  explicit operator bool() const { return !Failed; }
  const std::string &message() const { return Message; }

private:
  std::string Message;
  bool Failed = false;
};

/// A value, or the Status that explains why there is none.
template <typename T> class [[nodiscard]] StatusOr {
public:
  StatusOr(T Value) : Value(std::move(Value)) {}
  StatusOr(Status S) : Err(std::move(S)) { assert(!Err.isOk()); }
  bool isOk() const { return Value.has_value(); }
  explicit operator bool() const { return isOk(); }
  const Status &status() const { return Err; }
  T &operator*() { return *Value; }
  const T &operator*() const { return *Value; }
  T *operator->() { return &*Value; }
  const T *operator->() const { return &*Value; }

private:
  std::optional<T> Value;
  Status Err = Status::ok();
};

} // namespace gradlint

#endif // GRADLINT_RULES_IR_STATUS_H
