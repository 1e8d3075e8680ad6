// SPDX-License-Identifier: Apache-2.0
// Callback registries keyed by name: which callbacks a dispatch can run.
#include "Registries.h"

#include <algorithm>
#include <charconv>
#include <optional>
#include <string_view>

namespace forksafe {

namespace {

/// A constant argument's value ("k<int>"); nullopt for anything else.
std::optional<int64_t> constantArg(const Event &Call, int Index) {
  for (const auto &[I, V] : Call.ArgValues) {
    if (I != Index || V.size() < 2 || V[0] != 'k')
      continue;
    int64_t K = 0;
    auto [End, Err] = std::from_chars(V.data() + 1, V.data() + V.size(), K);
    if (Err == std::errc() && End == V.data() + V.size())
      return K;
  }
  return std::nullopt;
}

/// The function a function-pointer argument names ("&USR"), or null.
const Function *functionArg(const Program &P, const Event &Call, int Index) {
  for (const auto &[I, Source] : Call.SlotArgs)
    if (I == Index && Source.size() > 1 && Source[0] == '&')
      if (auto It = P.Functions.find(Source.substr(1)); It != P.Functions.end())
        return It->second;
  return nullptr;
}

/// The places (indices into the function's Places) an expression reads.
void placesIn(const std::string &Expr, std::vector<unsigned> &Out) {
  for (size_t I = 0; I + 1 < Expr.size(); ++I)
    if (Expr[I] == 'p' && Expr[I + 1] >= '0' && Expr[I + 1] <= '9' &&
        (I == 0 || Expr[I - 1] == '(' || Expr[I - 1] == ',')) {
      unsigned V = 0;
      size_t J = I + 1;
      for (; J < Expr.size() && Expr[J] >= '0' && Expr[J] <= '9'; ++J)
        V = V * 10 + unsigned(Expr[J] - '0');
      Out.push_back(V);
      I = J - 1;
    }
}

/// Which places of F carry a value computed from its parameter Param: the
/// parameter itself, what is assigned from such a place, and the results
/// of calls that get one as an argument ('name = event_name(type)').
std::vector<bool> derivedFrom(const Function &F, int Param) {
  std::vector<bool> D(F.Places.size(), false);
  for (size_t I = 0; I < F.Places.size(); ++I)
    D[I] = F.Places[I].Kind == HandleRef::Param &&
           F.Places[I].ParamIndex == Param && F.Places[I].Path.empty();
  std::vector<unsigned> Read;
  auto reads = [&](const std::string &Expr) {
    Read.clear();
    placesIn(Expr, Read);
    for (unsigned R : Read)
      if (R < D.size() && D[R])
        return true;
    return false;
  };
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (const Block &B : F.Blocks)
      for (const Event &E : B.Events) {
        int Into = -1;
        if (E.Kind == EventKind::Assign && reads(E.Value))
          Into = E.Dst;
        else if (E.Kind == EventKind::Call && E.Result >= 0)
          for (const auto &[I, V] : E.ArgValues)
            if (reads(V))
              Into = E.Result;
        if (Into >= 0 && size_t(Into) < D.size() && !D[size_t(Into)])
          Changed = D[size_t(Into)] = true;
      }
  }
  return D;
}

std::string_view calleeName(const Program &P, const Event &Call) {
  if (auto It = P.Functions.find(Call.Callee); It != P.Functions.end())
    return It->second->Name;
  return Call.CalleeName;
}

} // namespace

CallbackRegistries::CallbackRegistries(const Program &P, const RuleSet &Rules) {
  KeyParam.assign(P.ById.size(), -1);
  if (Rules.Registries.empty())
    return;
  // Unkeyed: registered somewhere under a key that is not a constant.
  std::vector<bool> Unkeyed(P.ById.size(), false);
  for (const Function *F : P.ById)
    for (const Block &B : F->Blocks)
      for (const Event &E : B.Events) {
        if (E.Kind != EventKind::Call || E.Callee.empty())
          continue;
        std::string_view Name = calleeName(P, E);
        for (const RegistryRule &R : Rules.Registries) {
          if (Name != R.Register)
            continue;
          const Function *Cb = functionArg(P, E, R.RegisterCallbackArg);
          if (!Cb)
            continue; // not a known function: nothing to tell apart
          uint32_t Id = P.idOf(*Cb);
          if (std::optional<int64_t> Key = constantArg(E, R.RegisterKeyArg)) {
            std::vector<int64_t> &Keys = KeysOf[Id];
            if (!std::binary_search(Keys.begin(), Keys.end(), *Key))
              Keys.insert(std::upper_bound(Keys.begin(), Keys.end(), *Key),
                          *Key);
          } else {
            Unkeyed[Id] = true;
          }
        }
      }
  for (uint32_t Id = 0; Id < Unkeyed.size(); ++Id)
    if (Unkeyed[Id])
      KeysOf.erase(Id);
  // The dispatchers: their indirect calls run what the registry holds.
  for (const Function *F : P.ById)
    for (const RegistryRule &R : Rules.Registries) {
      if (F->Name != R.Dispatch || R.DispatchKeyArg >= F->NumParams ||
          R.DispatchKeyArg > INT8_MAX)
        continue;
      KeyParam[P.idOf(*F)] = int8_t(R.DispatchKeyArg);
      for (const Block &B : F->Blocks)
        for (const Event &E : B.Events)
          if (E.Kind == EventKind::Call && E.Callee.empty())
            DispatchCalls[&E] = R.DispatchKeyArg;
    }
  keepDerivedKeys(P);
}

void CallbackRegistries::keepDerivedKeys(const Program &P) {
  // A function that passes its parameter (or a value computed from it) on
  // as a dispatcher's key also keeps its contexts apart by that parameter:
  // 'pr_log_event_generate(type, ...)' dispatches the name of 'type', and
  // a context reduced to "any type" would run every log event's handlers.
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (const Function *F : P.ById) {
      uint32_t Id = P.idOf(*F);
      if (KeyParam[Id] >= 0 || F->NumParams == 0)
        continue;
      for (int Param = 0;
           Param < F->NumParams && Param <= INT8_MAX && KeyParam[Id] < 0;
           ++Param) {
        std::vector<bool> Derived;
        for (const Block &B : F->Blocks)
          for (const Event &E : B.Events) {
            if (E.Kind != EventKind::Call || KeyParam[Id] >= 0)
              continue;
            for (const Function *T : P.targets(E)) {
              int K = KeyParam[P.idOf(*T)];
              if (K < 0)
                continue;
              for (const auto &[I, V] : E.ArgValues) {
                if (I != K)
                  continue;
                if (Derived.empty())
                  Derived = derivedFrom(*F, Param);
                std::vector<unsigned> Read;
                placesIn(V, Read);
                for (unsigned R : Read)
                  if (R < Derived.size() && Derived[R]) {
                    KeyParam[Id] = int8_t(Param);
                    Changed = true;
                  }
              }
            }
          }
        if (KeyParam[Id] == Param)
          Changed |= keepHelperKeys(P, *F, Derived);
      }
    }
  }
}

bool CallbackRegistries::keepHelperKeys(const Program &P, const Function &F,
                                        const std::vector<bool> &Derived) {
  // And the helpers that compute the key from it ('event_name(type)'):
  // their contexts by that argument too, or a sixth log type would get the
  // names of all of them.
  bool Changed = false;
  std::vector<unsigned> Read;
  for (const Block &B : F.Blocks)
    for (const Event &E : B.Events) {
      if (E.Kind != EventKind::Call || E.Result < 0 ||
          size_t(E.Result) >= Derived.size() || !Derived[size_t(E.Result)])
        continue;
      for (const auto &[I, V] : E.ArgValues) {
        Read.clear();
        placesIn(V, Read);
        bool FromKey = false;
        for (unsigned R : Read)
          FromKey |= R < Derived.size() && Derived[R];
        if (!FromKey || I > INT8_MAX)
          continue;
        for (const Function *T : P.targets(E))
          if (int8_t &K = KeyParam[P.idOf(*T)]; K < 0 && I < T->NumParams) {
            K = int8_t(I);
            Changed = true;
          }
      }
    }
  return Changed;
}

int CallbackRegistries::dispatchKeyParam(const Event &Call) const {
  auto It = DispatchCalls.find(&Call);
  return It == DispatchCalls.end() ? -1 : It->second;
}

bool CallbackRegistries::skips(uint32_t Fn, int64_t Key) const {
  auto It = KeysOf.find(Fn);
  return It != KeysOf.end() &&
         !std::binary_search(It->second.begin(), It->second.end(), Key);
}

bool CallbackRegistries::filedUnder(uint32_t Fn, int64_t Key) const {
  auto It = KeysOf.find(Fn);
  return It != KeysOf.end() &&
         std::binary_search(It->second.begin(), It->second.end(), Key);
}

} // namespace forksafe
