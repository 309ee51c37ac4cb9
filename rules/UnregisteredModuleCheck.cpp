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
          Finding F = finding(
              Mem.Loc,
              fmt::format("tensor '{}' is used in forward() but never "
                          "registered; it is missing from parameters(), so "
                          "the optimizer never updates it (register_parameter, "
                          "or register_buffer for a constant)",
                          Mem.Name));
          prove(F, fmt::format("'{}' is not registered, so parameters() of "
                               "'{}' does not return it and no optimizer "
                               "built from parameters() can update it",
                               Mem.Name, M.Name));
          Ctx.report(std::move(F));
          continue;
        }
        if (!knownToHaveParameters(Mem.Kind))
          continue;
        Finding F = finding(
            Mem.Loc, fmt::format("submodule '{}' is used in forward() but "
                                 "never registered; its parameters are "
                                 "missing from parameters(), so the optimizer "
                                 "never updates them",
                                 Mem.Name));
        prove(F, fmt::format("'{}' is not registered, so parameters() of '{}' "
                             "does not return its weights and no optimizer "
                             "built from parameters() can update them",
                             Mem.Name, M.Name));
        // Where forward() applies it as a layer the probe trains the model
        // with that layer left out of the optimizer: its tensors stay put.
        bool InChain = false;
        for (const Layer &L : flatten(M.Chain))
          InChain |= L.Name == Mem.Name && hasParameters(L.Kind);
        if (InChain && M.ChainKnown)
          F.Claims.push_back(makeClaim(Metric::UnmovedShare, Compare::Greater,
                                       0, FixKind::None, "", M.Name));
        Ctx.report(std::move(F));
      }
    }
    for (const Layer &L : flatten(M.Chain)) {
      if (!L.BuiltInForward || !knownToHaveParameters(L.Kind))
        continue;
      Finding F = finding(
          L.Loc, fmt::format("{} is constructed inside forward(); it gets new "
                             "random weights on every call and the optimizer "
                             "never sees them",
                             describe(L)));
      prove(F, fmt::format("{} is a new module on every call of forward(): "
                           "its weights exist only during that call, so no "
                           "optimizer can hold or update them",
                           describe(L)));
      Ctx.report(std::move(F));
    }
  }
}

} // namespace gradlint::rules
