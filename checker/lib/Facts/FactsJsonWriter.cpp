// SPDX-License-Identifier: Apache-2.0
// A writer specialised to the facts layout: the text that
// factsToJson(F, /*Pretty=*/false) has always produced (nlohmann's compact
// dump() of the DOM FactsJson.cpp builds), written straight from the
// structs. Building the DOM and dumping it cost a worker twice what the
// extraction did.
//
// Byte for byte the same as the DOM path, so:
//  - keys in each object in the DOM's order: sorted bytewise (nlohmann's
//    default object is a std::map), optional keys where they would sort;
//  - integers in decimal, bools as true/false (facts have no floats);
//  - strings as dump() escapes them with ensure_ascii off: '"', '\\' and
//    \b \f \n \r \t by name, other bytes below 0x20 as \u00xx (lower-case
//    hex), everything else (0x7f, UTF-8) as is.
// A string that is not valid UTF-8 makes it give up: the DOM path's error
// handler (replace) decides what such a string becomes.
// Any change to the layout must be made in FactsJson.cpp too (and in
// FactsJsonReader.cpp, which reads it).
#include "FactsJsonWriter.h"

#include <charconv>
#include <cstdint>
#include <cstring>

namespace forksafe::detail {
namespace {

struct GiveUp {};

class Writer {
public:
  std::string &O;
  explicit Writer(std::string &Out) : O(Out) {}

  void c(char C) { O.push_back(C); }

  template <class T> void num(T V) {
    char Buf[24];
    auto R = std::to_chars(Buf, Buf + sizeof Buf, V);
    O.append(Buf, R.ptr);
  }
  void boolean(bool B) { O.append(B ? "true" : "false"); }

  void str(const std::string &S) {
    O.push_back('"');
    const unsigned char *P = reinterpret_cast<const unsigned char *>(S.data());
    const unsigned char *E = P + S.size();
    while (P < E) {
      // A run of bytes written as they are.
      const unsigned char *Run = P;
      while (P < E && *P >= 0x20 && *P != '"' && *P != '\\' && *P < 0x80)
        ++P;
      if (P != Run)
        O.append(reinterpret_cast<const char *>(Run), P - Run);
      if (P == E)
        break;
      unsigned char C = *P;
      if (C < 0x80) {
        ++P;
        switch (C) {
        case '"': O.append("\\\""); break;
        case '\\': O.append("\\\\"); break;
        case '\b': O.append("\\b"); break;
        case '\f': O.append("\\f"); break;
        case '\n': O.append("\\n"); break;
        case '\r': O.append("\\r"); break;
        case '\t': O.append("\\t"); break;
        default: {
          static const char Hex[] = "0123456789abcdef";
          char U[6] = {'\\', 'u', '0', '0', Hex[C >> 4], Hex[C & 15]};
          O.append(U, 6);
        }
        }
        continue;
      }
      // Well-formed UTF-8 (Unicode table 3-7), copied; anything else: give
      // up.
      size_t N;
      unsigned char Lo = 0x80, Hi = 0xBF;
      if (C >= 0xC2 && C <= 0xDF)
        N = 1;
      else if (C >= 0xE0 && C <= 0xEF) {
        N = 2;
        if (C == 0xE0)
          Lo = 0xA0;
        else if (C == 0xED)
          Hi = 0x9F;
      } else if (C >= 0xF0 && C <= 0xF4) {
        N = 3;
        if (C == 0xF0)
          Lo = 0x90;
        else if (C == 0xF4)
          Hi = 0x8F;
      } else
        throw GiveUp();
      if (size_t(E - P) <= N || P[1] < Lo || P[1] > Hi)
        throw GiveUp();
      for (size_t I = 2; I <= N; ++I)
        if (P[I] < 0x80 || P[I] > 0xBF)
          throw GiveUp();
      O.append(reinterpret_cast<const char *>(P), N + 1);
      P += N + 1;
    }
    O.push_back('"');
  }

  void strings(const std::vector<std::string> &V) {
    c('[');
    for (size_t I = 0; I < V.size(); ++I) {
      if (I)
        c(',');
      str(V[I]);
    }
    c(']');
  }
  template <class T> void nums(const std::vector<T> &V) {
    c('[');
    for (size_t I = 0; I < V.size(); ++I) {
      if (I)
        c(',');
      num(V[I]);
    }
    c(']');
  }
  template <class T, class Fn> void array(const std::vector<T> &V, Fn Each) {
    c('[');
    for (size_t I = 0; I < V.size(); ++I) {
      if (I)
        c(',');
      Each(V[I]);
    }
    c(']');
  }
};

/// One object: key() writes the separator and the key (a plain literal).
class Obj {
  Writer &W;
  bool First = true;

public:
  explicit Obj(Writer &W) : W(W) { W.c('{'); }
  Writer &key(const char *K) {
    if (!First)
      W.c(',');
    First = false;
    W.c('"');
    W.O.append(K);
    W.O.append("\":");
    return W;
  }
  /// A key from the facts (escaped like any string).
  Writer &key(const std::string &K) {
    if (!First)
      W.c(',');
    First = false;
    W.str(K);
    W.c(':');
    return W;
  }
  void close() { W.c('}'); }
};

void loc(Writer &W, const Location &L) {
  W.c('[');
  W.str(L.File);
  W.c(',');
  W.num(L.Line);
  W.c(',');
  W.num(L.Column);
  W.c(']');
}

void ref(Writer &W, const HandleRef &R) {
  Obj J(W);
  J.key("k").num(int(R.Kind));
  if (!R.Path.empty())
    J.key("m").str(R.Path);
  if (R.ParamIndex >= 0)
    J.key("p").num(R.ParamIndex);
  if (!R.Var.empty())
    J.key("v").str(R.Var);
  J.close();
}

void pairs(Writer &W, const std::vector<std::pair<int, std::string>> &V) {
  W.array(V, [&](const std::pair<int, std::string> &A) {
    W.c('[');
    W.num(A.first);
    W.c(',');
    W.str(A.second);
    W.c(']');
  });
}

void event(Writer &W, const Event &E) {
  Obj J(W);
  switch (E.Kind) {
  case EventKind::Call:
    if (!E.Args.empty()) {
      J.key("a").array(E.Args, [&](const std::pair<int, HandleRef> &A) {
        W.c('[');
        W.num(A.first);
        W.c(',');
        ref(W, A.second);
        W.c(']');
      });
    }
    if (!E.ArgValues.empty())
      pairs(J.key("av"), E.ArgValues);
    if (!E.Callee.empty())
      J.key("c").str(E.Callee);
    if (!E.CalleeValue.empty())
      J.key("cv").str(E.CalleeValue);
    if (E.EachElement)
      J.key("each").boolean(true);
    if (!E.IndirectTable.empty())
      J.key("ix").str(E.IndirectIndex);
    J.key("k").num(int(E.Kind));
    loc(J.key("l"), E.Loc);
    J.key("n").str(E.CalleeName);
    if (E.NoReturn)
      J.key("nr").boolean(true);
    if (E.Result >= 0)
      J.key("res").num(E.Result);
    if (!E.IndirectSig.empty())
      J.key("s").str(E.IndirectSig);
    if (!E.SlotArgs.empty())
      pairs(J.key("sa"), E.SlotArgs);
    if (!E.IndirectTable.empty())
      J.key("tb").str(E.IndirectTable);
    if (E.AssignTo)
      ref(J.key("to"), *E.AssignTo);
    if (!E.IndirectVia.empty())
      J.key("via").str(E.IndirectVia);
    if (E.Virtual)
      J.key("virt").boolean(true);
    break;
  case EventKind::Fork:
    J.key("api").str(E.ForkApi);
    if (!E.Callee.empty())
      J.key("c").str(E.Callee);
    J.key("f").num(int(E.Fork));
    J.key("k").num(int(E.Kind));
    loc(J.key("l"), E.Loc);
    J.key("n").str(E.CalleeName);
    if (E.Result >= 0)
      J.key("res").num(E.Result);
    break;
  case EventKind::Exit:
    J.key("api").str(E.Api);
    J.key("k").num(int(E.Kind));
    loc(J.key("l"), E.Loc);
    J.key("x").num(int(E.Exit));
    break;
  case EventKind::Assign:
    J.key("d").num(E.Dst);
    J.key("k").num(int(E.Kind));
    loc(J.key("l"), E.Loc);
    J.key("v").str(E.Value);
    break;
  case EventKind::AtFork:
    if (!E.Child.empty())
      J.key("chi").str(E.Child);
    J.key("k").num(int(E.Kind));
    loc(J.key("l"), E.Loc);
    if (!E.Parent.empty())
      J.key("par").str(E.Parent);
    if (!E.Prepare.empty())
      J.key("pre").str(E.Prepare);
    break;
  default:
    J.key("api").str(E.Api);
    if (E.Connects)
      J.key("conn").boolean(true);
    if (E.HarmfulClose)
      J.key("harm").boolean(true);
    if (!E.Harm.empty())
      J.key("hm").str(E.Harm);
    J.key("k").num(int(E.Kind));
    loc(J.key("l"), E.Loc);
    J.key("lib").str(E.Library);
    if (E.Once)
      J.key("once").boolean(true);
    ref(J.key("r"), E.Ref);
    break;
  }
  J.close();
}

void edge(Writer &W, const Edge &S) {
  if (S.When == Edge::Always) {
    W.num(S.To);
    return;
  }
  W.c('[');
  W.num(S.To);
  W.c(',');
  W.num(int(S.When));
  if (S.When == Edge::Case) {
    W.c(',');
    W.nums(S.Cases);
  }
  W.c(']');
}

void function(Writer &W, const Function &F) {
  Obj J(W);
  if (F.AddressTaken)
    J.key("addr").boolean(true);
  J.key("b").array(F.Blocks, [&](const Block &B) {
    Obj BJ(W);
    if (!B.Cond.empty())
      BJ.key("c").str(B.Cond);
    BJ.key("e").array(B.Events, [&](const Event &E) { event(W, E); });
    if (!B.Return.empty())
      BJ.key("r").str(B.Return);
    BJ.key("s").array(B.Succs, [&](const Edge &S) { edge(W, S); });
    BJ.close();
  });
  J.key("entry").num(F.Entry);
  if (F.AddressTaken && !F.Escapes)
    J.key("esc").boolean(false);
  J.key("exit").num(F.ExitBlock);
  if (!F.FnRefs.empty())
    J.key("fr").strings(F.FnRefs);
  loc(J.key("l"), F.Loc);
  if (F.IsMain)
    J.key("main").boolean(true);
  J.key("name").str(F.Name);
  J.key("np").num(F.NumParams);
  if (!F.Overrides.empty())
    J.key("ovr").strings(F.Overrides);
  if (!F.Places.empty())
    J.key("pl").array(F.Places, [&](const HandleRef &R) { ref(W, R); });
  if (F.ReturnsCreated)
    loc(J.key("rc"), *F.ReturnsCreated);
  if (!F.ReturnsCreatedPath.empty())
    J.key("rcp").str(F.ReturnsCreatedPath);
  if (!F.ReturnsCallResultOf.empty())
    J.key("rf").strings(F.ReturnsCallResultOf);
  if (F.ReturnsRef)
    ref(J.key("rr"), *F.ReturnsRef);
  if (!F.ReturnsVars.empty())
    J.key("rv").array(F.ReturnsVars, [&](const HandleRef &R) { ref(W, R); });
  if (F.IsStaticDtors)
    J.key("sdtor").boolean(true);
  if (!F.Signature.empty())
    J.key("sig").str(F.Signature);
  if (F.IsStaticInit)
    J.key("sinit").boolean(true);
  if (!F.TakesAddressOf.empty())
    J.key("ta").strings(F.TakesAddressOf);
  J.key("usr").str(F.Usr);
  J.close();
}

void handle(Writer &W, const HandleVar &H) {
  Obj J(W);
  if (H.IsDefinition)
    J.key("def").boolean(true);
  J.key("key").str(H.Key);
  loc(J.key("l"), H.Loc);
  J.key("lib").str(H.Library);
  J.key("name").str(H.Name);
  if (!H.Nolint.empty())
    J.key("nolint").strings(H.Nolint);
  if (H.OpaqueRoot)
    J.key("opq").boolean(true);
  if (!H.Path.empty())
    J.key("path").str(H.Path);
  J.key("sem").str(semanticsName(H.Sem));
  J.key("st").num(int(H.Store));
  J.key("type").str(H.Type);
  J.close();
}

void hook(Writer &W, const HookBinding &H) {
  Obj J(W);
  if (!H.AbortsIf.empty())
    J.key("aborts").str(H.AbortsIf);
  if (H.ForksHere)
    J.key("forks").boolean(true);
  J.key("fw").str(H.Framework);
  loc(J.key("l"), H.Loc);
  J.key("master").nums(H.MasterArgs);
  J.key("name").str(H.FunctionName);
  J.key("note").str(H.Note);
  J.key("role").num(int(H.Role));
  J.key("usr").str(H.FunctionUsr);
  J.key("worker").nums(H.WorkerArgs);
  J.close();
}

void lazyVar(Writer &W, const LazyVar &V) {
  Obj J(W);
  if (!V.Blocked.empty())
    J.key("blocked").str(V.Blocked);
  J.key("cxx17").boolean(V.Cxx17);
  J.key("decls").array(V.Decls, [&](const LazyVar::Decl &D) {
    Obj X(W);
    X.key("class").boolean(D.ClassType);
    X.key("def").boolean(D.Definition);
    X.key("init").str(D.Init);
    loc(X.key("l"), D.Loc);
    X.key("name").str(D.Name);
    X.key("text").str(D.Text);
    X.key("type").str(D.Type);
    X.close();
  });
  J.key("includes").array(V.Includes, [&](const LazyVar::Include &I) {
    Obj X(W);
    X.key("file").str(I.File);
    X.key("have").strings(I.Present);
    loc(X.key("l"), I.At);
    X.key("ok").boolean(I.Ok);
    X.close();
  });
  J.key("movable").boolean(V.Movable);
  J.key("refs").array(V.Refs, [&](const LazyVar::Ref &R) {
    Obj X(W);
    X.key("k").num(int(R.What));
    loc(X.key("l"), R.Loc);
    X.key("name").str(R.Name);
    X.key("text").str(R.Text);
    X.close();
  });
  J.key("var").str(V.Var);
  J.close();
}

void hookBody(Writer &W, const HookBody &B) {
  Obj J(W);
  loc(J.key("at"), B.InsertAt);
  J.key("file").str(B.File);
  J.key("guarded").boolean(B.Guarded);
  J.key("indent").str(B.Indent);
  J.key("name").str(B.Name);
  J.key("stmts").array(B.Stmts, [&](const HookBody::Stmt &S) {
    Obj X(W);
    loc(X.key("b"), S.Begin);
    if (!S.Blocked.empty())
      X.key("blocked").str(S.Blocked);
    {
      Obj Cut(X.key("cut"));
      Cut.key("from").str(S.Cut.From);
      loc(Cut.key("l"), S.Cut.Loc);
      Cut.key("to").str(S.Cut.To);
      Cut.close();
    }
    loc(X.key("e"), S.End);
    if (S.Needs.valid())
      loc(X.key("needs"), S.Needs);
    X.key("text").str(S.Text);
    X.key("vars").strings(S.Vars);
    X.close();
  });
  J.key("suffix").str(B.InsertSuffix);
  J.key("usr").str(B.Usr);
  J.close();
}

} // namespace

bool writeFactsFast(const TUFacts &F, std::string &Out) {
  Out.clear();
  Writer W(Out);
  try {
    Obj J(W);
    if (!F.DataSlots.empty()) {
      Obj D(J.key("dslots"));
      for (const auto &[Slot, Targets] : F.DataSlots)
        D.key(Slot).strings(Targets);
      D.close();
    }
    if (!F.ElementInits.empty()) {
      Obj E(J.key("einit"));
      for (const auto &[Key, V] : F.ElementInits)
        E.key(Key).num(V);
      E.close();
    }
    if (!F.ElementTypes.empty()) {
      Obj E(J.key("etype"));
      for (const auto &[Table, Struct] : F.ElementTypes)
        E.key(Table).str(Struct);
      E.close();
    }
    if (!F.SlotFlows.empty())
      J.key("flows").array(
          F.SlotFlows, [&](const std::pair<std::string, std::string> &Fl) {
            W.c('[');
            W.str(Fl.first);
            W.c(',');
            W.str(Fl.second);
            W.c(']');
          });
    J.key("forksafe-facts").num(F.Version);
    J.key("functions").array(F.Functions,
                             [&](const Function &Fn) { function(W, Fn); });
    if (!F.EscapedGlobals.empty())
      J.key("gesc").strings(F.EscapedGlobals);
    if (!F.ConfiguredGlobals.empty())
      J.key("gcfg").strings(F.ConfiguredGlobals);
    if (!F.GlobalInits.empty()) {
      Obj G(J.key("ginit"));
      for (const auto &[Key, V] : F.GlobalInits)
        G.key(Key).num(V);
      G.close();
    }
    J.key("handles").array(F.Handles,
                           [&](const HandleVar &H) { handle(W, H); });
    if (!F.HookBodies.empty())
      J.key("hookbodies").array(F.HookBodies,
                                [&](const HookBody &B) { hookBody(W, B); });
    J.key("hooks").array(F.Hooks, [&](const HookBinding &H) { hook(W, H); });
    if (!F.LazyVars.empty())
      J.key("lazy").array(F.LazyVars,
                          [&](const LazyVar &V) { lazyVar(W, V); });
    J.key("main").str(F.MainFile);
    if (!F.OpaqueSlots.empty())
      J.key("opaque").strings(F.OpaqueSlots);
    if (!F.RunTimeAddressed.empty())
      J.key("rta").strings(F.RunTimeAddressed);
    if (!F.FunctionSlots.empty()) {
      // A std::map: already in the DOM's (bytewise) key order.
      Obj S(J.key("slots"));
      for (const auto &[Slot, Fns] : F.FunctionSlots)
        S.key(Slot).strings(Fns);
      S.close();
    }
    if (!F.StaticallyAddressed.empty())
      J.key("sta").strings(F.StaticallyAddressed);
    if (!F.Tables.empty()) {
      Obj T(J.key("tables"));
      for (const auto &[Table, Fns] : F.Tables)
        T.key(Table).strings(Fns);
      T.close();
    }
    if (F.FieldWritesKnown)
      J.key("wfld").strings(F.WrittenFields);
    J.close();
  } catch (const GiveUp &) {
    return false;
  }
  return true;
}

} // namespace forksafe::detail
