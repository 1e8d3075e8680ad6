// SPDX-License-Identifier: Apache-2.0
/// Witnesses: the note chains that explain a finding (created here, called
/// from here, forks here, used here in the child), shared between states and
/// summaries, and written out only for the witnesses that become findings.
#pragma once

#include "forksafe/Facts.h"
#include "forksafe/Finding.h"

#include <algorithm>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace forksafe {

/// How a link's note is written: most links stand for an event (a call on
/// the way, a use, a create) and their note is only written for the few
/// witnesses that become findings; the rest carry a written note.
enum class Recipe : uint8_t {
  Written,
  Call,       // 'f' called from here
  TypedCall,  // 'f' called through a pointer resolved by its type
  ChildCall,  // 'f' called from here in the child process
  TypedChildCall,
  Made,       // created / connected / reset here, by the event's kind
  OnceMade,   // a static local's initialiser created it
  FirstUse,   // a lazy handle connected by its first use
  MadeByCall, // the result of a factory stored into it
  Used,       // used here in the child process
  Closed,     // closed here in the child process
};

/// A witness: a note chain. Prefixing a call is one new link, so
/// explanations cost O(1) per call level instead of a copy of the chain.
struct Link {
  const Note *N;  // Recipe::Written
  const Event *E; // the other recipes
  Recipe R;
  const Link *Next;
  unsigned Size;
  const Location &loc() const { return N ? N->Loc : E->Loc; }
};
using Chain = const Link *; // nullptr: empty

inline unsigned sizeOf(Chain C) { return C ? C->Size : 0; }

/// The note of one link; Name is the handle as messages quote it.
Note noteOf(const Link &L, const std::string &Name);
void appendChain(std::vector<Note> &Out, Chain C, const std::string &Name);
const Link *lastOf(Chain C);

/// Notes, links and strings of one handle's analysis; everything a state
/// points to lives here until the handle's findings are built.
class Arena {
public:
  const Note *add(Note N) { return &Notes.emplace_back(std::move(N)); }
  Chain prefixed(const Note *First, Chain Rest) {
    return &Links.emplace_back(
        Link{First, nullptr, Recipe::Written, Rest, sizeOf(Rest) + 1});
  }
  Chain prefixed(Recipe R, const Event &E, Chain Rest) {
    return &Links.emplace_back(Link{nullptr, &E, R, Rest, sizeOf(Rest) + 1});
  }
  Chain single(const Note *N) { return prefixed(N, nullptr); }
  Chain single(Recipe R, const Event &E) { return prefixed(R, E, nullptr); }
  std::string_view intern(std::string S) {
    return Strings.emplace_back(std::move(S));
  }

private:
  std::deque<Note> Notes;
  std::deque<Link> Links;
  std::deque<std::string> Strings;
};

/// The handle is live in this process (it created it).
struct LiveW {
  bool FromInput = false; // the caller's: resolved when a summary is applied
  Chain Created = nullptr;
};

/// The handle was live when this process was forked off.
struct InhW {
  bool FromInput = false;
  bool CreatedFromInput = false;
  Chain Created = nullptr;
  Chain Fork = nullptr;
  std::string_view ForkApi;
  Chain Hooks = nullptr;       // framework: the pre-fork hook that created it
  std::string_view Framework; // framework id, for the message and the remedy
};

/// What may hold of the handle: live (L), inherited (I), each with a
/// witness.
struct HState {
  std::optional<LiveW> L;
  std::optional<InhW> I;
  int flags() const { return (L ? 1 : 0) | (I ? 2 : 0); }
  bool leq(const HState &O) const { return (!L || O.L) && (!I || O.I); }
  /// Adds Other's facts; returns whether anything new was added.
  bool join(const HState &O) {
    bool Changed = false;
    if (O.L && !L) {
      L = O.L;
      Changed = true;
    }
    if (O.I && !I) {
      I = O.I;
      Changed = true;
    }
    return Changed;
  }
};

/// What a path rests on, in one number so that joins keep the minimum and
/// witnesses rank by it: the top 4 bits count *choices* (that an indirect
/// call in a child runs one particular function of several it may reach,
/// where they differ in what they do to the handle), the low 12 bits branches on
/// values nothing decided. One choice is like one undecided branch: a
/// command table dispatched on input runs each of its handlers in some
/// run. A witness that needs two or more is latent (Infer Pulse's word),
/// reported only on request: it chains the field-based merges of the
/// points-to analysis (every object's 'cb' is one slot), which is how
/// real servers' event registries, pool cleanups and stream callbacks
/// invent paths that no object's history can take.
constexpr unsigned ChoiceUnit = 1u << 12;
constexpr unsigned MaxManifestChoices = 1;
inline uint16_t addAssumed(unsigned A, unsigned B) {
  unsigned Branches = std::min((A & 0xfffu) + (B & 0xfffu), 0xfffu);
  unsigned Choices = std::min((A >> 12) + (B >> 12), 0xfu);
  return uint16_t(Choices << 12 | Branches);
}
inline unsigned choicesOf(unsigned Assumed) { return Assumed >> 12; }
inline bool isLatent(unsigned Assumed) {
  return choicesOf(Assumed) > MaxManifestChoices;
}

/// A finding not yet reported: the inherited state and the path to the use
/// (or the harmful close).
struct Pending {
  InhW I;
  Chain Use = nullptr;
  bool Close = false; // forksafe-inherited-handle-close
  std::string Harm;
  unsigned Assumed = 0; // choices and branches on the way (addAssumed)
};

/// Prefers the witness with the fewest assumptions, then the shortest
/// explanation, then the earliest; stable across -j.
bool betterPending(const Pending &A, const Pending &B);
/// Where the child that inherits the handle is created, if known here: the
/// call into the function that forks (a fork wrapper's call site), or the
/// fork itself where the witness does not enter it through a call.
std::optional<Location> forkSiteOf(const Pending &P);

} // namespace forksafe
