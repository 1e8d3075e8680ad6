// SPDX-License-Identifier: Apache-2.0
/// A finding: one warning with its ordered notes, as every output format
/// prints it.
#pragma once

#include "forksafe/Facts.h"

#include <string>
#include <vector>

namespace forksafe {

struct Note {
  // OtherFork: another fork at which the handle is inherited too (not a
  // step of the reported path). Latent: what the path rests on (only on
  // findings reported with --report-latent).
  enum Kind : uint8_t {
    Created, Call, Fork, ChildCall, Use, Close, Remedy, Hook, OtherFork, Latent
  };
  Kind What = Call;
  Location Loc;
  std::string Message;
  // The note's fix-it: one or more edits, anywhere, applied all together or
  // not at all (checker/lib/Analysis/FixIts.cpp; the analysis makes
  // exit( -> _Exit( itself).
  std::vector<TextEdit> Edits;
};

struct Finding {
  std::string Check;     // e.g. "forksafe-inherited-handle"
  Location Loc;          // the handle variable's definition
  std::string Message;
  std::vector<Note> Notes;
  std::string HandleKey; // USR + member path: stable across line moves
  std::string HandleName;
  std::string Library;
  bool operator<(const Finding &O) const;
};

} // namespace forksafe
