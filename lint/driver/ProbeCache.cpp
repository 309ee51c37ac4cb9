//===- lint/driver/ProbeCache.cpp - Probe verdicts kept between runs ------===//

#include "lint/driver/ProbeCache.h"

#include "lint/driver/ResultCache.h"
#include "lint/report/IrJson.h"

#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"

#include <cstdio>
#include <cstdlib>

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

namespace gradlint::lint {

namespace {

/// A double as C99 hex, "%a": exact, and NaN and infinities survive.
std::string exact(double D) {
  char Buf[64];
  std::snprintf(Buf, sizeof Buf, "%a", D);
  return Buf;
}

std::optional<double> fromExact(const Value &V) {
  std::optional<llvm::StringRef> S = V.getAsString();
  if (!S)
    return std::nullopt;
  std::string T = S->str();
  char *End = nullptr;
  double D = std::strtod(T.c_str(), &End);
  if (End == T.c_str() || *End)
    return std::nullopt;
  return D;
}

std::string loc(const ir::SourceLoc &L) {
  return L.File + ":" + std::to_string(L.Line) + ":" +
         std::to_string(L.Column) + ":" + std::to_string(L.Offset);
}

} // namespace

std::string probeKey(const ir::Program &P,
                     const std::vector<ir::Finding> &Findings,
                     const probe::ProbeOptions &O) {
  std::string K = llvm::formatv("{0}", programToJson(P)).str() + "\n";
  K += "options " + std::to_string(O.Steps) + " " +
       std::to_string(O.MaxParameters) + " " + std::to_string(O.Seed) + " " +
       std::to_string(O.Seeds) + " " + exact(O.MaxMultiplyAdds) + " " +
       exact(O.MaxRunMultiplyAdds) + "\n";
  for (const ir::Finding &F : Findings) {
    K += "finding " + std::to_string(F.Claims.size()) + "\n";
    for (const ir::Claim &C : F.Claims) {
      const ir::Fix &X = C.TheFix;
      K += "claim " + std::to_string(static_cast<int>(C.What)) + " " +
           std::to_string(static_cast<int>(C.Cmp)) + " " + exact(C.Threshold) +
           " " + exact(C.FixFactor) + " " + std::to_string(C.ModelName.size()) +
           ":" + C.ModelName + " fix " + std::to_string(static_cast<int>(X.Kind)) +
           " " + (X.Value ? exact(*X.Value) : "none") + " " +
           std::to_string(static_cast<int>(X.NewAct)) + " " +
           std::to_string(X.Description.size()) + ":" + X.Description + " " +
           loc(X.InitLoc) + "\n";
    }
  }
  return K;
}

std::string verdictsToText(const std::vector<ir::Finding> &Findings) {
  Array All;
  for (const ir::Finding &F : Findings) {
    if (!F.Probe) {
      All.push_back(nullptr);
      continue;
    }
    const ir::Verdict &V = *F.Probe;
    Object AsWritten, Fixed;
    for (const auto &[K, X] : V.AsWritten)
      AsWritten[K] = exact(X);
    for (const auto &[K, X] : V.Fixed)
      Fixed[K] = exact(X);
    Array Assumptions;
    for (const std::string &A : V.Assumptions)
      Assumptions.push_back(A);
    All.push_back(Object{{"kind", static_cast<int>(V.Kind)},
                         {"summary", V.Summary},
                         {"as_written", std::move(AsWritten)},
                         {"fixed", std::move(Fixed)},
                         {"assumptions", std::move(Assumptions)},
                         {"seeds", V.Seeds},
                         {"seeds_confirming", V.SeedsConfirming}});
  }
  return llvm::formatv("{0}", Value(std::move(All))).str();
}

static bool readMeasurements(const Object *O, std::map<std::string, double> &M) {
  if (!O)
    return false;
  for (const auto &[K, V] : *O) {
    std::optional<double> D = fromExact(V);
    if (!D)
      return false;
    M[K.str()] = *D;
  }
  return true;
}

bool verdictsFromText(const std::string &Text,
                      std::vector<ir::Finding> &Findings) {
  llvm::Expected<Value> V = llvm::json::parse(Text);
  if (!V) {
    llvm::consumeError(V.takeError());
    return false;
  }
  const Array *All = V->getAsArray();
  if (!All || All->size() != Findings.size())
    return false;
  std::vector<std::optional<ir::Verdict>> Out;
  for (const Value &E : *All) {
    if (E.getAsNull()) {
      Out.push_back(std::nullopt);
      continue;
    }
    const Object *O = E.getAsObject();
    if (!O)
      return false;
    ir::Verdict R;
    std::optional<int64_t> Kind = O->getInteger("kind");
    std::optional<llvm::StringRef> Summary = O->getString("summary");
    std::optional<int64_t> Seeds = O->getInteger("seeds");
    std::optional<int64_t> Confirming = O->getInteger("seeds_confirming");
    const Array *Assumptions = O->getArray("assumptions");
    if (!Kind || *Kind < 0 ||
        *Kind > static_cast<int>(ir::VerdictKind::NotProbed) || !Summary ||
        !Seeds || !Confirming || !Assumptions ||
        !readMeasurements(O->getObject("as_written"), R.AsWritten) ||
        !readMeasurements(O->getObject("fixed"), R.Fixed))
      return false;
    R.Kind = static_cast<ir::VerdictKind>(*Kind);
    R.Summary = Summary->str();
    R.Seeds = static_cast<int>(*Seeds);
    R.SeedsConfirming = static_cast<int>(*Confirming);
    for (const Value &A : *Assumptions) {
      std::optional<llvm::StringRef> S = A.getAsString();
      if (!S)
        return false;
      R.Assumptions.push_back(S->str());
    }
    Out.push_back(std::move(R));
  }
  for (size_t I = 0; I < Findings.size(); ++I)
    Findings[I].Probe = std::move(Out[I]);
  return true;
}

bool probeWithCache(const ir::Program &P, std::vector<ir::Finding> &Findings,
                    const probe::ProbeOptions &O, const ResultCache &Cache) {
  if (!Cache.enabled()) {
    probe::probeFindings(P, Findings, O);
    return false;
  }
  std::string Key = probeKey(P, Findings, O);
  if (std::optional<std::string> Text = Cache.lookupProbe(Key))
    if (verdictsFromText(*Text, Findings))
      return true;
  probe::probeFindings(P, Findings, O);
  Cache.storeProbe(Key, verdictsToText(Findings));
  return false;
}

} // namespace gradlint::lint
