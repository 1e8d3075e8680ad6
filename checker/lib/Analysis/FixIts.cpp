// SPDX-License-Identifier: Apache-2.0
// Fix-its made from the linked program (see forksafe/FixIts.h): the
// lazy-handle rewrite of an eagerly created C++ global, and moving a connect
// from a framework's pre-fork hook into its post-fork hook. Each is offered
// only when every piece of it is known to be safe as text; the pieces come
// from the per-unit facts (LazyVars, HookBodies), the decision from the
// finding and the program.
#include "forksafe/Checks.h"
#include "forksafe/FixIts.h"
#include "forksafe/StableSort.h"

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <set>

namespace forksafe {

bool parseLazyHandleStyle(const std::string &Text, LazyHandleStyle &Out) {
  if (Text == "per_process")
    Out = LazyHandleStyle::PerProcess;
  else if (Text == "function")
    Out = LazyHandleStyle::Function;
  else if (Text == "none")
    Out = LazyHandleStyle::None;
  else
    return false;
  return true;
}

const char *lazyHandleStyleName(LazyHandleStyle S) {
  switch (S) {
  case LazyHandleStyle::PerProcess: return "per_process";
  case LazyHandleStyle::Function: return "function";
  case LazyHandleStyle::None: return "none";
  }
  return "per_process";
}

namespace {


/// Whether L lies in [B, E] (same file; E is the last character).
bool within(const Location &L, const Location &B, const Location &E) {
  if (L.File != B.File || L.File != E.File)
    return false;
  auto key = [](const Location &X) { return std::make_pair(X.Line, X.Column); };
  return key(B) <= key(L) && key(L) <= key(E);
}

/// The location just past Text when it starts at L.
Location endOf(const Location &L, const std::string &Text) {
  Location E = L;
  for (char C : Text) {
    if (C == '\n') {
      ++E.Line;
      E.Column = 1;
    } else {
      ++E.Column;
    }
  }
  return E;
}

std::string trimRight(std::string S) {
  while (!S.empty() && (S.back() == ' ' || S.back() == '\t'))
    S.pop_back();
  return S;
}

bool elaborated(const std::string &Type) {
  for (const char *K : {"struct ", "class ", "union ", "enum "})
    if (Type.rfind(K, 0) == 0)
      return true;
  return false;
}

class FixBuilder {
public:
  FixBuilder(const Program &P, const RuleSet &Rules, const FixOptions &O)
      : P(P), Rules(Rules), O(O) {
    for (const TUFacts &U : P.Units) {
      for (const LazyVar &V : U.LazyVars)
        Lazy[V.Var].push_back(&V);
      for (const HookBody &B : U.HookBodies)
        Bodies.emplace(B.Usr, &B);
      for (const HookBinding &B : U.Hooks)
        Bindings.push_back(&B);
    }
    stableSort(Bindings, [](const HookBinding *X, const HookBinding *Y) {
      return X->Loc < Y->Loc;
    });
  }

  void attach(Finding &F) {
    if (F.Check != checkInfo(CheckId::InheritedHandle).Name)
      return;
    auto H = P.Handles.find(F.HandleKey);
    if (H == P.Handles.end())
      return;
    std::string Var =
        F.HandleKey.substr(0, F.HandleKey.size() - H->second->Path.size());
    std::optional<Note> N = hookFix(F, Var);
    if (!N && H->second->Path.empty() && H->second->Store == Storage::Global)
      N = lazyFix(F, Var, *H->second);
    if (N)
      F.Notes.push_back(std::move(*N));
  }

private:
  // ---- (a) the lazy handle -------------------------------------------------

  std::optional<Note> lazyFix(const Finding &F, const std::string &Var,
                              const HandleVar &H) {
    if (O.Lazy == LazyHandleStyle::None)
      return std::nullopt;
    auto It = Lazy.find(Var);
    if (It == Lazy.end() || F.Notes.empty() ||
        F.Notes.front().What != Note::Created)
      return std::nullopt;
    // Every unit that sees the variable agrees it can be rewritten.
    std::map<std::pair<Location, std::string>, const LazyVar::Decl *> Decls;
    std::map<Location, const LazyVar::Ref *> Refs;
    std::map<std::string, const LazyVar::Include *> Includes;
    bool Cxx17 = true, Movable = true;
    for (const LazyVar *V : It->second) {
      if (!V->Blocked.empty())
        return std::nullopt;
      for (const LazyVar::Decl &D : V->Decls)
        Decls.emplace(std::make_pair(D.Loc, D.Text), &D);
      for (const LazyVar::Ref &R : V->Refs)
        Refs.emplace(R.Loc, &R);
      for (const LazyVar::Include &I : V->Includes)
        if (!I.Ok)
          return std::nullopt;
        else
          Includes.emplace(I.File, &I);
      Cxx17 &= V->Cxx17;
      Movable &= V->Movable;
    }
    const LazyVar::Decl *Def = nullptr;
    for (const auto &[Key, D] : Decls)
      if (D->Definition) {
        if (Def && !(Def->Loc == D->Loc))
          return std::nullopt; // two definitions: not one variable
        Def = D;
      }
    // Only a handle its own initialiser creates: the factory is that
    // initialiser. One created by later code needs that code moved too.
    if (!Def || !within(F.Notes.front().Loc, Def->Loc, endOf(Def->Loc, Def->Text)))
      return std::nullopt;
    const std::string Type = trimRight(Def->Type);
    if (Type.empty() || Def->Name.empty())
      return std::nullopt; // facts from elsewhere: never rewrite blindly
    bool PerProcess = O.Lazy == LazyHandleStyle::PerProcess;
    if (PerProcess && Def->ClassType && !Cxx17 && !Movable)
      return std::nullopt; // per_process<T> returns T by value
    std::string Factory;
    std::string Init = Def->Init;
    if (PerProcess) {
      std::string Expr;
      if (Init.empty() || Init[0] == '(' || Init[0] == '{') {
        if (Def->ClassType) {
          if (elaborated(Type))
            return std::nullopt; // 'struct X(...)' is not an expression
          Expr = Type + (Init.empty() ? std::string("()") : Init);
        } else {
          if (Init.empty())
            return std::nullopt;
          Expr = Init;
        }
      } else { // '= E': copy-initialisation, as 'return E;' does
        Expr = Init.substr(1);
        while (!Expr.empty() && (Expr[0] == ' ' || Expr[0] == '\t'))
          Expr.erase(0, 1);
      }
      Factory = "[]() -> " + Type + " { return " + Expr + "; }";
    } else {
      std::string Args;
      if (Init.empty())
        Args = "()";
      else if (Init[0] == '(' || Init[0] == '{')
        Args = Init;
      else {
        std::string E = Init.substr(1);
        while (!E.empty() && (E[0] == ' ' || E[0] == '\t'))
          E.erase(0, 1);
        Args = !E.empty() && E[0] == '{' ? E : "(" + E + ")";
      }
      Factory = Args;
    }

    Note N;
    N.What = Note::Remedy;
    N.Loc = F.Loc;
    std::string Ref = Type.back() == '*' ? Type + "&" : Type + " &";
    for (const auto &[Key, D] : Decls) {
      TextEdit E;
      E.Loc = D->Loc;
      E.From = D->Text;
      if (PerProcess)
        E.To = "forksafe::per_process<" + Type + "> " + D->Name +
               (D->Definition ? "(" + Factory + ")" : "") + ";";
      else if (D->Definition)
        E.To = functionDefinition(Ref, D->Name, Type, Factory);
      else
        E.To = Ref + D->Name + "();";
      N.Edits.push_back(std::move(E));
    }
    for (const auto &[L, R] : Refs) {
      TextEdit E;
      E.Loc = R->Loc;
      E.From = R->Text;
      if (!PerProcess)
        E.To = R->Name + "()" + (R->What == LazyVar::Ref::Dot ? "." : "");
      else if (R->What == LazyVar::Ref::Dot)
        E.To = R->Name + "->";
      else if (R->What == LazyVar::Ref::Postfix)
        E.To = "(*" + R->Name + ")";
      else
        E.To = "*" + R->Name;
      N.Edits.push_back(std::move(E));
    }
    for (const auto &[File, I] : Includes) {
      std::vector<std::string> Need;
      if (PerProcess)
        Need = {"forksafe/guarded.hpp"};
      else if (File == Def->Loc.File)
        Need = {"atomic", "sched.h", "unistd.h"};
      std::string Text;
      for (const std::string &Hdr : Need)
        if (std::find(I->Present.begin(), I->Present.end(), Hdr) ==
            I->Present.end())
          Text += "#include <" + Hdr + ">\n";
      if (!Text.empty())
        N.Edits.push_back({I->At, "", Text});
    }
    std::string Name = "'" + H.Name + "'";
    N.Message =
        PerProcess
            ? "fix-it: make " + Name + " a forksafe::per_process<" + Type +
                  ">, which each process creates on first use (a child never "
                  "uses or closes its parent's)"
            : "fix-it: make " + Name + " a function that creates the " + Type +
                  " on first use in each process (keyed by getpid(); a child "
                  "never uses or closes its parent's)";
    return N;
  }

  static std::string functionDefinition(const std::string &Ref,
                                        const std::string &Name,
                                        const std::string &Type,
                                        const std::string &Args) {
    return Ref + Name + "() {\n"
           "  // One " + Type + " per process, made on first use in it: a forked\n"
           "  // child makes its own and never closes its parent's. The lock\n"
           "  // holds its holder's pid: one a parent thread held at fork() is\n"
           "  // stale in the child, which takes it over.\n"
           "  static std::atomic<pid_t> forksafe_owner(0), forksafe_lock(0);\n"
           "  static " + Type + (Type.back() == '*' ? "" : " ") +
           "*forksafe_handle = nullptr;\n"
           "  const pid_t forksafe_self = getpid();\n"
           "  if (forksafe_owner.load(std::memory_order_acquire) != "
           "forksafe_self) {\n"
           "    for (pid_t held = forksafe_lock.load(); held == forksafe_self ||\n"
           "         !forksafe_lock.compare_exchange_weak(held, forksafe_self);\n"
           "         held = forksafe_lock.load())\n"
           "      sched_yield();\n"
           "    struct forksafe_unlocker {\n"
           "      std::atomic<pid_t> &lock;\n"
           "      ~forksafe_unlocker() { lock.store(0, std::memory_order_release); }\n"
           "    } forksafe_unlock{forksafe_lock};\n"
           "    if (forksafe_owner.load() != forksafe_self) {\n"
           "      forksafe_handle = new " + Type + Args + ";\n"
           "      forksafe_owner.store(forksafe_self, std::memory_order_release);\n"
           "    }\n"
           "  }\n"
           "  return *forksafe_handle;\n"
           "}";
  }

  // ---- (c) the post-fork hook ----------------------------------------------

  std::optional<Note> hookFix(const Finding &F, const std::string &Var) {
    const Note *HookNote = nullptr;
    for (const Note &N : F.Notes)
      if (N.What == Note::Hook) {
        HookNote = &N;
        break;
      }
    if (!HookNote || F.Notes.empty() || F.Notes.front().What != Note::Created)
      return std::nullopt;
    const HookBinding *Pre = nullptr;
    for (const HookBinding *B : Bindings)
      if (B->Loc == HookNote->Loc && B->Note == HookNote->Message &&
          B->Role == HookRole::PreFork) {
        Pre = B;
        break;
      }
    if (!Pre)
      return std::nullopt;
    const FrameworkRule *Fw = Rules.framework(Pre->Framework);
    std::string Display = Fw ? Fw->DisplayName : Pre->Framework;
    const Location &Created = F.Notes.front().Loc;

    // The top-level statement of the pre-fork hook that creates the handle:
    // around the creation, or around a call that leads to it.
    const HookBody *PreBody = body(Pre->FunctionUsr);
    // A statement that reaches it only through a function pointer (a
    // timer it runs, a callback table) is named but not moved: moving it
    // moves every callback that pointer may hold.
    const HookBody::Stmt *S = nullptr;
    bool ViaPointer = false;
    if (PreBody) {
      for (const HookBody::Stmt &X : PreBody->Stmts)
        if (within(Created, X.Begin, X.End))
          S = &X;
      auto Fn = P.Functions.find(Pre->FunctionUsr);
      for (bool Direct : {true, false})
        if (!S && Fn != P.Functions.end())
          for (const Block &Bl : Fn->second->Blocks)
            for (const Event &E : Bl.Events)
              if (!S && E.Kind == EventKind::Call &&
                  reaches(E, Created, 0, Direct))
                for (const HookBody::Stmt &X : PreBody->Stmts)
                  if (within(E.Loc, X.Begin, X.End)) {
                    S = &X;
                    ViaPointer = !Direct;
                  }
    }
    Note N;
    N.What = Note::Remedy;
    N.Loc = S ? S->Begin : Created;

    const HookBinding *Post = nullptr;
    for (const HookBinding *B : Bindings)
      if (B->Framework == Pre->Framework && B->Role == HookRole::PostFork) {
        Post = B;
        break;
      }
    if (!Post) {
      const HookRule *R = nullptr;
      for (const HookRule &X : Rules.Hooks)
        if (X.Framework == Pre->Framework && X.Role == HookRole::PostFork) {
          R = &X;
          break;
        }
      if (!R)
        return std::nullopt; // the remedy note says what to do instead
      N.Message = "move this connect into a post-fork hook, " + describe(*R) +
                  ", which " + Display +
                  " runs in each worker process after it forks; the module "
                  "has none yet";
      return N;
    }
    std::string PostName = "'" + Post->FunctionName + "'";
    N.Message = "move this connect into " + PostName + ", which " + Display +
                " runs in each worker process after it forks";
    const HookBody *PostBody = body(Post->FunctionUsr);
    std::string Why;
    if (!PreBody)
      Why = "'" + Pre->FunctionName + "' is not defined in the analysed sources";
    else if (!S)
      Why = "the connect is not a statement of '" + Pre->FunctionName + "'";
    else if (ViaPointer)
      Why = "this statement reaches the connect through a function pointer";
    else if (!S->Blocked.empty())
      Why = S->Blocked;
    else if (!PostBody)
      Why = PostName + " is not defined in the analysed sources";
    else if (PostBody->File != S->Begin.File)
      Why = PostName + " is in another file";
    else if (S->Needs.valid() && !(S->Needs < PostBody->InsertAt))
      Why = PostName + " comes before a declaration the statement names";
    else if (!Post->MasterArgs.empty() && !PostBody->Guarded)
      Why = Display + " also runs " + PostName +
            " in the main process before it forks; it needs its test of the "
            "process first";
    else if (otherUses(*PreBody, *S, Pre->FunctionUsr, Var))
      Why = "'" + Pre->FunctionName + "' uses the handle outside this statement";
    if (!Why.empty()) {
      N.Message += " (not moved automatically: " + Why + ")";
      return N;
    }
    N.Edits.push_back({S->Cut.Loc, S->Cut.From, ""});
    N.Edits.push_back({PostBody->InsertAt, "",
                       PostBody->InsertSuffix == "\n"
                           ? PostBody->Indent + S->Text + "\n"
                           : S->Text + " "});
    N.Message = "fix-it: " + N.Message;
    return N;
  }

  static std::string describe(const HookRule &R) {
    if (!R.Struct.empty() && !R.Field.empty())
      return "the '" + R.Field + "' field of " + R.Struct;
    if (!R.Register.empty())
      return "registered with " + R.Register + "()";
    if (!R.Function.empty())
      return "'" + R.Function + "'";
    if (!R.FunctionPrefix.empty())
      return "a function named '" + R.FunctionPrefix + "...'";
    if (!R.Annotation.empty())
      return "a function annotated [[clang::annotate(\"" + R.Annotation +
             "\")]]";
    if (!R.FieldType.empty())
      return "a function stored as a " + R.FieldType;
    return "the framework's post-fork hook";
  }

  const HookBody *body(const std::string &Usr) const {
    auto It = Bodies.find(Usr);
    return It == Bodies.end() ? nullptr : It->second;
  }

  /// Whether a call leads (within a few calls) to an event at L.
  /// Whether Call reaches the event at L (Direct: by direct calls only).
  bool reaches(const Event &Call, const Location &L, int Depth, bool Direct) {
    if (Depth > 4 || (Direct && Call.Callee.empty()))
      return false;
    for (const Function *T : P.targets(Call))
      for (const Block &B : T->Blocks)
        for (const Event &E : B.Events) {
          if (E.Loc == L && E.Kind != EventKind::Call)
            return true;
          if (E.Kind == EventKind::Call &&
              (E.Loc == L || reaches(E, L, Depth + 1, Direct)))
            return true;
        }
    return false;
  }

  /// Whether an event names Var, or a call reaches one that does.
  bool eventTouches(const Event &E, const std::string &Var) {
    auto names = [&](const HandleRef &R) {
      return (R.Kind == HandleRef::Global || R.Kind == HandleRef::Local) &&
             R.Var == Var;
    };
    if (E.Kind == EventKind::Call) {
      if (E.AssignTo && names(*E.AssignTo))
        return true;
      for (const auto &[I, R] : E.Args)
        if (names(R))
          return true;
      for (const Function *T : P.targets(E))
        if (functionTouches(T->Usr, Var))
          return true;
      return false;
    }
    if (E.Kind == EventKind::Fork || E.Kind == EventKind::Exit)
      return false;
    return names(E.Ref);
  }
  bool functionTouches(const std::string &Usr, const std::string &Var) {
    auto Key = std::make_pair(Usr, Var);
    auto It = Touches.find(Key);
    if (It != Touches.end())
      return It->second;
    Touches[Key] = false; // recursion: assume not, as the analysis does
    auto Fn = P.Functions.find(Usr);
    bool T = false;
    if (Fn != P.Functions.end())
      for (const Block &B : Fn->second->Blocks)
        for (const Event &E : B.Events)
          if (!T && eventTouches(E, Var))
            T = true;
    return Touches[Key] = T;
  }

  /// Whether a statement of the pre-fork hook other than S uses the handle:
  /// moving only the connect would leave that use without a handle.
  bool otherUses(const HookBody &Body, const HookBody::Stmt &S,
                 const std::string &Fn, const std::string &Var) {
    auto F = P.Functions.find(Fn);
    for (const HookBody::Stmt &X : Body.Stmts) {
      if (&X == &S)
        continue;
      if (std::find(X.Vars.begin(), X.Vars.end(), Var) != X.Vars.end())
        return true;
      if (F != P.Functions.end())
        for (const Block &B : F->second->Blocks)
          for (const Event &E : B.Events)
            if (within(E.Loc, X.Begin, X.End) && eventTouches(E, Var))
              return true;
    }
    return false;
  }

  const Program &P;
  const RuleSet &Rules;
  const FixOptions &O;
  std::map<std::string, std::vector<const LazyVar *>> Lazy;
  std::map<std::string, const HookBody *> Bodies;
  std::vector<const HookBinding *> Bindings;
  std::map<std::pair<std::string, std::string>, bool> Touches;
};

} // namespace

void attachFixIts(const Program &P, const RuleSet &Rules,
                  const FixOptions &Options, std::vector<Finding> &Findings) {
  FixBuilder B(P, Rules, Options);
  for (Finding &F : Findings)
    B.attach(F);
}

} // namespace forksafe
