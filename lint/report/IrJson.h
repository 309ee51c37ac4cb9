//===- lint/report/IrJson.h - Model IR to and from JSON --------*- C++ -*-===//
//
// Every field of every IR struct, so `--dump-model` prints the IR and
// `gradlint probe model.json` reads it back losslessly. Also the JSON of a
// finding's probe verdict, shared by the JSON and SARIF reporters.
//
//===----------------------------------------------------------------------===//

#ifndef GRADLINT_LINT_REPORT_IRJSON_H
#define GRADLINT_LINT_REPORT_IRJSON_H

#include "rules/ir/Finding.h"
#include "rules/ir/Model.h"
#include "rules/ir/Status.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/JSON.h"

namespace gradlint::lint {

/// The version written as "version" in the model JSON.
constexpr int ModelJsonVersion = 1;

/// The whole Program as a JSON object: {"version", "models", "optimizers",
/// "trainings"}.
llvm::json::Value programToJson(const ir::Program &P);

/// Reads a Program back. A syntax error names line and column, a schema
/// error names the JSON path (`models[0].chain[2].kind`).
StatusOr<ir::Program> programFromJson(llvm::StringRef Text);

/// Reads a Program from parsed JSON as extracted from one file: the schema
/// is checked, the values' ranges are not (ir::dropInvalid does that after
/// the merge, as for a file just parsed).
StatusOr<ir::Program> programFromJsonValue(const llvm::json::Value &V);

/// A number, or null when it is not finite (JSON has no NaN).
llvm::json::Value jsonNumber(double D);

/// {"verdict", "summary", "measurements": {"as_written", "fixed"}}.
llvm::json::Value verdictToJson(const ir::Verdict &V);

} // namespace gradlint::lint

#endif // GRADLINT_LINT_REPORT_IRJSON_H
