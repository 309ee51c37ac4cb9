//===- rules/Check.cpp - Check options and helpers ------------------------===//

#include "rules/Check.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>

namespace gradlint::rules {

const std::string *OptionReader::find(const std::string &Key) {
  auto It = Options.find(CheckName + "." + Key);
  return It == Options.end() ? nullptr : &It->second;
}

double OptionReader::get(const std::string &Key, double Default) {
  const std::string *V = find(Key);
  if (!V)
    return Default;
  char *End = nullptr;
  errno = 0;
  double D = std::strtod(V->c_str(), &End);
  if (V->empty() || *End != '\0' || errno != 0 || !std::isfinite(D)) {
    Errors.push_back("invalid value '" + *V + "' for option '" + CheckName +
                     "." + Key + "': expected a number");
    return Default;
  }
  // Every number option is a threshold, factor or magnitude: one whose
  // default is not negative cannot sensibly be.
  if (Default >= 0 && D < 0) {
    Errors.push_back("invalid value '" + *V + "' for option '" + CheckName +
                     "." + Key + "': expected a non-negative number");
    return Default;
  }
  return D;
}

int64_t OptionReader::get(const std::string &Key, int64_t Default) {
  const std::string *V = find(Key);
  if (!V)
    return Default;
  char *End = nullptr;
  errno = 0;
  long long I = std::strtoll(V->c_str(), &End, 10);
  if (V->empty() || *End != '\0' || errno != 0) {
    Errors.push_back("invalid value '" + *V + "' for option '" + CheckName +
                     "." + Key + "': expected an integer");
    return Default;
  }
  // Integer options are counts and depths.
  if (Default >= 0 && I < 0) {
    Errors.push_back("invalid value '" + *V + "' for option '" + CheckName +
                     "." + Key + "': expected a non-negative integer");
    return Default;
  }
  return I;
}

bool OptionReader::get(const std::string &Key, bool Default) {
  const std::string *V = find(Key);
  if (!V)
    return Default;
  if (*V == "true" || *V == "1" || *V == "True")
    return true;
  if (*V == "false" || *V == "0" || *V == "False")
    return false;
  Errors.push_back("invalid value '" + *V + "' for option '" + CheckName + "." +
                   Key + "': expected true or false");
  return Default;
}

std::string OptionReader::get(const std::string &Key, const char *Default) {
  const std::string *V = find(Key);
  return V ? *V : std::string(Default);
}

ir::Finding Check::finding(const ir::SourceLoc &Loc, std::string Message,
                           ir::Severity Sev) const {
  ir::Finding F;
  F.Check = Name;
  F.Sev = Sev;
  F.Loc = Loc;
  F.Message = std::move(Message);
  return F;
}

} // namespace gradlint::rules
