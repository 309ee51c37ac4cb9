//===- lint/report/JsonReport.cpp - The public JSON report ----------------===//
//
// A public interface, documented in docs/usage.md: keys and their order are
// stable; new keys may be added, none removed or renamed within version 1.
//
//===----------------------------------------------------------------------===//

#include "lint/report/IrJson.h"
#include "lint/report/Report.h"

#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

namespace gradlint::lint {

void writeJson(llvm::raw_ostream &OS, const Report &R) {
  llvm::json::OStream J(OS, 2);
  J.object([&] {
    J.attribute("version", 1);
    J.attributeArray("findings", [&] {
      for (const ir::Finding &F : R.Findings) {
        J.object([&] {
          J.attribute("check", F.Check);
          J.attribute("severity", std::string(ir::name(F.Sev)));
          J.attribute("message", F.Message);
          J.attribute("file", F.Loc.File);
          J.attribute("line", F.Loc.Line);
          J.attribute("column", F.Loc.Column);
          J.attributeArray("notes", [&] {
            for (const ir::Note &N : F.Notes)
              J.object([&] {
                J.attribute("file", N.Loc.File);
                J.attribute("line", N.Loc.Line);
                J.attribute("column", N.Loc.Column);
                J.attribute("message", N.Message);
              });
          });
          J.attributeArray("fixes", [&] {
            for (const ir::FixIt &X : F.Fixes)
              J.object([&] {
                J.attribute("file", X.Loc.File);
                J.attribute("offset", X.Loc.Offset);
                J.attribute("length", X.Length);
                J.attribute("replacement", X.Replacement);
              });
          });
          if (F.Probe)
            J.attribute("probe", verdictToJson(*F.Probe));
          else
            J.attribute("probe", nullptr);
        });
      }
    });
    J.attributeArray("errors", [&] {
      for (const FileError &E : R.Errors)
        J.object([&] {
          J.attribute("file", E.File);
          J.attribute("message", E.Message);
        });
    });
    J.attributeArray("partial", [&] {
      for (const PartialFile &P : R.Partial)
        J.object([&] {
          J.attribute("file", P.File);
          J.attribute("line", P.Loc.Line);
          J.attribute("column", P.Loc.Column);
          J.attribute("reason", P.Reason);
          J.attributeArray("missing_headers", [&] {
            for (const std::string &H : P.MissingHeaders)
              J.value(H);
          });
          if (P.FirstError.empty())
            J.attribute("first_error", nullptr);
          else
            J.attribute("first_error", P.FirstError);
          J.attribute("error_count", P.Errors);
        });
    });
  });
  OS << '\n';
}

} // namespace gradlint::lint
