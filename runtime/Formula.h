//===- runtime/Formula.h - Targets the code computes from its input -*- C++ -*-===//
//
// Evaluates an ir::DataInfo::Formula (postfix: "@x @x * 1 +") on the probe's
// input batch, so the targets are the program's own function of its data
// instead of an invented teacher.
//
//===----------------------------------------------------------------------===//

#ifndef GRADLINT_RUNTIME_FORMULA_H
#define GRADLINT_RUNTIME_FORMULA_H

#include "rules/ir/Status.h"
#include "runtime/Tensor.h"

#include <string>
#include <vector>

namespace gradlint::probe {

/// Whether every tensor \p Formula names is \p Var (so it can be evaluated
/// on the input alone).
bool formulaOf(const std::vector<std::string> &Formula, const std::string &Var);

/// \p Formula evaluated with every named tensor bound to \p X (rows are
/// samples), broadcasting a single column against many like torch does.
StatusOr<Mat> evalFormula(const std::vector<std::string> &Formula, const Mat &X);

} // namespace gradlint::probe

#endif // GRADLINT_RUNTIME_FORMULA_H
