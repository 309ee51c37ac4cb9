//===- lint/driver/FrameworkInstantiations.h - Skip framework bodies -*- C++ -*-===//
//
// Most of a warm parse against the real LibTorch headers is spent at the
// end of the translation unit, instantiating the bodies of function
// templates of the framework: the virtual members of every module class
// whose vtable the headers use (Cloneable<Conv1dImpl>::clone,
// ConvNdImpl<1, Conv1dImpl>::pretty_print, ...), register_module<LinearImpl>
// and the like. A compiler needs them for code; the extractors never read
// them (they read the user's code, and the instantiations of the user's
// templates). So, right before clang performs the pending instantiations,
// those that only involve framework code are dropped:
//
//  - the function's template pattern is framework code (not isUserLoc:
//    a system header, the API model, the LibTorch headers), and
//  - no template argument of it or of any template it is a member of
//    names a declaration of the user's code (a user class, enum, lambda or
//    function), so nothing of the user's is instantiated through it.
//
// Everything else is instantiated as before: the user's templates, and the
// framework's with the user's types (ModuleHolder<NetImpl>,
// std::make_shared<NetImpl>), which may instantiate the user's templates
// in turn and whose errors are the user's.
//
//===----------------------------------------------------------------------===//

#ifndef GRADLINT_LINT_DRIVER_FRAMEWORKINSTANTIATIONS_H
#define GRADLINT_LINT_DRIVER_FRAMEWORKINSTANTIATIONS_H

namespace clang {
class Sema;
class ValueDecl;
} // namespace clang

namespace gradlint::lint {

/// Whether \p D, a pending implicit instantiation, is a function whose
/// template pattern and template arguments are all framework code.
bool frameworkOnlyInstantiation(const clang::ValueDecl *D);

/// Makes \p S drop the framework-only pending instantiations at the end of
/// the translation unit (before it performs them). Call once a Sema exists
/// (SemaConsumer::InitializeSema).
void skipFrameworkInstantiations(clang::Sema &S);

} // namespace gradlint::lint

#endif // GRADLINT_LINT_DRIVER_FRAMEWORKINSTANTIATIONS_H
