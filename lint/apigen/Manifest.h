//===- lint/apigen/Manifest.h - What the bundled API model covers -*- C++ -*-===//
//
// The manifest names the LibTorch declarations the generated model emits and
// the file each goes to; the declarations themselves come from the AST of
// the real headers. Format: docs at the top of lint/apigen/manifest.txt.
//
//===----------------------------------------------------------------------===//

#ifndef GRADLINT_LINT_APIGEN_MANIFEST_H
#define GRADLINT_LINT_APIGEN_MANIFEST_H

#include <string>
#include <vector>

namespace gradlint::apigen {

enum class EntryKind {
  Include,   // include HEADER: an #include line in the current file
  Class,     // class Q [-member...]: a class (template) definition
  Forward,   // forward Q: a class (template) declaration
  Function,  // function Q: every namespace-scope overload of Q
  Functions, // functions NS REGEX: every function of NS whose name matches
  Classes,   // classes NS REGEX [!REGEX]: every class (template) of NS whose name matches
  All,       // all NS REGEX: every class, function, alias, enum and variable
  Enum,      // enum Q
  Alias,     // alias Q: a typedef, using-alias or alias template
  Var,       // var Q: a namespace-scope variable
  Omit,      // omit Q...: declarations left out however they are reached
  Substitute, // substitute FROM TO: text replacement in kept bodies
  Prelude,   // prelude Q...: names the hand-written prelude declares
  Using,     // using NS Q: `using namespace Q;` or `using Q;` as NS has it
};

struct Entry {
  EntryKind Kind;
  std::string Name;                 // qualified name, header, or namespace
  std::string Arg;                  // REGEX or using target
  std::string Unless;               // !REGEX: names the entry leaves out
  std::vector<std::string> Exclude; // -member for Class
  unsigned Line = 0;
};

struct OutputFile {
  std::string Path; // relative to lint/api
  std::vector<Entry> Entries;
};

struct Manifest {
  std::vector<OutputFile> Files;
};

/// Reads a manifest; on a malformed line returns false and sets Error.
bool parseManifest(const std::string &Text, Manifest &M, std::string &Error);

} // namespace gradlint::apigen

#endif
