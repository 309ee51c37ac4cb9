//===- lint/driver/OptionFormats.h - Man page and completion ---*- C++ -*-===//
//
// The option table of --help (Options.h) rendered as a man page and as a bash
// completion script, so the three cannot drift apart. The build writes both
// with `gradlint --help-man` and `gradlint --bash-completion`.
//
//===----------------------------------------------------------------------===//

#ifndef GRADLINT_LINT_DRIVER_OPTIONFORMATS_H
#define GRADLINT_LINT_DRIVER_OPTIONFORMATS_H

#include <string>

namespace gradlint::lint {

/// gradlint(1) in roff (man(7) macros), for gradlint \p Version.
std::string manPage(const char *Version);

/// A bash completion script for gradlint: every option of --help, the
/// choices of `--opt=a|b`, files and folders where a value names one.
std::string bashCompletion();

} // namespace gradlint::lint

#endif // GRADLINT_LINT_DRIVER_OPTIONFORMATS_H
