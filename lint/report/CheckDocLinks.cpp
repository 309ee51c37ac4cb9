//===- lint/report/CheckDocLinks.cpp - The pages' addresses ---------------===//

#include "lint/report/CheckDocs.h"

#include "llvm/ADT/SmallVector.h"

#ifndef GRADLINT_DOCS_URL
#define GRADLINT_DOCS_URL "https://github.com/gradlint/gradlint/blob/main/docs/"
#endif

namespace gradlint::lint {

static std::string withSlash(llvm::StringRef Url) {
  std::string U = Url.str();
  if (U.empty() || U.back() != '/')
    U += '/';
  return U;
}

std::string defaultDocsUrl() { return withSlash(GRADLINT_DOCS_URL); }

std::string checkDocUrl(llvm::StringRef Check, llvm::StringRef DocsUrl) {
  return withSlash(DocsUrl) + "checks/" + Check.str() + ".md";
}

/// \p Target (relative to docs/checks/) resolved against \p DocsUrl.
static std::string resolve(llvm::StringRef Target, llvm::StringRef DocsUrl) {
  // Segments below docs/: start in checks/, '..' climbs, never above docs/.
  llvm::SmallVector<llvm::StringRef, 8> Dirs = {"checks"};
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  Target.split(Parts, '/');
  std::string Last;
  for (size_t I = 0; I < Parts.size(); ++I) {
    llvm::StringRef P = Parts[I];
    bool IsLast = I + 1 == Parts.size();
    if (P == "." || (P.empty() && !IsLast))
      continue;
    if (P == "..") {
      if (!Dirs.empty())
        Dirs.pop_back();
      continue;
    }
    if (IsLast)
      Last = P.str();
    else
      Dirs.push_back(P);
  }
  std::string Out = withSlash(DocsUrl);
  for (llvm::StringRef D : Dirs)
    Out += D.str() + "/";
  return Out + Last;
}

std::string absoluteLinks(llvm::StringRef Page, llvm::StringRef DocsUrl) {
  std::string Out;
  size_t Pos = 0;
  while (true) {
    size_t Open = Page.find("](", Pos);
    if (Open == llvm::StringRef::npos)
      break;
    size_t Start = Open + 2;
    size_t Close = Page.find(')', Start);
    if (Close == llvm::StringRef::npos)
      break;
    Out += Page.slice(Pos, Start).str();
    llvm::StringRef Target = Page.slice(Start, Close);
    // Absolute (a scheme), a fragment of this page, or a site-absolute
    // path: left as written.
    bool Relative = !Target.empty() && !Target.contains("://") &&
                    !Target.starts_with("#") && !Target.starts_with("/") &&
                    !Target.starts_with("mailto:") && !Target.contains(' ');
    Out += Relative ? resolve(Target, DocsUrl) : Target.str();
    Pos = Close;
  }
  Out += Page.drop_front(Pos).str();
  return Out;
}

} // namespace gradlint::lint
