//===- lint/lsp/Convert.h - Findings as LSP diagnostics --------*- C++ -*-===//
//
// The command's findings in the Language Server Protocol's terms: file
// paths as file:// URIs, 1-based byte columns as 0-based UTF-16 positions,
// notes as relatedInformation, the probe's verdict in the message.
//
//===----------------------------------------------------------------------===//

#ifndef GRADLINT_LINT_LSP_CONVERT_H
#define GRADLINT_LINT_LSP_CONVERT_H

#include "lint/report/Report.h"

#include "llvm/Support/JSON.h"

#include <map>
#include <optional>
#include <string>

namespace gradlint::lint {
class SourceCache;
}

namespace gradlint::lint::lsp {

/// The path of a `file://` URI (percent-decoded), or nullopt for any other
/// scheme or a URI that is not absolute.
std::optional<std::string> uriToPath(const std::string &Uri);

/// \p Path (absolute) as a `file://` URI, percent-encoding what RFC 3986
/// does not allow in a path.
std::string pathToUri(const std::string &Path);

/// The UTF-16 offset of 1-based byte column \p Column in \p Line.
unsigned utf16Column(llvm::StringRef Line, unsigned Column);

/// One finding as an LSP Diagnostic.
llvm::json::Object toDiagnostic(const ir::Finding &F, SourceCache &Sources);

/// The report's findings as LSP Diagnostics, by the canonical path of the
/// file they are in (a header's findings under the header).
std::map<std::string, llvm::json::Array> diagnosticsByFile(const Report &R,
                                                           SourceCache &Sources);

} // namespace gradlint::lint::lsp

#endif // GRADLINT_LINT_LSP_CONVERT_H
