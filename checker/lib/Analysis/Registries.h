// SPDX-License-Identifier: Apache-2.0
/// Callbacks a framework keeps and runs by name (RegistryRule): ProFTPD's
/// pr_event_register(&m, "core.exit", on_exit, NULL) files 'on_exit' under
/// "core.exit", and pr_event_generate("core.connect", conn) runs the
/// callbacks filed under "core.connect" only. The points-to analysis sees
/// one function-pointer field that every registered callback is stored
/// into, so the dispatcher's indirect call reaches all of them; with the
/// names as values (string literals are constants, ValueExpr.h), the engine
/// drops the callbacks filed under other names where the dispatcher's key
/// is known.
#pragma once

#include "forksafe/Program.h"
#include "forksafe/Rules.h"

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace forksafe {

class CallbackRegistries {
public:
  CallbackRegistries(const Program &P, const RuleSet &Rules);

  /// The parameter a dispatcher's key arrives in, by function id, or that
  /// a function passes on as a dispatcher's key (or computes it from); -1
  /// for other functions. Kept apart in their contexts (like a post-fork
  /// hook's rank): a dispatch of "core.exit" must not be merged with one
  /// of "core.connect".
  int keyParam(uint32_t Fn) const {
    return Fn < KeyParam.size() ? KeyParam[Fn] : -1;
  }
  /// For an indirect call in a dispatcher's body: the dispatcher's key
  /// parameter, or -1 where Call is not such a call.
  int dispatchKeyParam(const Event &Call) const;
  /// Whether a dispatch with Key skips Fn: every registration of Fn names
  /// another constant key. (A function registered under a key that is not
  /// a constant, or never through the registry, may run.)
  bool skips(uint32_t Fn, int64_t Key) const;
  /// Whether a dispatch with Key certainly runs Fn (if it runs anything):
  /// Fn is filed under Key. A callback filed under a configured name runs
  /// only if the configuration names this key: an assumption.
  bool filedUnder(uint32_t Fn, int64_t Key) const;
  const std::vector<int8_t> &keyParams() const { return KeyParam; }

private:
  void keepDerivedKeys(const Program &P);
  bool keepHelperKeys(const Program &P, const Function &F,
                      const std::vector<bool> &Derived);
  std::vector<int8_t> KeyParam;
  std::unordered_map<const Event *, int> DispatchCalls;
  // Callbacks filed under constant keys only: their sorted keys.
  std::unordered_map<uint32_t, std::vector<int64_t>> KeysOf;
};

} // namespace forksafe
