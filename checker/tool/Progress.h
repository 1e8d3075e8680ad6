// SPDX-License-Identifier: Apache-2.0
/// A one-line progress display on a terminal: "[ 37/412] src/net/server.c
/// 12s, ~1m 40s left". Nothing at all when stderr is not a terminal.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

class ProgressLine {
public:
  ProgressLine(size_t Total, bool Enabled);
  void update(size_t Done, const std::string &File);
  void finish();

private:
  size_t Total;
  bool Active;
  bool Printed = false;
  std::chrono::steady_clock::time_point Start;
};
