// SPDX-License-Identifier: Apache-2.0
#include "Nolint.h"

#include <sstream>

namespace forksafe {
namespace {

/// Parses "(a, b)" after a NOLINT marker at Pos; no list means "*".
std::vector<std::string> globsAfter(const std::string &Line, size_t Pos) {
  if (Pos >= Line.size() || Line[Pos] != '(')
    return {"*"};
  size_t Close = Line.find(')', Pos);
  if (Close == std::string::npos)
    return {"*"};
  std::vector<std::string> Globs;
  std::stringstream SS(Line.substr(Pos + 1, Close - Pos - 1));
  std::string G;
  while (std::getline(SS, G, ',')) {
    size_t B = G.find_first_not_of(" \t");
    size_t E = G.find_last_not_of(" \t");
    if (B != std::string::npos)
      Globs.push_back(G.substr(B, E - B + 1));
  }
  return Globs;
}

enum class Marker { None, Same, NextLine, Begin, End };

/// Finds the NOLINT markers of one line.
std::vector<std::pair<Marker, std::vector<std::string>>>
markersIn(const std::string &Line) {
  std::vector<std::pair<Marker, std::vector<std::string>>> Found;
  size_t Pos = 0;
  while ((Pos = Line.find("NOLINT", Pos)) != std::string::npos) {
    size_t After = Pos + 6;
    Marker M = Marker::Same;
    for (auto [Word, Kind] : {std::pair<const char *, Marker>{"NEXTLINE", Marker::NextLine},
                              {"BEGIN", Marker::Begin},
                              {"END", Marker::End}}) {
      std::string W = Word;
      if (Line.compare(After, W.size(), W) == 0) {
        M = Kind;
        After += W.size();
        break;
      }
    }
    Found.push_back({M, globsAfter(Line, After)});
    Pos = After;
  }
  return Found;
}

} // namespace

std::vector<std::string> nolintGlobsAt(const std::string &Text,
                                       unsigned Line) {
  std::vector<std::string> Result;
  std::vector<std::vector<std::string>> Open; // NOLINTBEGIN stack
  std::istringstream In(Text);
  std::string Cur, Prev;
  for (unsigned N = 1; std::getline(In, Cur) && N <= Line; ++N) {
    for (auto &[M, Globs] : markersIn(Cur)) {
      if (M == Marker::Begin)
        Open.push_back(Globs);
      else if (M == Marker::End && !Open.empty())
        Open.pop_back();
      else if (M == Marker::Same && N == Line)
        Result.insert(Result.end(), Globs.begin(), Globs.end());
    }
    if (N == Line)
      for (auto &[M, Globs] : markersIn(Prev))
        if (M == Marker::NextLine)
          Result.insert(Result.end(), Globs.begin(), Globs.end());
    Prev = Cur;
  }
  for (const auto &Globs : Open)
    Result.insert(Result.end(), Globs.begin(), Globs.end());
  return Result;
}

} // namespace forksafe
