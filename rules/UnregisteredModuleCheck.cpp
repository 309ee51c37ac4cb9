//===- rules/UnregisteredModuleCheck.cpp - gradlint-unregistered-module ---===//

#include "rules/UnregisteredModuleCheck.h"

#include "rules/Chain.h"

#include <fmt/format.h>

namespace gradlint::rules {

using namespace ir;

UnregisteredModuleCheck::UnregisteredModuleCheck(OptionReader Options)
    : Check("gradlint-unregistered-module") {}

/// Known to hold trainable parameters (an unknown kind may be a module
/// without any: stay quiet).
static bool knownToHaveParameters(LayerKind K) {
  return K != LayerKind::Unknown && hasParameters(K);
}

void UnregisteredModuleCheck::check(Context &Ctx) const {
  for (const Model &M : Ctx.program().Models) {
    // Registration happens in the constructor; without it we cannot tell.
    if (M.ConstructorKnown) {
      for (const Member &Mem : M.Members) {
        if (!Mem.UsedInForward || Mem.Registered)
          continue;
        if (Mem.IsTensor) {
          Ctx.report(finding(
              Mem.Loc,
              fmt::format("tensor '{}' is used in forward() but never "
                          "registered; it is missing from parameters(), so "
                          "the optimizer never updates it (register_parameter, "
                          "or register_buffer for a constant)",
                          Mem.Name)));
          continue;
        }
        if (!knownToHaveParameters(Mem.Kind))
          continue;
        Ctx.report(finding(
            Mem.Loc, fmt::format("submodule '{}' is used in forward() but "
                                 "never registered; its parameters are "
                                 "missing from parameters(), so the optimizer "
                                 "never updates them",
                                 Mem.Name)));
      }
    }
    for (const Layer &L : flatten(M.Chain)) {
      if (!L.BuiltInForward || !knownToHaveParameters(L.Kind))
        continue;
      Ctx.report(finding(
          L.Loc, fmt::format("{} is constructed inside forward(); it gets new "
                             "random weights on every call and the optimizer "
                             "never sees them",
                             describe(L))));
    }
  }
}

} // namespace gradlint::rules
