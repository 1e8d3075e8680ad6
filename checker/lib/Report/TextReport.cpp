// SPDX-License-Identifier: Apache-2.0
#include "forksafe/Checks.h"
#include "forksafe/Report.h"

namespace forksafe {

bool isError(const RunReport &R, const std::string &Check) {
  bool On = false;
  for (const std::string &G : R.ErrorChecks) {
    bool Negative = !G.empty() && G[0] == '-';
    if (globMatches(Negative ? G.substr(1) : G, Check))
      On = !Negative;
  }
  return On;
}

static void writeLocation(const Location &L, std::ostream &OS) {
  OS << L.File << ":" << L.Line << ":" << L.Column << ": ";
}

void writeText(const RunReport &R, std::ostream &OS) {
  for (const Finding &F : R.Findings) {
    writeLocation(F.Loc, OS);
    OS << (isError(R, F.Check) ? "error: " : "warning: ") << F.Message << " ["
       << F.Check << "]\n";
    for (const Note &N : F.Notes) {
      writeLocation(N.Loc, OS);
      OS << "note: " << N.Message << "\n";
    }
  }
}

} // namespace forksafe
