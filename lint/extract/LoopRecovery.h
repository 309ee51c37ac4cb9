//===- lint/extract/LoopRecovery.h - Loops whose range did not resolve -*- C++ -*-===//
//
// Clang drops a range-for whose range does not resolve together with its
// body: in `for (auto &batch : *loader)` over a data loader built from a
// dataset class declared in an absent header, `auto &&__range = *loader`
// cannot be deduced, Sema returns an error for the whole statement and the
// body it parsed is thrown away. The training function then reads as empty.
//
// The recovery: find each range-for that is in the source of a function body
// but not in its AST, and parse the file again with that range (only the
// range) replaced by an array of an opaque type, __gradlint_unknown_t. The
// loop and its body are then kept; whatever uses the loop variable does not
// resolve and is an error again, which the extractors read as Unknown (the
// element type is touched by error, see touchedByError), and the code that
// does not depend on it (the optimizer's step(), the model's train()) is
// read as written. The replacement has the length of the text it replaces:
// every offset, line and column stays the user's.
//
//===----------------------------------------------------------------------===//

#ifndef GRADLINT_LINT_EXTRACT_LOOPRECOVERY_H
#define GRADLINT_LINT_EXTRACT_LOOPRECOVERY_H

#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace clang {
class ASTContext;
class QualType;
} // namespace clang

namespace gradlint::lint {

/// The range of a range-for Clang dropped: the text between its `:` and its
/// `)` in the main file.
struct DroppedRange {
  unsigned Offset = 0;
  unsigned Length = 0;
};

/// The range-fors of the main file that are in a function body's source but
/// not in the AST, outermost first (a loop inside a dropped loop is dropped
/// with it and is found, if its own range does not resolve either, in the
/// next parse). \p Applied are the replacements the parsed text already has
/// (a range dropped again is not returned again).
std::vector<DroppedRange>
findDroppedRangeFors(clang::ASTContext &Ctx,
                     const std::vector<DroppedRange> &Applied);

/// \p Original with each of \p Ranges replaced by the opaque range, padded
/// with blanks to the same length and keeping every line break.
std::string replaceDroppedRanges(llvm::StringRef Original,
                                 const std::vector<DroppedRange> &Ranges);

/// The header that declares the opaque range; force-included (-include)
/// into a parse that uses replaceDroppedRanges.
llvm::StringRef loopRecoveryPrelude();

/// Whether \p T is (a reference to, an array of) the opaque element type the
/// recovery put in place of a range's elements: it stands for a type that
/// did not resolve.
bool isRecoveredUnknownType(clang::QualType T);

} // namespace gradlint::lint

#endif // GRADLINT_LINT_EXTRACT_LOOPRECOVERY_H
