// SPDX-License-Identifier: Apache-2.0
#include "PositionedJson.h"

#include <algorithm>
#include <iterator>
#include <vector>

namespace forksafe {
namespace {

using json = nlohmann::json;

/// A char iterator that counts how far the parser has read; nlohmann's SAX
/// callbacks carry no positions, but they fire right after each token.
class CountingIterator {
public:
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char *;
  using reference = const char &;

  CountingIterator(const char *P, size_t *Counter) : P(P), Counter(Counter) {}
  reference operator*() const { return *P; }
  CountingIterator &operator++() {
    ++P;
    ++*Counter;
    return *this;
  }
  CountingIterator operator++(int) {
    CountingIterator Old = *this;
    ++*this;
    return Old;
  }
  bool operator==(const CountingIterator &O) const { return P == O.P; }
  bool operator!=(const CountingIterator &O) const { return P != O.P; }

private:
  const char *P;
  size_t *Counter;
};

std::string escapePointerToken(const std::string &S) {
  std::string R;
  for (char C : S) {
    if (C == '~')
      R += "~0";
    else if (C == '/')
      R += "~1";
    else
      R += C;
  }
  return R;
}

class Builder : public nlohmann::json_sax<json> {
public:
  static constexpr size_t MaxDepth = 64;

  Builder(const std::string &Text, const size_t &Consumed, PositionedJson &Out)
      : Text(Text), Consumed(Consumed), Out(Out) {}

  bool null() override { return put(json(nullptr)); }
  bool boolean(bool V) override { return put(json(V)); }
  bool number_integer(number_integer_t V) override { return put(json(V)); }
  bool number_unsigned(number_unsigned_t V) override { return put(json(V)); }
  bool number_float(number_float_t V, const string_t &) override {
    return put(json(V));
  }
  bool string(string_t &V) override { return put(json(V), stringStart()); }
  bool binary(binary_t &) override { return put(json()); }

  bool start_object(std::size_t) override {
    return open(json::object());
  }
  bool start_array(std::size_t) override { return open(json::array()); }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }

  bool key(string_t &K) override {
    json &Obj = *Stack.back().Value;
    if (Obj.contains(K)) {
      DuplicateKey = K;
      DuplicateAt = posOf(stringStart());
      return false;
    }
    Stack.back().PendingKey = K;
    Out.Positions[Stack.back().Pointer + "/" + escapePointerToken(K)] =
        posOf(stringStart());
    return true;
  }

  bool parse_error(std::size_t Position, const std::string &,
                   const nlohmann::detail::exception &Ex) override {
    ErrorText = Ex.what();
    // Strip nlohmann's "[json.exception.parse_error.101] parse error at line
    // 1, column 2: " prefix; we print our own position.
    size_t Colon = ErrorText.find(": ", ErrorText.find("parse error"));
    if (Colon != std::string::npos)
      ErrorText = ErrorText.substr(Colon + 2);
    ErrorAt = posOf(Position == 0 ? 0 : Position - 1);
    return false;
  }

  std::string DuplicateKey;
  TextPos DuplicateAt;
  std::string ErrorText;
  TextPos ErrorAt;

private:
  struct Frame {
    json *Value;
    std::string Pointer;
    std::string PendingKey;
  };

  TextPos posOf(size_t Offset) const {
    // Offsets mostly grow as the parser reads on: continue from the last
    // one instead of counting from the start each time (which made a large
    // rule file take minutes).
    Offset = std::min(Offset, Text.size());
    if (Offset < CachedOffset) {
      CachedOffset = 0;
      CachedPos = TextPos();
    }
    TextPos P = CachedPos;
    for (size_t I = CachedOffset; I < Offset; ++I) {
      if (Text[I] == '\n') {
        ++P.Line;
        P.Column = 1;
      } else {
        ++P.Column;
      }
    }
    CachedOffset = Offset;
    CachedPos = P;
    return P;
  }

  /// The parser has just consumed a string's closing quote; find its opening.
  size_t stringStart() const {
    if (Consumed == 0)
      return 0;
    size_t I = Consumed - 1; // closing quote
    while (I > 0) {
      --I;
      if (Text[I] == '"') {
        size_t Backslashes = 0;
        for (size_t J = I; J > 0 && Text[J - 1] == '\\'; --J)
          ++Backslashes;
        if (Backslashes % 2 == 0)
          return I;
      }
    }
    return 0;
  }

  size_t tokenEnd() const { return Consumed == 0 ? 0 : Consumed - 1; }

  std::string childPointer() {
    if (Stack.empty())
      return "";
    Frame &F = Stack.back();
    if (F.Value->is_array())
      return F.Pointer + "/" + std::to_string(F.Value->size());
    return F.Pointer + "/" + escapePointerToken(F.PendingKey);
  }

  json *insert(json V) {
    if (Stack.empty()) {
      Out.Value = std::move(V);
      return &Out.Value;
    }
    Frame &F = Stack.back();
    if (F.Value->is_array()) {
      F.Value->push_back(std::move(V));
      return &F.Value->back();
    }
    json &Slot = (*F.Value)[F.PendingKey];
    Slot = std::move(V);
    return &Slot;
  }

  bool put(json V, size_t Start = SIZE_MAX) {
    std::string Ptr = childPointer();
    bool IsObjectMember = !Stack.empty() && Stack.back().Value->is_object();
    if (!IsObjectMember) // object members keep their key's position
      Out.Positions[Ptr] = posOf(Start == SIZE_MAX ? tokenEnd() : Start);
    insert(std::move(V));
    return true;
  }

  bool open(json V) {
    // Every value's JSON pointer is kept, so memory grows with the square of
    // the nesting depth: '[[[[...' a few hundred KB long would need
    // gigabytes. Rule files nest four levels deep.
    if (Stack.size() >= MaxDepth) {
      ErrorText = "nested more than " + std::to_string(MaxDepth) +
                  " levels deep";
      ErrorAt = posOf(tokenEnd());
      return false;
    }
    std::string Ptr = childPointer();
    bool IsObjectMember = !Stack.empty() && Stack.back().Value->is_object();
    if (!IsObjectMember)
      Out.Positions[Ptr] = posOf(tokenEnd());
    json *Slot = insert(std::move(V));
    Stack.push_back({Slot, Ptr, ""});
    return true;
  }

  bool close() {
    Stack.pop_back();
    return true;
  }

  const std::string &Text;
  const size_t &Consumed;
  PositionedJson &Out;
  std::vector<Frame> Stack;
  mutable size_t CachedOffset = 0; // posOf's last answer
  mutable TextPos CachedPos;
};

} // namespace

TextPos PositionedJson::at(const std::string &Pointer) const {
  // Fall back to the nearest enclosing value that has a position.
  std::string P = Pointer;
  while (true) {
    auto It = Positions.find(P);
    if (It != Positions.end())
      return It->second;
    size_t Slash = P.rfind('/');
    if (Slash == std::string::npos)
      return TextPos();
    P = P.substr(0, Slash);
  }
}

bool parsePositionedJson(const std::string &Text, PositionedJson &Out,
                         std::string &Error, TextPos &ErrorPos) {
  size_t Consumed = 0;
  Builder B(Text, Consumed, Out);
  CountingIterator Begin(Text.data(), &Consumed);
  CountingIterator End(Text.data() + Text.size(), &Consumed);
  bool Ok = json::sax_parse(Begin, End, &B, json::input_format_t::json,
                            /*strict=*/true, /*ignore_comments=*/false);
  if (Ok)
    return true;
  if (!B.DuplicateKey.empty()) {
    Error = "duplicate key '" + B.DuplicateKey + "'";
    ErrorPos = B.DuplicateAt;
  } else {
    Error = B.ErrorText.empty() ? "malformed JSON" : B.ErrorText;
    ErrorPos = B.ErrorAt;
  }
  return false;
}

} // namespace forksafe
