// SPDX-License-Identifier: Apache-2.0
#include "forksafe/Report.h"

#include "llvm/Support/xxhash.h"

#include <cstdio>

namespace forksafe {

std::string fingerprint(const Finding &F) {
  // Messages name variables, functions and APIs but never lines or files,
  // so moving code keeps the fingerprint; changing what happens changes it.
  std::string Key = "forksafe/v1\n" + F.Check + "\n" + F.HandleKey + "\n";
  for (const Note &N : F.Notes)
    if (N.What != Note::Remedy && N.What != Note::OtherFork &&
        N.What != Note::Latent)
      Key += N.Message + "\n";
  char Buf[17];
  snprintf(Buf, sizeof Buf, "%016llx",
           static_cast<unsigned long long>(llvm::xxh3_64bits(Key)));
  return Buf;
}

} // namespace forksafe
