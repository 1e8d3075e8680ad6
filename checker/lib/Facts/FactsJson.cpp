// SPDX-License-Identifier: Apache-2.0
// Facts <-> JSON. Keys are short because facts files are written per TU and
// read on every link; the layout is versioned by FactsVersion.
#include "forksafe/Facts.h"
#include "forksafe/ValueExpr.h"

#include "FactsJsonReader.h"
#include "FactsJsonWriter.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <tuple>

namespace forksafe {

bool Location::operator<(const Location &O) const {
  return std::tie(File, Line, Column) < std::tie(O.File, O.Line, O.Column);
}

namespace {
using json = nlohmann::json;

/// An integer of type T. get<T>() would convert a float with a cast (1e300:
/// undefined behaviour); facts never hold one, so it is a type error.
template <class T> T integer(const json &J) {
  if (J.is_number_float())
    throw json::type_error::create(
        302, "type must be an integer, but is a floating-point number", &J);
  return J.get<T>();
}
std::vector<int64_t> integers(const json &J) {
  if (!J.is_array())
    throw json::type_error::create(
        302, std::string("type must be array, but is ") + J.type_name(), &J);
  std::vector<int64_t> V;
  V.reserve(J.size());
  for (const json &X : J)
    V.push_back(integer<int64_t>(X));
  return V;
}

json loc(const Location &L) { return json::array({L.File, L.Line, L.Column}); }
Location loc(const json &J) {
  Location L;
  L.File = J.at(0).get<std::string>();
  L.Line = integer<unsigned>(J.at(1));
  L.Column = integer<unsigned>(J.at(2));
  return L;
}

json pairs(const std::vector<std::pair<int, std::string>> &V) {
  json A = json::array();
  for (const auto &[I, S] : V)
    A.push_back({I, S});
  return A;
}
std::vector<std::pair<int, std::string>> pairs(const json &J) {
  std::vector<std::pair<int, std::string>> V;
  for (const json &A : J)
    V.push_back({integer<int>(A.at(0)), A.at(1).get<std::string>()});
  return V;
}

json ref(const HandleRef &R) {
  json J = {{"k", int(R.Kind)}};
  if (!R.Var.empty())
    J["v"] = R.Var;
  if (R.ParamIndex >= 0)
    J["p"] = R.ParamIndex;
  if (!R.Path.empty())
    J["m"] = R.Path;
  return J;
}
HandleRef ref(const json &J) {
  HandleRef R;
  int K = integer<int>(J.at("k"));
  if (K < 0 || K > int(HandleRef::Result))
    throw std::runtime_error("bad handle reference kind");
  R.Kind = HandleRef::Base(K);
  R.Var = J.value("v", "");
  R.ParamIndex = J.contains("p") ? integer<int>(J.at("p")) : -1;
  R.Path = J.value("m", "");
  return R;
}

json event(const Event &E) {
  json J = {{"k", int(E.Kind)}, {"l", loc(E.Loc)}};
  switch (E.Kind) {
  case EventKind::Call:
    if (!E.Callee.empty())
      J["c"] = E.Callee;
    J["n"] = E.CalleeName;
    if (!E.IndirectSig.empty())
      J["s"] = E.IndirectSig;
    if (!E.IndirectVia.empty())
      J["via"] = E.IndirectVia;
    if (!E.IndirectTable.empty()) {
      J["tb"] = E.IndirectTable;
      J["ix"] = E.IndirectIndex;
    }
    if (!E.CalleeValue.empty())
      J["cv"] = E.CalleeValue;
    if (E.Virtual)
      J["virt"] = true;
    if (E.EachElement)
      J["each"] = true;
    if (E.NoReturn)
      J["nr"] = true;
    if (!E.Args.empty()) {
      json A = json::array();
      for (const auto &[I, R] : E.Args)
        A.push_back({I, ref(R)});
      J["a"] = A;
    }
    if (E.AssignTo)
      J["to"] = ref(*E.AssignTo);
    if (E.Result >= 0)
      J["res"] = E.Result;
    if (!E.ArgValues.empty())
      J["av"] = pairs(E.ArgValues);
    if (!E.SlotArgs.empty())
      J["sa"] = pairs(E.SlotArgs);
    break;
  case EventKind::Fork:
    J["f"] = int(E.Fork);
    J["api"] = E.ForkApi;
    if (!E.Callee.empty())
      J["c"] = E.Callee;
    J["n"] = E.CalleeName;
    if (E.Result >= 0)
      J["res"] = E.Result;
    break;
  case EventKind::Exit:
    J["x"] = int(E.Exit);
    J["api"] = E.Api;
    break;
  case EventKind::Assign:
    J["d"] = E.Dst;
    J["v"] = E.Value;
    break;
  case EventKind::AtFork:
    if (!E.Prepare.empty())
      J["pre"] = E.Prepare;
    if (!E.Parent.empty())
      J["par"] = E.Parent;
    if (!E.Child.empty())
      J["chi"] = E.Child;
    break;
  default:
    J["r"] = ref(E.Ref);
    J["api"] = E.Api;
    J["lib"] = E.Library;
    if (E.HarmfulClose)
      J["harm"] = true;
    if (!E.Harm.empty())
      J["hm"] = E.Harm;
    if (E.Once)
      J["once"] = true;
    if (E.Connects)
      J["conn"] = true;
    break;
  }
  return J;
}

Event event(const json &J) {
  Event E;
  int K = integer<int>(J.at("k"));
  if (K < 0 || K > int(EventKind::AtFork))
    throw std::runtime_error("bad event kind");
  E.Kind = EventKind(K);
  E.Loc = loc(J.at("l"));
  switch (E.Kind) {
  case EventKind::Call:
    E.Callee = J.value("c", "");
    E.CalleeName = J.at("n").get<std::string>();
    E.IndirectSig = J.value("s", "");
    E.IndirectVia = J.value("via", "");
    E.IndirectTable = J.value("tb", "");
    E.IndirectIndex = J.value("ix", "");
    E.CalleeValue = J.value("cv", "");
    E.Virtual = J.value("virt", false);
    E.EachElement = J.value("each", false);
    E.NoReturn = J.value("nr", false);
    if (J.contains("a"))
      for (const json &A : J.at("a"))
        E.Args.push_back({integer<int>(A.at(0)), ref(A.at(1))});
    if (J.contains("to"))
      E.AssignTo = ref(J.at("to"));
    E.Result = J.contains("res") ? integer<int>(J.at("res")) : -1;
    if (J.contains("av"))
      E.ArgValues = pairs(J.at("av"));
    if (J.contains("sa"))
      E.SlotArgs = pairs(J.at("sa"));
    break;
  case EventKind::Fork: {
    int F = integer<int>(J.at("f"));
    if (F < 0 || F > int(ForkKind::Clone))
      throw std::runtime_error("bad fork kind");
    E.Fork = ForkKind(F);
    E.ForkApi = J.at("api").get<std::string>();
    E.Callee = J.value("c", "");
    E.CalleeName = J.value("n", "");
    E.Result = J.contains("res") ? integer<int>(J.at("res")) : -1;
    break;
  }
  case EventKind::Exit: {
    int X = integer<int>(J.at("x"));
    if (X < 0 || X > int(ExitKind::Exec))
      throw std::runtime_error("bad exit kind");
    E.Exit = ExitKind(X);
    E.Api = J.at("api").get<std::string>();
    break;
  }
  case EventKind::Assign:
    E.Dst = integer<int>(J.at("d"));
    E.Value = J.at("v").get<std::string>();
    break;
  case EventKind::AtFork:
    E.Prepare = J.value("pre", "");
    E.Parent = J.value("par", "");
    E.Child = J.value("chi", "");
    break;
  default:
    E.Ref = ref(J.at("r"));
    E.Api = J.at("api").get<std::string>();
    E.Library = J.at("lib").get<std::string>();
    E.HarmfulClose = J.value("harm", false);
    E.Harm = J.value("hm", "");
    E.Once = J.value("once", false);
    E.Connects = J.value("conn", false);
    break;
  }
  return E;
}

json function(const Function &F) {
  json Blocks = json::array();
  for (const Block &B : F.Blocks) {
    json Events = json::array();
    for (const Event &E : B.Events)
      Events.push_back(event(E));
    json Succs = json::array();
    for (const Edge &S : B.Succs) {
      // An unlabelled edge is its target; a labelled one [to, label] or,
      // for case labels, [to, label, [values]].
      if (S.When == Edge::Always)
        Succs.push_back(S.To);
      else if (S.When == Edge::Case)
        Succs.push_back({S.To, int(S.When), S.Cases});
      else
        Succs.push_back({S.To, int(S.When)});
    }
    json BJ = {{"e", Events}, {"s", Succs}};
    if (!B.Cond.empty())
      BJ["c"] = B.Cond;
    if (!B.Return.empty())
      BJ["r"] = B.Return;
    Blocks.push_back(BJ);
  }
  json J = {{"usr", F.Usr}, {"name", F.Name}, {"l", loc(F.Loc)},
            {"np", F.NumParams}, {"entry", F.Entry}, {"exit", F.ExitBlock},
            {"b", Blocks}};
  if (F.IsMain)
    J["main"] = true;
  if (F.IsStaticInit)
    J["sinit"] = true;
  if (F.IsStaticDtors)
    J["sdtor"] = true;
  if (F.AddressTaken)
    J["addr"] = true;
  if (F.AddressTaken && !F.Escapes)
    J["esc"] = false;
  if (!F.Signature.empty())
    J["sig"] = F.Signature;
  if (!F.Overrides.empty())
    J["ovr"] = F.Overrides;
  if (F.ReturnsCreated)
    J["rc"] = loc(*F.ReturnsCreated);
  if (!F.ReturnsCreatedPath.empty())
    J["rcp"] = F.ReturnsCreatedPath;
  if (!F.ReturnsVars.empty()) {
    json Rv = json::array();
    for (const HandleRef &R : F.ReturnsVars)
      Rv.push_back(ref(R));
    J["rv"] = Rv;
  }
  if (!F.ReturnsCallResultOf.empty())
    J["rf"] = F.ReturnsCallResultOf;
  if (F.ReturnsRef)
    J["rr"] = ref(*F.ReturnsRef);
  if (!F.Places.empty()) {
    json Pl = json::array();
    for (const HandleRef &R : F.Places)
      Pl.push_back(ref(R));
    J["pl"] = Pl;
  }
  if (!F.FnRefs.empty())
    J["fr"] = F.FnRefs;
  if (!F.TakesAddressOf.empty())
    J["ta"] = F.TakesAddressOf;
  return J;
}

Function function(const json &J) {
  Function F;
  F.Usr = J.at("usr").get<std::string>();
  F.Name = J.at("name").get<std::string>();
  F.Loc = loc(J.at("l"));
  F.NumParams = integer<int>(J.at("np"));
  F.Entry = integer<unsigned>(J.at("entry"));
  F.ExitBlock = integer<unsigned>(J.at("exit"));
  F.IsMain = J.value("main", false);
  F.IsStaticInit = J.value("sinit", false);
  F.IsStaticDtors = J.value("sdtor", false);
  F.AddressTaken = J.value("addr", false);
  F.Escapes = J.value("esc", true);
  F.Signature = J.value("sig", "");
  if (J.contains("ovr"))
    F.Overrides = J.at("ovr").get<std::vector<std::string>>();
  if (J.contains("rc"))
    F.ReturnsCreated = loc(J.at("rc"));
  if (J.contains("rcp"))
    F.ReturnsCreatedPath = J.at("rcp").get<std::string>();
  if (J.contains("rv"))
    for (const json &R : J.at("rv"))
      F.ReturnsVars.push_back(ref(R));
  if (J.contains("rf"))
    F.ReturnsCallResultOf = J.at("rf").get<std::vector<std::string>>();
  if (J.contains("rr"))
    F.ReturnsRef = ref(J.at("rr"));
  if (J.contains("pl"))
    for (const json &R : J.at("pl"))
      F.Places.push_back(ref(R));
  if (J.contains("fr"))
    F.FnRefs = J.at("fr").get<std::vector<std::string>>();
  if (J.contains("ta"))
    F.TakesAddressOf = J.at("ta").get<std::vector<std::string>>();
  for (const json &BJ : J.at("b")) {
    Block B;
    for (const json &E : BJ.at("e"))
      B.Events.push_back(event(E));
    for (const json &S : BJ.at("s")) {
      Edge Ed;
      if (S.is_array()) {
        Ed.To = integer<unsigned>(S.at(0));
        int L = integer<int>(S.at(1));
        if (L < int(Edge::Always) || L > int(Edge::Default))
          throw std::runtime_error("bad edge label");
        Ed.When = Edge::Label(L);
        if (Ed.When == Edge::Case)
          Ed.Cases = integers(S.at(2));
      } else {
        Ed.To = integer<unsigned>(S);
      }
      B.Succs.push_back(Ed);
    }
    B.Cond = BJ.value("c", "");
    B.Return = BJ.value("r", "");
    F.Blocks.push_back(std::move(B));
  }
  // Reject graphs that point outside themselves: facts files are input too.
  size_t N = F.Blocks.size();
  if (N == 0 || F.Entry >= N || F.ExitBlock >= N)
    throw std::runtime_error("function '" + F.Name + "' has no valid CFG");
  for (const Block &B : F.Blocks)
    for (const Edge &E : B.Succs)
      if (E.To >= N)
        throw std::runtime_error("edge out of range in '" + F.Name + "'");
  return F;
}

json handle(const HandleVar &H) {
  json J = {{"key", H.Key},   {"name", H.Name},  {"type", H.Type},
            {"lib", H.Library}, {"sem", semanticsName(H.Sem)}, {"l", loc(H.Loc)},
            {"st", int(H.Store)}};
  if (H.IsDefinition)
    J["def"] = true;
  if (H.OpaqueRoot)
    J["opq"] = true;
  if (!H.Path.empty())
    J["path"] = H.Path;
  if (!H.Nolint.empty())
    J["nolint"] = H.Nolint;
  return J;
}

HandleVar handle(const json &J) {
  HandleVar H;
  H.Key = J.at("key").get<std::string>();
  H.Name = J.at("name").get<std::string>();
  H.Type = J.at("type").get<std::string>();
  H.Library = J.at("lib").get<std::string>();
  std::optional<Semantics> Sem = parseSemantics(J.at("sem").get<std::string>());
  if (!Sem)
    throw std::runtime_error("bad handle semantics");
  H.Sem = *Sem;
  H.Loc = loc(J.at("l"));
  int S = integer<int>(J.at("st"));
  if (S < 0 || S > int(Storage::Local))
    throw std::runtime_error("bad storage kind");
  H.Store = Storage(S);
  H.IsDefinition = J.value("def", false);
  H.OpaqueRoot = J.value("opq", false);
  H.Path = J.value("path", "");
  if (H.Key.size() < H.Path.size() ||
      H.Key.compare(H.Key.size() - H.Path.size(), H.Path.size(), H.Path) != 0)
    throw std::runtime_error("handle key does not end with its path");
  if (J.contains("nolint"))
    H.Nolint = J.at("nolint").get<std::vector<std::string>>();
  return H;
}

json edit(const TextEdit &E) {
  return {{"l", loc(E.Loc)}, {"from", E.From}, {"to", E.To}};
}
TextEdit edit(const json &J) {
  TextEdit E;
  E.Loc = loc(J.at("l"));
  E.From = J.at("from").get<std::string>();
  E.To = J.at("to").get<std::string>();
  return E;
}

json lazyVar(const LazyVar &V) {
  json Decls = json::array(), Refs = json::array(), Incs = json::array();
  for (const LazyVar::Decl &D : V.Decls)
    Decls.push_back({{"l", loc(D.Loc)}, {"text", D.Text}, {"type", D.Type},
                     {"name", D.Name}, {"init", D.Init},
                     {"def", D.Definition}, {"class", D.ClassType}});
  for (const LazyVar::Ref &R : V.Refs)
    Refs.push_back({{"l", loc(R.Loc)}, {"text", R.Text}, {"name", R.Name},
                    {"k", int(R.What)}});
  for (const LazyVar::Include &I : V.Includes)
    Incs.push_back({{"file", I.File}, {"l", loc(I.At)}, {"have", I.Present},
                    {"ok", I.Ok}});
  json J = {{"var", V.Var}, {"decls", Decls}, {"refs", Refs},
            {"includes", Incs}, {"cxx17", V.Cxx17}, {"movable", V.Movable}};
  if (!V.Blocked.empty())
    J["blocked"] = V.Blocked;
  return J;
}
LazyVar lazyVar(const json &J) {
  LazyVar V;
  V.Var = J.at("var").get<std::string>();
  V.Blocked = J.value("blocked", "");
  V.Cxx17 = J.at("cxx17").get<bool>();
  V.Movable = J.at("movable").get<bool>();
  for (const json &D : J.at("decls")) {
    LazyVar::Decl X;
    X.Loc = loc(D.at("l"));
    X.Text = D.at("text").get<std::string>();
    X.Type = D.at("type").get<std::string>();
    X.Name = D.at("name").get<std::string>();
    X.Init = D.at("init").get<std::string>();
    X.Definition = D.at("def").get<bool>();
    X.ClassType = D.at("class").get<bool>();
    V.Decls.push_back(std::move(X));
  }
  for (const json &R : J.at("refs")) {
    LazyVar::Ref X;
    X.Loc = loc(R.at("l"));
    X.Text = R.at("text").get<std::string>();
    X.Name = R.at("name").get<std::string>();
    int K = integer<int>(R.at("k"));
    if (K < 0 || K > int(LazyVar::Ref::Dot))
      throw std::runtime_error("bad reference kind");
    X.What = LazyVar::Ref::Kind(K);
    V.Refs.push_back(std::move(X));
  }
  for (const json &I : J.at("includes")) {
    LazyVar::Include X;
    X.File = I.at("file").get<std::string>();
    X.At = loc(I.at("l"));
    X.Present = I.at("have").get<std::vector<std::string>>();
    X.Ok = I.at("ok").get<bool>();
    V.Includes.push_back(std::move(X));
  }
  return V;
}

json hookBody(const HookBody &B) {
  json Stmts = json::array();
  for (const HookBody::Stmt &S : B.Stmts) {
    json X = {{"b", loc(S.Begin)}, {"e", loc(S.End)}, {"text", S.Text},
              {"cut", edit(S.Cut)}, {"vars", S.Vars}};
    if (!S.Blocked.empty())
      X["blocked"] = S.Blocked;
    if (S.Needs.valid())
      X["needs"] = loc(S.Needs);
    Stmts.push_back(std::move(X));
  }
  return {{"usr", B.Usr},       {"name", B.Name},
          {"file", B.File},     {"stmts", Stmts},
          {"at", loc(B.InsertAt)}, {"indent", B.Indent},
          {"suffix", B.InsertSuffix}, {"guarded", B.Guarded}};
}
HookBody hookBody(const json &J) {
  HookBody B;
  B.Usr = J.at("usr").get<std::string>();
  B.Name = J.at("name").get<std::string>();
  B.File = J.at("file").get<std::string>();
  B.InsertAt = loc(J.at("at"));
  B.Indent = J.at("indent").get<std::string>();
  B.InsertSuffix = J.at("suffix").get<std::string>();
  B.Guarded = J.at("guarded").get<bool>();
  for (const json &X : J.at("stmts")) {
    HookBody::Stmt S;
    S.Begin = loc(X.at("b"));
    S.End = loc(X.at("e"));
    S.Text = X.at("text").get<std::string>();
    S.Cut = edit(X.at("cut"));
    S.Vars = X.at("vars").get<std::vector<std::string>>();
    S.Blocked = X.value("blocked", "");
    if (X.contains("needs"))
      S.Needs = loc(X.at("needs"));
    B.Stmts.push_back(std::move(S));
  }
  return B;
}

} // namespace

std::string factsToJson(const TUFacts &F, bool Pretty) {
  // The compact text is written without a DOM (FactsJsonWriter.cpp), byte
  // for byte what the code below dumps; it leaves strings that are not
  // UTF-8 to this path.
  if (!Pretty) {
    std::string Out;
    if (detail::writeFactsFast(F, Out))
      return Out;
  }
  return detail::factsToJsonDom(F, Pretty);
}

// Any change to what this writes must be made in FactsJsonWriter.cpp too.
std::string detail::factsToJsonDom(const TUFacts &F, bool Pretty) {
  json Fns = json::array();
  for (const Function &Fn : F.Functions)
    Fns.push_back(function(Fn));
  json Hs = json::array();
  for (const HandleVar &H : F.Handles)
    Hs.push_back(handle(H));
  json Hooks = json::array();
  for (const HookBinding &H : F.Hooks) {
    json HJ = {{"fw", H.Framework},
               {"role", int(H.Role)},
               {"usr", H.FunctionUsr},
               {"name", H.FunctionName},
               {"l", loc(H.Loc)},
               {"note", H.Note},
               {"master", H.MasterArgs},
               {"worker", H.WorkerArgs}};
    if (!H.AbortsIf.empty())
      HJ["aborts"] = H.AbortsIf;
    if (H.ForksHere)
      HJ["forks"] = true;
    Hooks.push_back(HJ);
  }
  json J = {{"forksafe-facts", F.Version},
            {"main", F.MainFile},
            {"functions", Fns},
            {"handles", Hs},
            {"hooks", Hooks}};
  if (!F.LazyVars.empty()) {
    json L = json::array();
    for (const LazyVar &V : F.LazyVars)
      L.push_back(lazyVar(V));
    J["lazy"] = L;
  }
  if (!F.HookBodies.empty()) {
    json L = json::array();
    for (const HookBody &B : F.HookBodies)
      L.push_back(hookBody(B));
    J["hookbodies"] = L;
  }
  if (!F.FunctionSlots.empty())
    J["slots"] = F.FunctionSlots;
  if (!F.OpaqueSlots.empty())
    J["opaque"] = F.OpaqueSlots;
  if (!F.DataSlots.empty())
    J["dslots"] = F.DataSlots;
  if (!F.ElementInits.empty())
    J["einit"] = F.ElementInits;
  if (!F.ElementTypes.empty())
    J["etype"] = F.ElementTypes;
  if (F.FieldWritesKnown)
    J["wfld"] = F.WrittenFields;
  if (!F.SlotFlows.empty()) {
    json Fl = json::array();
    for (const auto &[Dst, Src] : F.SlotFlows)
      Fl.push_back({Dst, Src});
    J["flows"] = Fl;
  }
  if (!F.GlobalInits.empty())
    J["ginit"] = F.GlobalInits;
  if (!F.EscapedGlobals.empty())
    J["gesc"] = F.EscapedGlobals;
  if (!F.RunTimeAddressed.empty())
    J["rta"] = F.RunTimeAddressed;
  if (!F.StaticallyAddressed.empty())
    J["sta"] = F.StaticallyAddressed;
  if (!F.ConfiguredGlobals.empty())
    J["gcfg"] = F.ConfiguredGlobals;
  if (!F.Tables.empty())
    J["tables"] = F.Tables;
  return J.dump(Pretty ? 1 : -1, ' ', false,
                json::error_handler_t::replace);
}

bool factsFromJson(const std::string &Text, TUFacts &Out, std::string &Error) {
  // Facts as the writer spells them load without a DOM; anything else
  // (malformed, unusual, rejected) takes the DOM path, which decides.
  if (detail::readFactsFast(Text.data(), Text.size(), Out))
    return true;
  try {
    return factsFromJson(json::parse(Text), Out, Error);
  } catch (const std::exception &Ex) {
    Error = Ex.what();
    return false;
  }
}

// Any change to what this accepts or produces must be made in
// FactsJsonReader.cpp too (the text fast path mirrors it).
bool factsFromJson(const json &J, TUFacts &Out, std::string &Error) {
  try {
    int V = integer<int>(J.at("forksafe-facts"));
    if (V != FactsVersion) {
      Error = "facts version " + std::to_string(V) + ", expected " +
              std::to_string(FactsVersion);
      return false;
    }
    TUFacts F;
    F.Version = V;
    F.MainFile = J.at("main").get<std::string>();
    for (const json &Fn : J.at("functions"))
      F.Functions.push_back(function(Fn));
    for (const json &H : J.at("handles"))
      F.Handles.push_back(handle(H));
    if (J.contains("hooks"))
      for (const json &H : J.at("hooks")) {
        HookBinding B;
        B.Framework = H.at("fw").get<std::string>();
        int Role = integer<int>(H.at("role"));
        if (Role < 0 || Role > int(HookRole::Request))
          throw std::runtime_error("bad hook role");
        B.Role = HookRole(Role);
        B.FunctionUsr = H.at("usr").get<std::string>();
        B.FunctionName = H.at("name").get<std::string>();
        B.Loc = loc(H.at("l"));
        B.Note = H.at("note").get<std::string>();
        B.MasterArgs = integers(H.at("master"));
        B.WorkerArgs = integers(H.at("worker"));
        B.AbortsIf = H.value("aborts", "");
        B.ForksHere = H.value("forks", false);
        F.Hooks.push_back(std::move(B));
      }
    if (J.contains("lazy"))
      for (const json &V : J.at("lazy"))
        F.LazyVars.push_back(lazyVar(V));
    if (J.contains("hookbodies"))
      for (const json &B : J.at("hookbodies"))
        F.HookBodies.push_back(hookBody(B));
    if (J.contains("slots"))
      F.FunctionSlots = J.at("slots")
                            .get<std::map<std::string, std::vector<std::string>>>();
    if (J.contains("opaque"))
      F.OpaqueSlots = J.at("opaque").get<std::vector<std::string>>();
    if (J.contains("dslots"))
      F.DataSlots = J.at("dslots")
                        .get<std::map<std::string, std::vector<std::string>>>();
    if (J.contains("flows"))
      for (const json &Fl : J.at("flows"))
        F.SlotFlows.push_back(
            {Fl.at(0).get<std::string>(), Fl.at(1).get<std::string>()});
    if (J.contains("tables"))
      F.Tables = J.at("tables")
                     .get<std::map<std::string, std::vector<std::string>>>();
    if (J.contains("gesc"))
      F.EscapedGlobals = J.at("gesc").get<std::vector<std::string>>();
    if (J.contains("rta"))
      F.RunTimeAddressed = J.at("rta").get<std::vector<std::string>>();
    if (J.contains("sta"))
      F.StaticallyAddressed = J.at("sta").get<std::vector<std::string>>();
    if (J.contains("gcfg"))
      F.ConfiguredGlobals = J.at("gcfg").get<std::vector<std::string>>();
    if (J.contains("ginit"))
      for (const auto &[Key, V] : J.at("ginit").items())
        F.GlobalInits[Key] = integer<int64_t>(V);
    if (J.contains("einit"))
      for (const auto &[Key, V] : J.at("einit").items())
        F.ElementInits[Key] = integer<int64_t>(V);
    if (J.contains("etype"))
      F.ElementTypes = J.at("etype").get<std::map<std::string, std::string>>();
    if (J.contains("wfld")) {
      F.WrittenFields = J.at("wfld").get<std::vector<std::string>>();
      F.FieldWritesKnown = true;
    }
    for (const Function &Fn : F.Functions)
      if (std::string Why = checkValues(Fn); !Why.empty())
        throw std::runtime_error(Why);
    Out = std::move(F);
    return true;
  } catch (const std::exception &Ex) {
    Error = Ex.what();
    return false;
  }
}

} // namespace forksafe
