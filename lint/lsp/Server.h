//===- lint/lsp/Server.h - gradlint as a language server -------*- C++ -*-===//
//
// `gradlint --lsp`: a Language Server Protocol server on stdin/stdout that
// publishes the command's diagnostics for a file when the editor opens or
// saves it, so gradlint shows up beside clangd. Edits between saves are not
// linted (the server reads the file from disk, as the command would).
//
//===----------------------------------------------------------------------===//

#ifndef GRADLINT_LINT_LSP_SERVER_H
#define GRADLINT_LINT_LSP_SERVER_H

#include <cstdio>

namespace gradlint::lint {

struct Options;

/// Serves until `exit`, or end of input; returns the process exit status
/// (0 after shutdown then exit, 1 otherwise, as the protocol asks). \p O
/// holds the options given beside --lsp, applied to every file linted.
int runLspServer(const Options &O, const char *Argv0,
                 std::FILE *In = stdin, std::FILE *Out = stdout);

} // namespace gradlint::lint

#endif // GRADLINT_LINT_LSP_SERVER_H
