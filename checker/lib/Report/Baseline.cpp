// SPDX-License-Identifier: Apache-2.0
#include "forksafe/Baseline.h"
#include "forksafe/Report.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace forksafe {

bool writeBaseline(const std::string &Path, const std::vector<Finding> &Findings,
                   std::string &Error) {
  nlohmann::json Entries = nlohmann::json::array();
  for (const Finding &F : Findings) // readable entries, compared by fingerprint
    Entries.push_back({{"fingerprint", fingerprint(F)},
                       {"check", F.Check},
                       {"handle", F.HandleName},
                       {"message", F.Message}});
  nlohmann::json J = {{"format", "forksafe-baseline"},
                      {"version", 1},
                      {"findings", Entries}};
  std::ofstream Out(Path, std::ios::binary | std::ios::trunc);
  if (!Out) {
    Error = "cannot write baseline '" + Path + "'";
    return false;
  }
  Out << J.dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
      << "\n";
  Out.close();
  if (!Out) {
    Error = "cannot write baseline '" + Path + "'";
    return false;
  }
  return true;
}

bool readBaseline(const std::string &Path, std::set<std::string> &Fingerprints,
                  std::string &Error) {
  std::ifstream In(Path, std::ios::binary);
  if (!In) {
    Error = "cannot read baseline '" + Path + "'";
    return false;
  }
  std::stringstream Buf;
  Buf << In.rdbuf();
  nlohmann::json J = nlohmann::json::parse(Buf.str(), nullptr, false);
  if (J.is_discarded() || !J.is_object() ||
      J.value("format", "") != "forksafe-baseline" || !J.contains("findings") ||
      !J["findings"].is_array()) {
    Error = "'" + Path + "' is not a forksafe baseline";
    return false;
  }
  if (J.value("version", 0) != 1) {
    Error = "baseline '" + Path + "' has an unsupported version";
    return false;
  }
  for (const nlohmann::json &E : J["findings"]) {
    if (!E.is_object() || !E.contains("fingerprint") ||
        !E["fingerprint"].is_string()) {
      Error = "baseline '" + Path + "' has an entry without a fingerprint";
      return false;
    }
    Fingerprints.insert(E["fingerprint"].get<std::string>());
  }
  return true;
}

} // namespace forksafe
