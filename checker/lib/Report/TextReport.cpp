// SPDX-License-Identifier: Apache-2.0
#include "forksafe/Report.h"

namespace forksafe {

static void writeLocation(const Location &L, std::ostream &OS) {
  OS << L.File << ":" << L.Line << ":" << L.Column << ": ";
}

void writeText(const std::vector<Finding> &Findings, std::ostream &OS) {
  for (const Finding &F : Findings) {
    writeLocation(F.Loc, OS);
    OS << "warning: " << F.Message << " [" << F.Check << "]\n";
    for (const Note &N : F.Notes) {
      writeLocation(N.Loc, OS);
      OS << "note: " << N.Message << "\n";
    }
  }
}

} // namespace forksafe
