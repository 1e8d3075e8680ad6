// SPDX-License-Identifier: Apache-2.0
// A reader specialised to the facts layout (FactsJson.cpp writes it): it
// fills the structs straight from the text, with no nlohmann DOM between
// (building the DOM, then looking its keys up and copying its strings, was
// most of 'forksafe link').
//
// It only has to be right when it succeeds: on anything unusual it gives up
// and factsFromJson() parses the text with nlohmann instead, which then
// decides, with its own error messages. "Unusual" is everything the DOM
// conversion would treat in a way this reader does not model exactly:
//  - malformed JSON (nlohmann's grammar: RFC 8259, UTF-8 checked in strings,
//    no comments, nothing but whitespace after the value; a BOM: give up);
//  - a known key twice in one object (the DOM keeps the last);
//  - a key spelled with escapes;
//  - a value of another JSON type than the writer's (numbers where a bool
//    is read, floats where an integer is, null for an empty array...: the
//    DOM converts some of those) or out of its C++ type's range;
//  - whatever the DOM conversion rejects (missing keys, bad kinds, an
//    unsupported version, a CFG pointing outside itself...).
// Keys it does not know are skipped (after checking their JSON), as the DOM
// conversion ignores them; so are extra elements of the fixed-size arrays
// (locations, fork edges, argument and sample pairs), which it reads with
// at(i).
#include "FactsJsonReader.h"

#include "forksafe/ValueExpr.h"

#include <algorithm>
#include <climits>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace forksafe::detail {
namespace {

struct GiveUp {};

[[noreturn]] void giveUp() { throw GiveUp(); }

/// Bits for the keys an object has shown, to catch duplicates and missing
/// required keys.
class KeySet {
  uint32_t Bits = 0;

public:
  void add(unsigned I) {
    uint32_t B = uint32_t(1) << I;
    if (Bits & B)
      giveUp();
    Bits |= B;
  }
  bool has(unsigned I) const { return Bits & (uint32_t(1) << I); }
  void require(uint32_t Mask) const {
    if ((Bits & Mask) != Mask)
      giveUp();
  }
};
constexpr uint32_t bits() { return 0; }
template <class... T> constexpr uint32_t bits(unsigned I, T... Rest) {
  return (uint32_t(1) << I) | bits(Rest...);
}

class Reader {
  const char *P, *End;

public:
  Reader(const char *B, size_t N) : P(B), End(B + N) {}

  void ws() {
    while (P != End && (*P == ' ' || *P == '\n' || *P == '\r' || *P == '\t'))
      ++P;
  }
  /// The next significant character (not consumed).
  char peek() {
    ws();
    if (P == End)
      giveUp();
    return *P;
  }
  void expect(char C) {
    if (peek() != C)
      giveUp();
    ++P;
  }
  void atEnd() {
    ws();
    if (P != End)
      giveUp();
  }

  // --- Containers ------------------------------------------------------
  /// Calls OnKey(key) for each member of an object; OnKey reads the value.
  template <class F> void object(F &&OnKey) {
    expect('{');
    if (peek() == '}') {
      ++P;
      return;
    }
    for (;;) {
      std::string_view K = key();
      OnKey(K);
      char C = peek();
      ++P;
      if (C == ',')
        continue;
      if (C == '}')
        return;
      giveUp();
    }
  }
  /// Calls OnElement() for each element of an array; it reads the element.
  template <class F> void array(F &&OnElement) {
    expect('[');
    if (peek() == ']') {
      ++P;
      return;
    }
    for (;;) {
      OnElement();
      char C = peek();
      ++P;
      if (C == ',')
        continue;
      if (C == ']')
        return;
      giveUp();
    }
  }
  /// After the elements of a fixed-size array that are read: any more are
  /// ignored (as by at(i)), then the ']'.
  void restOfArray() {
    for (;;) {
      char C = peek();
      ++P;
      if (C == ']')
        return;
      if (C != ',')
        giveUp();
      skipValue();
    }
  }

  // --- Scalars ---------------------------------------------------------
  bool boolean() {
    char C = peek();
    if (C == 't' && End - P >= 4 && memcmp(P, "true", 4) == 0) {
      P += 4;
      return true;
    }
    if (C == 'f' && End - P >= 5 && memcmp(P, "false", 5) == 0) {
      P += 5;
      return false;
    }
    giveUp();
  }

  /// An integer literal: its sign and magnitude. Floats (a fraction or an
  /// exponent) and magnitudes beyond 64 bits give up (nlohmann makes those
  /// floats).
  void integer(bool &Neg, uint64_t &Mag) {
    ws();
    Neg = false;
    if (P != End && *P == '-') {
      Neg = true;
      ++P;
    }
    if (P == End || *P < '0' || *P > '9')
      giveUp();
    Mag = uint64_t(*P++ - '0');
    if (Mag != 0)
      while (P != End && *P >= '0' && *P <= '9') {
        if (__builtin_mul_overflow(Mag, 10u, &Mag) ||
            __builtin_add_overflow(Mag, uint64_t(*P - '0'), &Mag))
          giveUp();
        ++P;
      }
    if (P != End && (*P == '.' || *P == 'e' || *P == 'E'))
      giveUp();
  }
  int int32() {
    bool Neg;
    uint64_t Mag;
    integer(Neg, Mag);
    if (Neg) {
      if (Mag > uint64_t(INT_MAX) + 1)
        giveUp();
      return int(-int64_t(Mag));
    }
    if (Mag > uint64_t(INT_MAX))
      giveUp();
    return int(Mag);
  }
  unsigned uint32() {
    bool Neg;
    uint64_t Mag;
    integer(Neg, Mag);
    if ((Neg && Mag != 0) || Mag > UINT_MAX)
      giveUp();
    return unsigned(Mag);
  }
  int64_t int64() {
    bool Neg;
    uint64_t Mag;
    integer(Neg, Mag);
    if (Neg) {
      if (Mag > uint64_t(INT64_MAX) + 1)
        giveUp();
      return Mag == uint64_t(INT64_MAX) + 1 ? INT64_MIN : -int64_t(Mag);
    }
    if (Mag > uint64_t(INT64_MAX))
      giveUp();
    return int64_t(Mag);
  }

  /// A string value, decoded as nlohmann does.
  void string(std::string &Out) {
    expect('"');
    const char *S = P;
    while (P != End) {
      unsigned char C = *P;
      if (C == '"') {
        Out.assign(S, P - S);
        ++P;
        return;
      }
      if (C == '\\' || C < 0x20 || C >= 0x80)
        break;
      ++P;
    }
    Out.assign(S, P - S);
    for (;;) {
      if (P == End)
        giveUp();
      unsigned char C = *P;
      if (C == '"') {
        ++P;
        return;
      }
      if (C < 0x20)
        giveUp();
      if (C == '\\') {
        escape(Out);
      } else if (C < 0x80) {
        Out.push_back(char(C));
        ++P;
      } else {
        size_t N = utf8(P);
        Out.append(P, N);
        P += N;
      }
    }
  }
  std::string string() {
    std::string S;
    string(S);
    return S;
  }
  /// An object key and its ':'. Keys spelled with escapes give up.
  std::string_view key() {
    expect('"');
    const char *S = P;
    for (;;) {
      if (P == End)
        giveUp();
      unsigned char C = *P;
      if (C == '"')
        break;
      if (C == '\\' || C < 0x20)
        giveUp();
      P += C < 0x80 ? 1 : utf8(P);
    }
    std::string_view K(S, P - S);
    ++P;
    expect(':');
    return K;
  }

  std::vector<std::string> strings() {
    std::vector<std::string> V;
    array([&] { string(V.emplace_back()); });
    return V;
  }

  /// Checks and skips any value.
  void skipValue() {
    constexpr int MaxDepth = 256; // deeper: give up (nlohmann has no limit)
    char Close[MaxDepth];
    int Depth = 0;
    for (;;) {
      char C = peek();
      switch (C) {
      case '{':
      case '[':
        ++P;
        if (peek() == (C == '{' ? '}' : ']')) {
          ++P;
          break;
        }
        if (Depth == MaxDepth)
          giveUp();
        Close[Depth++] = C == '{' ? '}' : ']';
        if (C == '{')
          skipKey();
        continue; // the first member's value
      case '"':
        skipString();
        break;
      case 't':
        literal("true", 4);
        break;
      case 'f':
        literal("false", 5);
        break;
      case 'n':
        literal("null", 4);
        break;
      default:
        skipNumber();
        break;
      }
      // A value is complete: close containers until another member starts.
      for (;;) {
        if (Depth == 0)
          return;
        char X = peek();
        ++P;
        if (X == ',') {
          if (Close[Depth - 1] == '}')
            skipKey();
          break;
        }
        if (X != Close[Depth - 1])
          giveUp();
        --Depth;
      }
    }
  }

private:
  /// The length of the UTF-8 sequence at Q (a byte >= 0x80), checked as
  /// nlohmann's lexer checks it.
  size_t utf8(const char *Q) const {
    auto At = [&](size_t I) -> unsigned {
      return Q + I < End ? (unsigned char)Q[I] : 0x100;
    };
    auto In = [](unsigned B, unsigned Lo, unsigned Hi) {
      return B >= Lo && B <= Hi;
    };
    unsigned B0 = At(0);
    if (In(B0, 0xC2, 0xDF)) {
      if (In(At(1), 0x80, 0xBF))
        return 2;
    } else if (B0 == 0xE0) {
      if (In(At(1), 0xA0, 0xBF) && In(At(2), 0x80, 0xBF))
        return 3;
    } else if (In(B0, 0xE1, 0xEC) || In(B0, 0xEE, 0xEF)) {
      if (In(At(1), 0x80, 0xBF) && In(At(2), 0x80, 0xBF))
        return 3;
    } else if (B0 == 0xED) {
      if (In(At(1), 0x80, 0x9F) && In(At(2), 0x80, 0xBF))
        return 3;
    } else if (B0 == 0xF0) {
      if (In(At(1), 0x90, 0xBF) && In(At(2), 0x80, 0xBF) &&
          In(At(3), 0x80, 0xBF))
        return 4;
    } else if (In(B0, 0xF1, 0xF3)) {
      if (In(At(1), 0x80, 0xBF) && In(At(2), 0x80, 0xBF) &&
          In(At(3), 0x80, 0xBF))
        return 4;
    } else if (B0 == 0xF4) {
      if (In(At(1), 0x80, 0x8F) && In(At(2), 0x80, 0xBF) &&
          In(At(3), 0x80, 0xBF))
        return 4;
    }
    giveUp();
  }

  /// Four hex digits after "\u".
  unsigned hex4() {
    if (End - P < 4)
      giveUp();
    unsigned V = 0;
    for (int I = 0; I < 4; ++I) {
      char C = *P++;
      V <<= 4;
      if (C >= '0' && C <= '9')
        V |= unsigned(C - '0');
      else if (C >= 'a' && C <= 'f')
        V |= unsigned(C - 'a' + 10);
      else if (C >= 'A' && C <= 'F')
        V |= unsigned(C - 'A' + 10);
      else
        giveUp();
    }
    return V;
  }

  /// An escape sequence (P at the backslash), appended to Out as nlohmann
  /// decodes it; a lone surrogate gives up (nlohmann rejects it).
  void escape(std::string &Out) {
    ++P;
    if (P == End)
      giveUp();
    switch (*P++) {
    case '"': Out.push_back('"'); return;
    case '\\': Out.push_back('\\'); return;
    case '/': Out.push_back('/'); return;
    case 'b': Out.push_back('\b'); return;
    case 'f': Out.push_back('\f'); return;
    case 'n': Out.push_back('\n'); return;
    case 'r': Out.push_back('\r'); return;
    case 't': Out.push_back('\t'); return;
    case 'u': break;
    default: giveUp();
    }
    unsigned CP = hex4();
    if (CP >= 0xD800 && CP <= 0xDBFF) {
      if (End - P < 2 || P[0] != '\\' || P[1] != 'u')
        giveUp();
      P += 2;
      unsigned Lo = hex4();
      if (Lo < 0xDC00 || Lo > 0xDFFF)
        giveUp();
      CP = 0x10000 + ((CP - 0xD800) << 10) + (Lo - 0xDC00);
    } else if (CP >= 0xDC00 && CP <= 0xDFFF) {
      giveUp();
    }
    if (CP < 0x80) {
      Out.push_back(char(CP));
    } else if (CP < 0x800) {
      Out.push_back(char(0xC0 | (CP >> 6)));
      Out.push_back(char(0x80 | (CP & 0x3F)));
    } else if (CP < 0x10000) {
      Out.push_back(char(0xE0 | (CP >> 12)));
      Out.push_back(char(0x80 | ((CP >> 6) & 0x3F)));
      Out.push_back(char(0x80 | (CP & 0x3F)));
    } else {
      Out.push_back(char(0xF0 | (CP >> 18)));
      Out.push_back(char(0x80 | ((CP >> 12) & 0x3F)));
      Out.push_back(char(0x80 | ((CP >> 6) & 0x3F)));
      Out.push_back(char(0x80 | (CP & 0x3F)));
    }
  }

  void skipString() {
    expect('"');
    for (;;) {
      if (P == End)
        giveUp();
      unsigned char C = *P;
      if (C == '"') {
        ++P;
        return;
      }
      if (C < 0x20)
        giveUp();
      if (C == '\\') {
        ++P;
        if (P == End)
          giveUp();
        switch (*P++) {
        case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r':
        case 't':
          break;
        case 'u': {
          unsigned CP = hex4();
          if (CP >= 0xD800 && CP <= 0xDBFF) {
            if (End - P < 2 || P[0] != '\\' || P[1] != 'u')
              giveUp();
            P += 2;
            unsigned Lo = hex4();
            if (Lo < 0xDC00 || Lo > 0xDFFF)
              giveUp();
          } else if (CP >= 0xDC00 && CP <= 0xDFFF) {
            giveUp();
          }
          break;
        }
        default:
          giveUp();
        }
      } else {
        P += C < 0x80 ? 1 : utf8(P);
      }
    }
  }
  void skipKey() {
    skipString();
    expect(':');
  }
  void literal(const char *Word, size_t N) {
    if (size_t(End - P) < N || memcmp(P, Word, N) != 0)
      giveUp();
    P += N;
  }
  /// nlohmann's number grammar.
  void skipNumber() {
    auto Digit = [&] { return P != End && *P >= '0' && *P <= '9'; };
    if (P != End && *P == '-')
      ++P;
    if (!Digit())
      giveUp();
    if (*P++ != '0')
      while (Digit())
        ++P;
    if (P != End && *P == '.') {
      ++P;
      if (!Digit())
        giveUp();
      while (Digit())
        ++P;
    }
    if (P != End && (*P == 'e' || *P == 'E')) {
      ++P;
      if (P != End && (*P == '+' || *P == '-'))
        ++P;
      if (!Digit())
        giveUp();
      while (Digit())
        ++P;
    }
  }
};

// --- The layout (mirrors the DOM conversion in FactsJson.cpp) -----------

void loc(Reader &R, Location &L) {
  R.expect('[');
  R.string(L.File);
  R.expect(',');
  L.Line = R.uint32();
  R.expect(',');
  L.Column = R.uint32();
  R.restOfArray();
}

void ref(Reader &R, HandleRef &H) {
  enum { K, V, Pi, M };
  KeySet Seen;
  R.object([&](std::string_view Key) {
    if (Key == "k") {
      Seen.add(K);
      int X = R.int32();
      if (X < 0 || X > int(HandleRef::Result))
        giveUp();
      H.Kind = HandleRef::Base(X);
    } else if (Key == "v") {
      Seen.add(V);
      R.string(H.Var);
    } else if (Key == "p") {
      Seen.add(Pi);
      H.ParamIndex = R.int32();
    } else if (Key == "m") {
      Seen.add(M);
      R.string(H.Path);
    } else {
      R.skipValue();
    }
  });
  Seen.require(bits(K));
}

void event(Reader &R, Event &E) {
  enum {
    K,
    L,
    C,
    N,
    S,
    Via,
    Virt,
    Each,
    Nr,
    A,
    To,
    F,
    Api,
    X,
    Rf,
    Lib,
    Harm,
    Hm,
    Once,
    Conn,
    Res,
    Av,
    Sa,
    D,
    V,
    Chi,
    Par,
    Pre,
    Tb,
    Ix,
    Cv
  };
  KeySet Seen;
  int Kind = 0, Fork = 0, Exit = 0, ResV = -1, DstV = -1;
  std::string ApiV, ValueV, ChiV, ParV, PreV;
  auto pairs = [&](std::vector<std::pair<int, std::string>> &Out) {
    R.array([&] {
      auto &P = Out.emplace_back();
      R.expect('[');
      P.first = R.int32();
      R.expect(',');
      R.string(P.second);
      R.restOfArray();
    });
  };
  R.object([&](std::string_view Key) {
    switch (Key.size()) {
    case 1:
      switch (Key[0]) {
      case 'k':
        Seen.add(K);
        Kind = R.int32();
        return;
      case 'l':
        Seen.add(L);
        loc(R, E.Loc);
        return;
      case 'c':
        Seen.add(C);
        R.string(E.Callee);
        return;
      case 'n':
        Seen.add(N);
        R.string(E.CalleeName);
        return;
      case 's':
        Seen.add(S);
        R.string(E.IndirectSig);
        return;
      case 'a':
        Seen.add(A);
        R.array([&] {
          auto &Arg = E.Args.emplace_back();
          R.expect('[');
          Arg.first = R.int32();
          R.expect(',');
          ref(R, Arg.second);
          R.restOfArray();
        });
        return;
      case 'f':
        Seen.add(F);
        Fork = R.int32();
        return;
      case 'x':
        Seen.add(X);
        Exit = R.int32();
        return;
      case 'r':
        Seen.add(Rf);
        ref(R, E.Ref);
        return;
      case 'd':
        Seen.add(D);
        DstV = R.int32();
        return;
      case 'v':
        Seen.add(V);
        R.string(ValueV);
        return;
      }
      break;
    case 2:
      if (Key == "av") {
        Seen.add(Av);
        pairs(E.ArgValues);
        return;
      }
      if (Key == "sa") {
        Seen.add(Sa);
        pairs(E.SlotArgs);
        return;
      }
      if (Key == "tb") {
        Seen.add(Tb);
        R.string(E.IndirectTable);
        return;
      }
      if (Key == "ix") {
        Seen.add(Ix);
        R.string(E.IndirectIndex);
        return;
      }
      if (Key == "cv") {
        Seen.add(Cv);
        R.string(E.CalleeValue);
        return;
      }
      if (Key == "nr") {
        Seen.add(Nr);
        E.NoReturn = R.boolean();
        return;
      }
      if (Key == "to") {
        Seen.add(To);
        ref(R, E.AssignTo.emplace());
        return;
      }
      if (Key == "hm") {
        Seen.add(Hm);
        R.string(E.Harm);
        return;
      }
      break;
    case 3:
      if (Key == "api") {
        Seen.add(Api);
        R.string(ApiV);
        return;
      }
      if (Key == "via") {
        Seen.add(Via);
        R.string(E.IndirectVia);
        return;
      }
      if (Key == "lib") {
        Seen.add(Lib);
        R.string(E.Library);
        return;
      }
      if (Key == "res") {
        Seen.add(Res);
        ResV = R.int32();
        return;
      }
      if (Key == "chi") {
        Seen.add(Chi);
        R.string(ChiV);
        return;
      }
      if (Key == "par") {
        Seen.add(Par);
        R.string(ParV);
        return;
      }
      if (Key == "pre") {
        Seen.add(Pre);
        R.string(PreV);
        return;
      }
      break;
    case 4:
      if (Key == "virt") {
        Seen.add(Virt);
        E.Virtual = R.boolean();
        return;
      }
      if (Key == "each") {
        Seen.add(Each);
        E.EachElement = R.boolean();
        return;
      }
      if (Key == "harm") {
        Seen.add(Harm);
        E.HarmfulClose = R.boolean();
        return;
      }
      if (Key == "once") {
        Seen.add(Once);
        E.Once = R.boolean();
        return;
      }
      if (Key == "conn") {
        Seen.add(Conn);
        E.Connects = R.boolean();
        return;
      }
      break;
    }
    R.skipValue();
  });
  Seen.require(bits(K, L));
  if (Kind < 0 || Kind > int(EventKind::AtFork))
    giveUp();
  E.Kind = EventKind(Kind);
  // What the DOM conversion reads for this kind; the rest was read (and
  // checked) above but must not show.
  bool IsCall = E.Kind == EventKind::Call, IsFork = E.Kind == EventKind::Fork,
       IsExit = E.Kind == EventKind::Exit,
       IsAssign = E.Kind == EventKind::Assign,
       IsAtFork = E.Kind == EventKind::AtFork;
  bool IsHandle = !IsCall && !IsFork && !IsExit && !IsAssign && !IsAtFork;
  if (IsCall || IsFork)
    E.Result = ResV;
  if (!IsCall && !IsFork) {
    E.Callee.clear();
    E.CalleeName.clear();
  }
  if (!IsCall) {
    E.IndirectSig.clear();
    E.IndirectVia.clear();
    E.Virtual = E.NoReturn = E.EachElement = false;
    E.Args.clear();
    E.AssignTo.reset();
    E.ArgValues.clear();
    E.SlotArgs.clear();
    E.IndirectTable.clear();
    E.IndirectIndex.clear();
    E.CalleeValue.clear();
  }
  if (!IsHandle) {
    E.Ref = HandleRef();
    E.Library.clear();
    E.HarmfulClose = E.Once = E.Connects = false;
    E.Harm.clear();
  }
  if (IsCall) {
    Seen.require(bits(N));
  } else if (IsFork) {
    Seen.require(bits(F, Api));
    if (Fork < 0 || Fork > int(ForkKind::Clone))
      giveUp();
    E.Fork = ForkKind(Fork);
    E.ForkApi = std::move(ApiV);
  } else if (IsExit) {
    Seen.require(bits(X, Api));
    if (Exit < 0 || Exit > int(ExitKind::Exec))
      giveUp();
    E.Exit = ExitKind(Exit);
    E.Api = std::move(ApiV);
  } else if (IsAssign) {
    Seen.require(bits(D, V));
    E.Dst = DstV;
    E.Value = std::move(ValueV);
  } else if (IsAtFork) {
    E.Prepare = std::move(PreV);
    E.Parent = std::move(ParV);
    E.Child = std::move(ChiV);
  } else {
    Seen.require(bits(Rf, Api, Lib));
    E.Api = std::move(ApiV);
  }
}

void edge(Reader &R, Edge &Ed) {
  if (R.peek() != '[') {
    Ed.To = R.uint32();
    return;
  }
  R.expect('[');
  Ed.To = R.uint32();
  R.expect(',');
  int L = R.int32();
  if (L < int(Edge::Always) || L > int(Edge::Default))
    giveUp();
  Ed.When = Edge::Label(L);
  if (Ed.When == Edge::Case) {
    R.expect(',');
    R.array([&] { Ed.Cases.push_back(R.int64()); });
  }
  R.restOfArray();
}

void block(Reader &R, Block &B) {
  enum { Ev, Su, Co, Re };
  KeySet Seen;
  R.object([&](std::string_view Key) {
    if (Key == "c") {
      Seen.add(Co);
      R.string(B.Cond);
    } else if (Key == "r") {
      Seen.add(Re);
      R.string(B.Return);
    } else if (Key == "e") {
      Seen.add(Ev);
      R.array([&] { event(R, B.Events.emplace_back()); });
    } else if (Key == "s") {
      Seen.add(Su);
      R.array([&] { edge(R, B.Succs.emplace_back()); });
    } else {
      R.skipValue();
    }
  });
  Seen.require(bits(Ev, Su));
}

void function(Reader &R, Function &F) {
  enum {
    Usr, Name, L, Np, Entry, Exit, Main, Sinit, Sdtor, Addr, Esc, Sig, Ovr,
    Rc, Rcp, Rf, Rr, Rv, B, Pl, Fr, Ta
  };
  KeySet Seen;
  R.object([&](std::string_view Key) {
    if (Key == "usr") {
      Seen.add(Usr);
      R.string(F.Usr);
    } else if (Key == "name") {
      Seen.add(Name);
      R.string(F.Name);
    } else if (Key == "l") {
      Seen.add(L);
      loc(R, F.Loc);
    } else if (Key == "np") {
      Seen.add(Np);
      F.NumParams = R.int32();
    } else if (Key == "entry") {
      Seen.add(Entry);
      F.Entry = R.uint32();
    } else if (Key == "exit") {
      Seen.add(Exit);
      F.ExitBlock = R.uint32();
    } else if (Key == "b") {
      Seen.add(B);
      R.array([&] { block(R, F.Blocks.emplace_back()); });
    } else if (Key == "main") {
      Seen.add(Main);
      F.IsMain = R.boolean();
    } else if (Key == "sinit") {
      Seen.add(Sinit);
      F.IsStaticInit = R.boolean();
    } else if (Key == "sdtor") {
      Seen.add(Sdtor);
      F.IsStaticDtors = R.boolean();
    } else if (Key == "addr") {
      Seen.add(Addr);
      F.AddressTaken = R.boolean();
    } else if (Key == "esc") {
      Seen.add(Esc);
      F.Escapes = R.boolean();
    } else if (Key == "sig") {
      Seen.add(Sig);
      R.string(F.Signature);
    } else if (Key == "ovr") {
      Seen.add(Ovr);
      F.Overrides = R.strings();
    } else if (Key == "rc") {
      Seen.add(Rc);
      loc(R, F.ReturnsCreated.emplace());
    } else if (Key == "rcp") {
      Seen.add(Rcp);
      R.string(F.ReturnsCreatedPath);
    } else if (Key == "rv") {
      Seen.add(Rv);
      R.array([&] { ref(R, F.ReturnsVars.emplace_back()); });
    } else if (Key == "rf") {
      Seen.add(Rf);
      F.ReturnsCallResultOf = R.strings();
    } else if (Key == "rr") {
      Seen.add(Rr);
      ref(R, F.ReturnsRef.emplace());
    } else if (Key == "pl") {
      Seen.add(Pl);
      R.array([&] { ref(R, F.Places.emplace_back()); });
    } else if (Key == "fr") {
      Seen.add(Fr);
      F.FnRefs = R.strings();
    } else if (Key == "ta") {
      Seen.add(Ta);
      F.TakesAddressOf = R.strings();
    } else {
      R.skipValue();
    }
  });
  Seen.require(bits(Usr, Name, L, Np, Entry, Exit, B));
  size_t N = F.Blocks.size();
  if (N == 0 || F.Entry >= N || F.ExitBlock >= N)
    giveUp();
  for (const Block &Bl : F.Blocks)
    for (const Edge &E : Bl.Succs)
      if (E.To >= N)
        giveUp();
  if (!checkValues(F).empty())
    giveUp();
}

void handle(Reader &R, HandleVar &H) {
  enum { Key_, Name, Type, Lib, Sem, L, St, Def, Path, Opq, Nolint };
  KeySet Seen;
  R.object([&](std::string_view Key) {
    if (Key == "key") {
      Seen.add(Key_);
      R.string(H.Key);
    } else if (Key == "name") {
      Seen.add(Name);
      R.string(H.Name);
    } else if (Key == "type") {
      Seen.add(Type);
      R.string(H.Type);
    } else if (Key == "lib") {
      Seen.add(Lib);
      R.string(H.Library);
    } else if (Key == "sem") {
      Seen.add(Sem);
      std::string Name;
      R.string(Name);
      std::optional<Semantics> S = parseSemantics(Name);
      if (!S)
        giveUp();
      H.Sem = *S;
    } else if (Key == "l") {
      Seen.add(L);
      loc(R, H.Loc);
    } else if (Key == "st") {
      Seen.add(St);
      int S = R.int32();
      if (S < 0 || S > int(Storage::Local))
        giveUp();
      H.Store = Storage(S);
    } else if (Key == "def") {
      Seen.add(Def);
      H.IsDefinition = R.boolean();
    } else if (Key == "path") {
      Seen.add(Path);
      R.string(H.Path);
    } else if (Key == "opq") {
      Seen.add(Opq);
      H.OpaqueRoot = R.boolean();
    } else if (Key == "nolint") {
      Seen.add(Nolint);
      H.Nolint = R.strings();
    } else {
      R.skipValue();
    }
  });
  Seen.require(bits(Key_, Name, Type, Lib, Sem, L, St));
  if (H.Key.size() < H.Path.size() ||
      H.Key.compare(H.Key.size() - H.Path.size(), H.Path.size(), H.Path) != 0)
    giveUp();
}

std::vector<int64_t> int64s(Reader &R) {
  std::vector<int64_t> V;
  R.array([&] { V.push_back(R.int64()); });
  return V;
}

void hook(Reader &R, HookBinding &H) {
  enum { Fw, Role, Usr, Name, L, Note, Master, Worker, Aborts, Forks };
  KeySet Seen;
  R.object([&](std::string_view Key) {
    if (Key == "fw") {
      Seen.add(Fw);
      R.string(H.Framework);
    } else if (Key == "role") {
      Seen.add(Role);
      int Role = R.int32();
      if (Role < 0 || Role > int(HookRole::Request))
        giveUp();
      H.Role = HookRole(Role);
    } else if (Key == "usr") {
      Seen.add(Usr);
      R.string(H.FunctionUsr);
    } else if (Key == "name") {
      Seen.add(Name);
      R.string(H.FunctionName);
    } else if (Key == "l") {
      Seen.add(L);
      loc(R, H.Loc);
    } else if (Key == "note") {
      Seen.add(Note);
      R.string(H.Note);
    } else if (Key == "master") {
      Seen.add(Master);
      H.MasterArgs = int64s(R);
    } else if (Key == "worker") {
      Seen.add(Worker);
      H.WorkerArgs = int64s(R);
    } else if (Key == "aborts") {
      Seen.add(Aborts);
      R.string(H.AbortsIf);
    } else if (Key == "forks") {
      Seen.add(Forks);
      H.ForksHere = R.boolean();
    } else {
      R.skipValue();
    }
  });
  Seen.require(bits(Fw, Role, Usr, Name, L, Note, Master, Worker));
}

void lazyDecl(Reader &R, LazyVar::Decl &D) {
  enum { L, Text, Type, Name, Init, Def, Class };
  KeySet Seen;
  R.object([&](std::string_view Key) {
    if (Key == "l") {
      Seen.add(L);
      loc(R, D.Loc);
    } else if (Key == "text") {
      Seen.add(Text);
      R.string(D.Text);
    } else if (Key == "type") {
      Seen.add(Type);
      R.string(D.Type);
    } else if (Key == "name") {
      Seen.add(Name);
      R.string(D.Name);
    } else if (Key == "init") {
      Seen.add(Init);
      R.string(D.Init);
    } else if (Key == "def") {
      Seen.add(Def);
      D.Definition = R.boolean();
    } else if (Key == "class") {
      Seen.add(Class);
      D.ClassType = R.boolean();
    } else {
      R.skipValue();
    }
  });
  Seen.require(bits(L, Text, Type, Name, Init, Def, Class));
}

void lazyRef(Reader &R, LazyVar::Ref &X) {
  enum { L, Text, Name, K };
  KeySet Seen;
  R.object([&](std::string_view Key) {
    if (Key == "l") {
      Seen.add(L);
      loc(R, X.Loc);
    } else if (Key == "text") {
      Seen.add(Text);
      R.string(X.Text);
    } else if (Key == "name") {
      Seen.add(Name);
      R.string(X.Name);
    } else if (Key == "k") {
      Seen.add(K);
      int V = R.int32();
      if (V < 0 || V > int(LazyVar::Ref::Dot))
        giveUp();
      X.What = LazyVar::Ref::Kind(V);
    } else {
      R.skipValue();
    }
  });
  Seen.require(bits(L, Text, Name, K));
}

void lazyInclude(Reader &R, LazyVar::Include &I) {
  enum { File, L, Have, Ok };
  KeySet Seen;
  R.object([&](std::string_view Key) {
    if (Key == "file") {
      Seen.add(File);
      R.string(I.File);
    } else if (Key == "l") {
      Seen.add(L);
      loc(R, I.At);
    } else if (Key == "have") {
      Seen.add(Have);
      I.Present = R.strings();
    } else if (Key == "ok") {
      Seen.add(Ok);
      I.Ok = R.boolean();
    } else {
      R.skipValue();
    }
  });
  Seen.require(bits(File, L, Have, Ok));
}

void lazyVar(Reader &R, LazyVar &V) {
  enum { Var, Blocked, Cxx17, Movable, Decls, Refs, Includes };
  KeySet Seen;
  R.object([&](std::string_view Key) {
    if (Key == "var") {
      Seen.add(Var);
      R.string(V.Var);
    } else if (Key == "blocked") {
      Seen.add(Blocked);
      R.string(V.Blocked);
    } else if (Key == "cxx17") {
      Seen.add(Cxx17);
      V.Cxx17 = R.boolean();
    } else if (Key == "movable") {
      Seen.add(Movable);
      V.Movable = R.boolean();
    } else if (Key == "decls") {
      Seen.add(Decls);
      R.array([&] { lazyDecl(R, V.Decls.emplace_back()); });
    } else if (Key == "refs") {
      Seen.add(Refs);
      R.array([&] { lazyRef(R, V.Refs.emplace_back()); });
    } else if (Key == "includes") {
      Seen.add(Includes);
      R.array([&] { lazyInclude(R, V.Includes.emplace_back()); });
    } else {
      R.skipValue();
    }
  });
  Seen.require(bits(Var, Cxx17, Movable, Decls, Refs, Includes));
}

void textEdit(Reader &R, TextEdit &E) {
  enum { L, From, To };
  KeySet Seen;
  R.object([&](std::string_view Key) {
    if (Key == "l") {
      Seen.add(L);
      loc(R, E.Loc);
    } else if (Key == "from") {
      Seen.add(From);
      R.string(E.From);
    } else if (Key == "to") {
      Seen.add(To);
      R.string(E.To);
    } else {
      R.skipValue();
    }
  });
  Seen.require(bits(L, From, To));
}

void hookStmt(Reader &R, HookBody::Stmt &S) {
  enum { B, E, Text, Cut, Vars, Blocked, Needs };
  KeySet Seen;
  R.object([&](std::string_view Key) {
    if (Key == "b") {
      Seen.add(B);
      loc(R, S.Begin);
    } else if (Key == "e") {
      Seen.add(E);
      loc(R, S.End);
    } else if (Key == "text") {
      Seen.add(Text);
      R.string(S.Text);
    } else if (Key == "cut") {
      Seen.add(Cut);
      textEdit(R, S.Cut);
    } else if (Key == "vars") {
      Seen.add(Vars);
      S.Vars = R.strings();
    } else if (Key == "blocked") {
      Seen.add(Blocked);
      R.string(S.Blocked);
    } else if (Key == "needs") {
      Seen.add(Needs);
      loc(R, S.Needs);
    } else {
      R.skipValue();
    }
  });
  Seen.require(bits(B, E, Text, Cut, Vars));
}

void hookBody(Reader &R, HookBody &HB) {
  enum { Usr, Name, File, At, Indent, Suffix, Guarded, Stmts };
  KeySet Seen;
  R.object([&](std::string_view Key) {
    if (Key == "usr") {
      Seen.add(Usr);
      R.string(HB.Usr);
    } else if (Key == "name") {
      Seen.add(Name);
      R.string(HB.Name);
    } else if (Key == "file") {
      Seen.add(File);
      R.string(HB.File);
    } else if (Key == "at") {
      Seen.add(At);
      loc(R, HB.InsertAt);
    } else if (Key == "indent") {
      Seen.add(Indent);
      R.string(HB.Indent);
    } else if (Key == "suffix") {
      Seen.add(Suffix);
      R.string(HB.InsertSuffix);
    } else if (Key == "guarded") {
      Seen.add(Guarded);
      HB.Guarded = R.boolean();
    } else if (Key == "stmts") {
      Seen.add(Stmts);
      R.array([&] { hookStmt(R, HB.Stmts.emplace_back()); });
    } else {
      R.skipValue();
    }
  });
  Seen.require(bits(Usr, Name, File, At, Indent, Suffix, Guarded, Stmts));
}

void facts(Reader &R, TUFacts &F) {
  enum { Version, Main, Functions, Handles, Hooks, Lazy, HookBodies, Slots,
         Opaque, Flows, Ginit, Gesc, Gcfg, Tables, DSlots, Einit, Etype,
         Wfld, Rta, Sta };
  KeySet Seen;
  R.object([&](std::string_view Key) {
    if (Key == "forksafe-facts") {
      Seen.add(Version);
      F.Version = R.int32();
    } else if (Key == "main") {
      Seen.add(Main);
      R.string(F.MainFile);
    } else if (Key == "functions") {
      Seen.add(Functions);
      R.array([&] { function(R, F.Functions.emplace_back()); });
    } else if (Key == "handles") {
      Seen.add(Handles);
      R.array([&] { handle(R, F.Handles.emplace_back()); });
    } else if (Key == "hooks") {
      Seen.add(Hooks);
      R.array([&] { hook(R, F.Hooks.emplace_back()); });
    } else if (Key == "lazy") {
      Seen.add(Lazy);
      R.array([&] { lazyVar(R, F.LazyVars.emplace_back()); });
    } else if (Key == "hookbodies") {
      Seen.add(HookBodies);
      R.array([&] { hookBody(R, F.HookBodies.emplace_back()); });
    } else if (Key == "slots") {
      Seen.add(Slots);
      R.expect('{');
      if (R.peek() == '}') {
        R.expect('}');
        return;
      }
      for (;;) {
        // Keys here are USRs: decoded in full (escapes too).
        auto [It, New] = F.FunctionSlots.try_emplace(R.string());
        if (!New)
          giveUp();
        R.expect(':');
        It->second = R.strings();
        if (R.peek() == '}') {
          R.expect('}');
          return;
        }
        R.expect(',');
      }
    } else if (Key == "opaque") {
      Seen.add(Opaque);
      F.OpaqueSlots = R.strings();
    } else if (Key == "flows") {
      Seen.add(Flows);
      R.array([&] {
        auto &Fl = F.SlotFlows.emplace_back();
        R.expect('[');
        R.string(Fl.first);
        R.expect(',');
        R.string(Fl.second);
        R.restOfArray();
      });
    } else if (Key == "dslots") {
      Seen.add(DSlots);
      R.expect('{');
      if (R.peek() == '}') {
        R.expect('}');
        return;
      }
      for (;;) {
        auto [It, New] = F.DataSlots.try_emplace(R.string());
        if (!New)
          giveUp();
        R.expect(':');
        It->second = R.strings();
        if (R.peek() == '}') {
          R.expect('}');
          return;
        }
        R.expect(',');
      }
    } else if (Key == "tables") {
      Seen.add(Tables);
      R.expect('{');
      if (R.peek() == '}') {
        R.expect('}');
        return;
      }
      for (;;) {
        auto [It, New] = F.Tables.try_emplace(R.string());
        if (!New)
          giveUp();
        R.expect(':');
        It->second = R.strings();
        if (R.peek() == '}') {
          R.expect('}');
          return;
        }
        R.expect(',');
      }
    } else if (Key == "gesc") {
      Seen.add(Gesc);
      F.EscapedGlobals = R.strings();
    } else if (Key == "rta") {
      Seen.add(Rta);
      F.RunTimeAddressed = R.strings();
    } else if (Key == "sta") {
      Seen.add(Sta);
      F.StaticallyAddressed = R.strings();
    } else if (Key == "gcfg") {
      Seen.add(Gcfg);
      F.ConfiguredGlobals = R.strings();
    } else if (Key == "wfld") {
      Seen.add(Wfld);
      F.WrittenFields = R.strings();
      F.FieldWritesKnown = true;
    } else if (Key == "einit" || Key == "etype") {
      bool Values = Key == "einit";
      Seen.add(Values ? Einit : Etype);
      R.expect('{');
      if (R.peek() == '}') {
        R.expect('}');
        return;
      }
      for (;;) {
        std::string K = R.string();
        R.expect(':');
        bool New = Values ? F.ElementInits.try_emplace(K, R.int64()).second
                          : F.ElementTypes.try_emplace(K, R.string()).second;
        if (!New)
          giveUp();
        if (R.peek() == '}') {
          R.expect('}');
          return;
        }
        R.expect(',');
      }
    } else if (Key == "ginit") {
      Seen.add(Ginit);
      R.expect('{');
      if (R.peek() == '}') {
        R.expect('}');
        return;
      }
      for (;;) {
        auto [It, New] = F.GlobalInits.try_emplace(R.string());
        if (!New)
          giveUp();
        R.expect(':');
        It->second = R.int64();
        if (R.peek() == '}') {
          R.expect('}');
          return;
        }
        R.expect(',');
      }
    } else {
      R.skipValue();
    }
  });
  R.atEnd();
  Seen.require(bits(Version, Main, Functions, Handles));
  if (F.Version != FactsVersion)
    giveUp();
}

} // namespace

bool readFactsFast(const char *Begin, size_t Size, TUFacts &Out) {
  try {
    Reader R(Begin, Size);
    TUFacts F;
    facts(R, F);
    Out = std::move(F);
    return true;
  } catch (const GiveUp &) {
    return false;
  }
}

} // namespace forksafe::detail
