// SPDX-License-Identifier: Apache-2.0
#include "Progress.h"

#include <cstdio>
#include <unistd.h>

namespace {
std::string duration(double Seconds) {
  long S = long(Seconds + 0.5);
  char Buf[32];
  if (S >= 60)
    snprintf(Buf, sizeof Buf, "%ldm %02lds", S / 60, S % 60);
  else
    snprintf(Buf, sizeof Buf, "%lds", S);
  return Buf;
}
} // namespace

ProgressLine::ProgressLine(size_t Total, bool Enabled)
    : Total(Total), Active(Enabled && Total > 0 && isatty(STDERR_FILENO)),
      Start(std::chrono::steady_clock::now()) {}

void ProgressLine::update(size_t Done, const std::string &File) {
  if (!Active)
    return;
  double Elapsed = std::chrono::duration<double>(
                       std::chrono::steady_clock::now() - Start)
                       .count();
  double Left = Done ? Elapsed / double(Done) * double(Total - Done) : 0;
  std::string Shown = File.size() > 50 ? "..." + File.substr(File.size() - 47)
                                       : File;
  int Width = snprintf(nullptr, 0, "%zu", Total);
  fprintf(stderr, "\r\033[K[%*zu/%zu] %s  %s, ~%s left", Width, Done, Total,
          Shown.c_str(), duration(Elapsed).c_str(), duration(Left).c_str());
  fflush(stderr);
  Printed = true;
}

void ProgressLine::finish() {
  if (Active && Printed) {
    fprintf(stderr, "\r\033[K");
    fflush(stderr);
  }
}
