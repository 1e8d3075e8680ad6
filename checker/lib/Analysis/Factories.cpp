// SPDX-License-Identifier: Apache-2.0
#include "Factories.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace forksafe {

namespace {

/// Member paths deeper than handle variables are recorded (HandleVariables)
/// name nothing; the bound also ends recursion over 'p->next'.
bool tooDeep(const std::string &Path) {
  return std::count(Path.begin(), Path.end(), '.') > 3;
}

bool sameVar(const HandleRef &A, const HandleRef &B) {
  return A.Kind == B.Kind && A.Var == B.Var;
}

struct Made {
  std::string Path, Library;
};

class FactoryFinder {
public:
  explicit FactoryFinder(const Program &P)
      : P(P), Result(P.ById.size()), ParamMakes(P.ById.size()) {}

  std::vector<std::optional<Made>> run() {
    size_t N = P.ById.size();
    bool AnyReturnsVars = false;
    for (uint32_t Id = 0; Id < N; ++Id) {
      const Function &F = *P.ById[Id];
      AnyReturnsVars = AnyReturnsVars || !F.ReturnsVars.empty();
      if (F.ReturnsCreated)
        Result[Id] = Made{F.ReturnsCreatedPath, libraryMadeIn(F)};
    }
    if (AnyReturnsVars)
      findParamMakes();
    // Through other factories: 'return make();', 'r = make(); return r;'.
    for (bool Changed = true; Changed;) {
      Changed = false;
      for (uint32_t Id = 0; Id < N; ++Id) {
        if (Result[Id])
          continue;
        for (const std::string &C : P.ById[Id]->ReturnsCallResultOf) {
          auto It = P.Functions.find(C);
          if (It != P.Functions.end() && Result[P.idOf(*It->second)]) {
            Result[Id] = Result[P.idOf(*It->second)];
            Changed = true;
            break;
          }
        }
        if (!Result[Id] && AnyReturnsVars)
          Changed = findReturned(Id) || Changed;
      }
    }
    return std::move(Result);
  }

private:
  /// The library of the handle F makes in a local (F.ReturnsCreated).
  static std::string libraryMadeIn(const Function &F) {
    for (const Block &B : F.Blocks)
      for (const Event &E : B.Events)
        if (makesLive(E) && E.Ref.Kind == HandleRef::Local)
          return E.Library;
    return "";
  }

  /// What each function makes live through its parameters (index, member
  /// path), with what its callees make live through theirs.
  void findParamMakes() {
    size_t N = P.ById.size();
    std::vector<std::vector<uint32_t>> Callers(N);
    std::vector<uint32_t> Work;
    for (uint32_t Id = 0; Id < N; ++Id) {
      bool Seeded = false;
      for (const Block &B : P.ById[Id]->Blocks)
        for (const Event &E : B.Events) {
          if (E.Kind == EventKind::Call)
            for (const Function *T : P.targets(E))
              Callers[P.idOf(*T)].push_back(Id);
          else if (makesLive(E) && E.Ref.Kind == HandleRef::Param)
            Seeded = addParamMake(Id, E.Ref.ParamIndex,
                                  Made{E.Ref.Path, E.Library}) ||
                     Seeded;
        }
      if (Seeded)
        Work.push_back(Id);
    }
    for (auto &C : Callers) {
      std::sort(C.begin(), C.end());
      C.erase(std::unique(C.begin(), C.end()), C.end());
    }
    // A caller passing its parameter (or a member of it) on makes what the
    // callee makes through it.
    while (!Work.empty()) {
      uint32_t Callee = Work.back();
      Work.pop_back();
      for (uint32_t Caller : Callers[Callee]) {
        bool Changed = false;
        for (const Block &B : P.ById[Caller]->Blocks)
          for (const Event &E : B.Events) {
            if (E.Kind != EventKind::Call || !calls(E, Callee))
              continue;
            for (const auto &[Index, Ref] : E.Args) {
              if (Ref.Kind != HandleRef::Param)
                continue;
              auto Makes = ParamMakes[Callee]; // the caller's may grow
              for (const auto &[Param, M] : Makes)
                if (Param == Index)
                  Changed = addParamMake(Caller, Ref.ParamIndex,
                                         Made{Ref.Path + M.Path, M.Library}) ||
                            Changed;
            }
          }
        if (Changed)
          Work.push_back(Caller);
      }
    }
  }

  bool calls(const Event &E, uint32_t Callee) const {
    TargetList Targets = P.targets(E);
    return std::any_of(Targets.begin(), Targets.end(),
                       [&](const Function *T) { return P.idOf(*T) == Callee; });
  }

  bool addParamMake(uint32_t Id, int Param, Made M) {
    if (tooDeep(M.Path))
      return false;
    auto &Set = ParamMakes[Id];
    for (const auto &[I, Old] : Set)
      if (I == Param && Old.Path == M.Path)
        return false;
    Set.push_back({Param, std::move(M)});
    return true;
  }

  /// 'return d;' where this function made a handle in d (or a member of
  /// it): directly, through a callee given d, or by storing a factory's
  /// result in d.
  bool findReturned(uint32_t Id) {
    const Function &F = *P.ById[Id];
    for (const HandleRef &R : F.ReturnsVars)
      for (const Block &B : F.Blocks)
        for (const Event &E : B.Events) {
          std::optional<Made> M;
          if (makesLive(E) && sameVar(E.Ref, R))
            M = Made{E.Ref.Path, E.Library};
          else if (E.Kind == EventKind::Call)
            M = madeByCall(E, R);
          if (M && !tooDeep(M->Path)) {
            Result[Id] = std::move(M);
            return true;
          }
        }
    return false;
  }

  std::optional<Made> madeByCall(const Event &E, const HandleRef &R) const {
    for (const Function *T : P.targets(E)) {
      uint32_t TId = P.idOf(*T);
      if (E.AssignTo && sameVar(*E.AssignTo, R) && Result[TId])
        return Made{E.AssignTo->Path + Result[TId]->Path, Result[TId]->Library};
      for (const auto &[Index, Ref] : E.Args)
        if (sameVar(Ref, R))
          for (const auto &[Param, M] : ParamMakes[TId])
            if (Param == Index)
              return Made{Ref.Path + M.Path, M.Library};
    }
    return std::nullopt;
  }

  const Program &P;
  std::vector<std::optional<Made>> Result;
  std::vector<std::vector<std::pair<int, Made>>> ParamMakes;
};

/// A handle of the library already in the program, for the type and
/// semantics of a derived one.
const HandleVar *exampleOf(const Program &P, const std::string &Library) {
  for (const auto &[Key, H] : P.Handles)
    if (H->Library == Library)
      return H;
  return nullptr;
}

} // namespace

void linkFactories(
    Program &P, const std::map<std::string, const HandleVar *> &OpaqueRoots) {
  std::vector<std::optional<Made>> Found = FactoryFinder(P).run();
  P.MadeInResult.assign(Found.size(), std::nullopt);
  for (size_t Id = 0; Id < Found.size(); ++Id)
    if (Found[Id])
      P.MadeInResult[Id] = Found[Id]->Path;
  if (OpaqueRoots.empty())
    return;
  // 'sess = pr_memcache_conn_new(...)' in a file where the struct is
  // opaque: 'sess.mc' is a handle like the factory's own.
  for (const Function *F : P.ById)
    for (const Block &B : F->Blocks)
      for (const Event &E : B.Events) {
        if (E.Kind != EventKind::Call || !E.AssignTo)
          continue;
        auto Root = OpaqueRoots.find(E.AssignTo->key());
        if (Root == OpaqueRoots.end())
          continue;
        for (const Function *T : P.targets(E)) {
          const std::optional<Made> &M = Found[P.idOf(*T)];
          if (!M || M->Path.empty())
            continue;
          std::string Key = Root->first + M->Path;
          const HandleVar *Example = exampleOf(P, M->Library);
          if (P.Handles.count(Key) || !Example)
            continue;
          HandleVar H = *Root->second;
          H.OpaqueRoot = false;
          H.Key = Key;
          H.Path = Root->second->Path + M->Path;
          H.Name = Root->second->Name + M->Path;
          H.Type = Example->Type;
          H.Library = Example->Library;
          H.Sem = Example->Sem;
          P.DerivedHandles.push_back(std::move(H));
          P.Handles.emplace(Key, &P.DerivedHandles.back());
        }
      }
}

} // namespace forksafe
