//===- lint/driver/SafeArgs.cpp - Allow-listed compile flags --------------===//

#include "lint/driver/SafeArgs.h"

#include "clang/Driver/Options.h"
#include "llvm/Option/Arg.h"
#include "llvm/Option/ArgList.h"
#include "llvm/Option/OptTable.h"
#include "llvm/Support/Path.h"

namespace gradlint::lint {

namespace opts = clang::driver::options;

/// Whether \p A changes how a header parses and neither loads code nor
/// writes a file. An allow-list: a flag clang adds tomorrow is dropped
/// until someone decides it is safe.
static bool allowed(const llvm::opt::Arg &A) {
  const llvm::opt::Option &O = A.getOption();
  // Include paths, but neither a PCH of the command's own (gradlint brings
  // its own) nor a VFS overlay or API notes (both redirect file reads).
  if (O.matches(opts::OPT_include_pch) || O.matches(opts::OPT_ivfsoverlay) ||
      O.matches(opts::OPT_iapinotes_modules))
    return false;
  // The include-path group also holds the module flags: a prebuilt module
  // file is loaded code-like state, and a module cache is a place to write.
  if (O.matches(opts::OPT_fmodule_file) ||
      O.matches(opts::OPT_fmodules_cache_path) ||
      O.matches(opts::OPT_fprebuilt_module_path) ||
      O.matches(opts::OPT_fmodules_user_build_path))
    return false;
  if (O.matches(opts::OPT_IncludePath_Group))
    return true;
  // Warnings (they do not change the AST; gradlint silences them anyway,
  // but -Werror=... must not turn them into errors: -w comes later).
  if (O.matches(opts::OPT_W_Group) || O.matches(opts::OPT_w) ||
      O.matches(opts::OPT_pedantic_Group))
    return true;
  // Target and machine: predefined macros and type sizes. -mllvm is not in
  // m_Group.
  if (O.matches(opts::OPT_m_Group) || O.matches(opts::OPT_O_Group))
    return true;
  switch (O.getID()) {
  case opts::OPT_INPUT:
  case opts::OPT_D:
  case opts::OPT_U:
  case opts::OPT_std_EQ:
  case opts::OPT_x:
  case opts::OPT_ansi:
  case opts::OPT_trigraphs:
  case opts::OPT_stdlib_EQ:
  case opts::OPT__sysroot_EQ:
  case opts::OPT__sysroot:
  case opts::OPT_target:
  case opts::OPT_gcc_toolchain:
  case opts::OPT_pthread:
  // Language dialect and predefined-macro flags.
  case opts::OPT_fexceptions:
  case opts::OPT_fno_exceptions:
  case opts::OPT_fcxx_exceptions:
  case opts::OPT_fno_cxx_exceptions:
  case opts::OPT_frtti:
  case opts::OPT_fno_rtti:
  case opts::OPT_fchar8__t:
  case opts::OPT_fno_char8__t:
  case opts::OPT_fsigned_char:
  case opts::OPT_fno_signed_char:
  case opts::OPT_funsigned_char:
  case opts::OPT_fno_unsigned_char:
  case opts::OPT_fshort_wchar:
  case opts::OPT_fwchar_type_EQ:
  case opts::OPT_fms_extensions:
  case opts::OPT_fno_ms_extensions:
  case opts::OPT_fms_compatibility:
  case opts::OPT_fno_ms_compatibility:
  case opts::OPT_fms_compatibility_version:
  case opts::OPT_fdeclspec:
  case opts::OPT_fdelayed_template_parsing:
  case opts::OPT_fgnu_keywords:
  case opts::OPT_fno_gnu_keywords:
  case opts::OPT_fgnuc_version_EQ:
  case opts::OPT_fgnu89_inline:
  case opts::OPT_fno_operator_names:
  case opts::OPT_fcoroutines:
  case opts::OPT_fsized_deallocation:
  case opts::OPT_faligned_allocation:
  case opts::OPT_fblocks:
  case opts::OPT_ffast_math:
  case opts::OPT_fopenmp:
  case opts::OPT_fopenmp_EQ:
  case opts::OPT_fPIC:
  case opts::OPT_fpic:
  case opts::OPT_fPIE:
  case opts::OPT_fpie:
  case opts::OPT_fpermissive:
    return true;
  default:
    return false;
  }
}

std::vector<std::string> safeCompileArgs(const std::vector<std::string> &Args,
                                         InputArgs Inputs) {
  if (Args.empty())
    return {};
  std::vector<const char *> Argv;
  for (size_t I = 1; I < Args.size(); ++I)
    Argv.push_back(Args[I].c_str());
  unsigned MissingIndex = 0, MissingCount = 0;
  const llvm::opt::OptTable &Table = clang::driver::getDriverOptTable();
  llvm::opt::InputArgList List = Table.ParseArgs(
      Argv, MissingIndex, MissingCount,
      llvm::opt::Visibility(clang::driver::options::ClangOption));
  std::vector<std::string> Out;
  // The compiler name only picks the driver mode (C++ for clang++/g++);
  // nothing gradlint runs executes it.
  Out.push_back(Args.front());
  for (const llvm::opt::Arg *A : List) {
    // `-- file.cpp` (what interpolated database entries end with): all
    // that follows is an input.
    if (A->getOption().matches(opts::OPT__DASH_DASH)) {
      if (Inputs == InputArgs::Keep) {
        Out.push_back("--");
        for (const char *V : A->getValues())
          Out.emplace_back(V);
      }
      continue;
    }
    if (!allowed(*A))
      continue;
    if (A->getOption().getID() == opts::OPT_INPUT) {
      if (Inputs == InputArgs::Keep)
        Out.push_back(A->getValue());
      continue;
    }
    llvm::opt::ArgStringList Rendered;
    A->render(List, Rendered);
    for (const char *S : Rendered)
      Out.emplace_back(S);
  }
  return Out;
}

} // namespace gradlint::lint
