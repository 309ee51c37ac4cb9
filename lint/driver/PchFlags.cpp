//===- lint/driver/PchFlags.cpp - The flags that shape a PCH --------------===//

#include "lint/driver/PchFlags.h"
#include "lint/driver/SafeArgs.h"

#include "clang/Driver/Options.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Option/Arg.h"
#include "llvm/Option/ArgList.h"
#include "llvm/Option/OptTable.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace gradlint::lint {

namespace opts = clang::driver::options;
namespace fs = llvm::sys::fs;
namespace path = llvm::sys::path;

/// The include-folder flags whose value is a folder searched for headers.
static bool isSearchDir(const llvm::opt::Option &O) {
  switch (O.getID()) {
  case opts::OPT_I:
  case opts::OPT_isystem:
  case opts::OPT_idirafter:
  case opts::OPT_iquote:
  case opts::OPT_cxx_isystem:
  case opts::OPT_isystem_after:
  case opts::OPT_iframework:
    return true;
  default:
    return false;
  }
}

/// \p Dir made absolute against \p Directory (else the working directory).
static std::string absoluteDir(llvm::StringRef Dir, llvm::StringRef Directory) {
  llvm::SmallString<256> P(Dir);
  if (Directory.empty())
    fs::make_absolute(P);
  else
    fs::make_absolute(Directory, P);
  path::remove_dots(P, /*remove_dot_dot=*/true);
  return std::string(P);
}

/// The allow-listed flags of \p Args, parsed.
static llvm::opt::InputArgList parsed(const std::vector<std::string> &Safe) {
  std::vector<const char *> Argv;
  for (size_t I = 1; I < Safe.size(); ++I)
    Argv.push_back(Safe[I].c_str());
  unsigned MissingIndex = 0, MissingCount = 0;
  return clang::driver::getDriverOptTable().ParseArgs(
      Argv, MissingIndex, MissingCount,
      llvm::opt::Visibility(opts::ClangOption));
}

std::vector<std::string> searchDirs(const std::vector<std::string> &Args,
                                    llvm::StringRef Directory) {
  std::vector<std::string> Safe = safeCompileArgs(Args, InputArgs::Drop);
  llvm::opt::InputArgList List = parsed(Safe);
  std::vector<std::string> Out;
  for (const llvm::opt::Arg *A : List)
    if (isSearchDir(A->getOption()))
      Out.push_back(absoluteDir(A->getValue(), Directory));
  return Out;
}

std::optional<std::vector<std::string>>
pchFlags(const std::vector<std::string> &Args, llvm::StringRef Directory,
         llvm::function_ref<bool(llvm::StringRef)> KeepDir) {
  std::vector<std::string> Safe = safeCompileArgs(Args, InputArgs::Drop);
  llvm::opt::InputArgList List = parsed(Safe);
  std::vector<std::string> Out;
  for (const llvm::opt::Arg *A : List) {
    const llvm::opt::Option &O = A->getOption();
    if (O.matches(opts::OPT_include) || O.matches(opts::OPT_imacros) ||
        O.matches(opts::OPT_include_pch))
      return std::nullopt;
    if (O.matches(opts::OPT_INPUT) || O.matches(opts::OPT__DASH_DASH) ||
        O.matches(opts::OPT_x) || O.matches(opts::OPT_W_Group) ||
        O.matches(opts::OPT_w) || O.matches(opts::OPT_pedantic_Group))
      continue;
    if (isSearchDir(O)) {
      std::string Dir = absoluteDir(A->getValue(), Directory);
      if (KeepDir(Dir)) {
        Out.push_back(O.getPrefixedName().str());
        Out.push_back(Dir);
      }
      continue;
    }
    // Other search-path flags (-iprefix, -iwithprefix, ...) name folders
    // indirectly; the framework headers are never found through them.
    if (O.matches(opts::OPT_IncludePath_Group) &&
        !O.matches(opts::OPT_nostdinc) && !O.matches(opts::OPT_nostdincxx) &&
        !O.matches(opts::OPT_nobuiltininc) &&
        !O.matches(opts::OPT_stdlibxx_isystem) &&
        !O.matches(opts::OPT_isysroot))
      continue;
    llvm::opt::ArgStringList Rendered;
    A->render(List, Rendered);
    for (const char *S : Rendered)
      Out.emplace_back(S);
  }
  return Out;
}

} // namespace gradlint::lint
