//===- rules/ir/Validate.h - The IR's values are in range ------*- C++ -*-===//
//
// The IR comes from two boundaries: the extractor (whatever the source
// says, `Conv2d(...).stride(0)`, `Linear(10, -5)`) and a model JSON (any
// bytes at all). Checks and the probe divide by strides, allocate
// In x Out weights and index by OptimizerIndex; they trust the IR. So each
// value is checked once, here, where it enters:
//
//  - sizes (In, Out, rows, features) are >= 1 and <= MaxSize;
//  - kernels and strides are >= 1, paddings >= 0, all <= MaxWindow;
//  - a dropout probability lies in [0, 1]; real numbers are finite;
//  - feature-block counts are >= 0; optimizer indices name an optimizer;
//  - lines and columns are <= MaxLine / MaxColumn;
//  - layers and step nodes nest at most MaxDepth deep.
//
//===----------------------------------------------------------------------===//

#ifndef GRADLINT_RULES_IR_VALIDATE_H
#define GRADLINT_RULES_IR_VALIDATE_H

#include "rules/ir/Model.h"
#include "rules/ir/Status.h"

#include <cstdint>
#include <string>
#include <vector>

namespace gradlint::ir {

struct Limits {
  static constexpr int64_t MaxSize = int64_t(1) << 30;
  static constexpr int64_t MaxWindow = int64_t(1) << 16;
  static constexpr unsigned MaxLine = 1u << 24;
  static constexpr unsigned MaxColumn = 1u << 20;
  static constexpr unsigned MaxDepth = 200;
};

/// The first value of \p P out of range, as a one-line error naming its
/// JSON path ("models[0].chain[2].stride: 0 is not positive"), else ok.
/// For a model JSON: the whole input is refused.
Status validate(const Program &P);

/// Makes every value of \p P that is out of range unknown (std::nullopt, -1,
/// 0 for a location) and returns one line per value,
/// "<file>:<line>:<col>: <what>; ignored". For extracted IR: the source
/// states something that cannot run, so checks and the probe stay quiet on
/// it rather than crash.
std::vector<std::string> dropInvalid(Program &P);

/// A lower bound of the trainable parameters of \p Chain (nested
/// Sequentials included), saturating at INT64_MAX, from the sizes the IR
/// states alone: the probe refuses a network over its limit before
/// allocating a single weight.
int64_t parameterLowerBound(const std::vector<Layer> &Chain);

} // namespace gradlint::ir

#endif // GRADLINT_RULES_IR_VALIDATE_H
