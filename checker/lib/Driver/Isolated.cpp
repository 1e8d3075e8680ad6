// SPDX-License-Identifier: Apache-2.0
// Process isolation for extraction: each TU is parsed in a forked worker
// that writes its result to a file and leaves with _exit(). A crash, an
// abort or a runaway parse costs that TU, not the run. The coordinator is
// single-threaded, so forking it is safe.
#include "forksafe/Driver.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <map>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace forksafe {
namespace {

using Clock = std::chrono::steady_clock;

std::string resultPath(const IsolationOptions &I, size_t Index) {
  llvm::SmallString<256> P(I.ScratchDir);
  llvm::sys::path::append(P, std::to_string(Index) + ".result");
  return std::string(P.str());
}

/// FORKSAFE_TEST_HOOK=crash:<substring> or hang:<substring> makes the worker
/// for a matching file crash or hang; only the isolation tests use it.
void testHook(const std::string &File) {
  const char *Hook = std::getenv("FORKSAFE_TEST_HOOK");
  if (!Hook)
    return;
  std::string H = Hook;
  size_t Colon = H.find(':');
  if (Colon == std::string::npos ||
      File.find(H.substr(Colon + 1)) == std::string::npos)
    return;
  if (H.compare(0, Colon, "crash") == 0)
    raise(SIGSEGV);
  if (H.compare(0, Colon, "hang") == 0)
    for (;;)
      pause();
}

[[noreturn]] void runWorker(const clang::tooling::CompileCommand &Command,
                            const RuleSet &Rules, const DriverOptions &Options,
                            const std::string &ResultFile) {
  testHook(Command.Filename);
  TUOutcome O = extractTranslationUnit(Command, Rules, Options);
  // The result: a small JSON object, a newline (compact JSON has none),
  // then the facts as a facts file has them, so that the parent reads
  // those with the facts reader and no DOM (readResult).
  std::string Text = "{\"ok\":" + std::string(O.Ok ? "true" : "false") +
                     ",\"file\":" + nlohmann::json(O.File).dump() +
                     ",\"error\":" +
                     nlohmann::json(O.Error).dump(-1, ' ', false,
                                                  nlohmann::json::error_handler_t::replace) +
                     ",\"inputs\":" + nlohmann::json(O.Inputs).dump() +
                     "}\n";
  if (O.Ok)
    Text += factsToJson(O.Facts);
  std::string Tmp = ResultFile + ".tmp";
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Tmp, EC);
    if (!EC) {
      OS << Text;
      OS.close();
    }
    if (EC || OS.has_error()) {
      OS.clear_error();
      _exit(3);
    }
  }
  if (llvm::sys::fs::rename(Tmp, ResultFile))
    _exit(3);
  _exit(0); // no destructors, no atexit handlers: the parent owns those
}

TUOutcome readResult(const std::string &Path, const std::string &File) {
  TUOutcome O;
  O.File = File;
  auto Buf = llvm::MemoryBuffer::getFile(Path);
  if (!Buf) {
    O.Error = "the analysis ended without a result";
    return O;
  }
  // The header line, then the facts (runWorker).
  llvm::StringRef Text = (*Buf)->getBuffer();
  size_t Newline = Text.find('\n');
  llvm::StringRef Header = Text.substr(0, Newline);
  llvm::StringRef Facts =
      Newline == llvm::StringRef::npos ? "" : Text.substr(Newline + 1);
  nlohmann::json J =
      nlohmann::json::parse(Header.begin(), Header.end(), nullptr, false);
  llvm::sys::fs::remove(Path);
  if (J.is_discarded() || !J.is_object()) {
    O.Error = "the analysis left an unreadable result";
    return O;
  }
  O.File = J.value("file", File);
  O.Error = J.value("error", "");
  O.Inputs = J.value("inputs", std::vector<std::string>());
  if (J.value("ok", false)) {
    std::string Why;
    if (factsFromJson(Facts.str(), O.Facts, Why))
      O.Ok = true;
    else
      O.Error = "the analysis left unreadable facts: " + Why;
  }
  return O;
}

std::string describeSignal(int Sig) {
  const char *Name = strsignal(Sig);
  return "the analysis crashed (signal " + std::to_string(Sig) +
         (Name ? std::string(": ") + Name : std::string()) + ")";
}

} // namespace

std::vector<TUOutcome>
extractIsolated(const std::vector<clang::tooling::CompileCommand> &Commands,
                const RuleSet &Rules, const DriverOptions &Options,
                const IsolationOptions &Isolation,
                const std::function<void(size_t, const TUOutcome &)> &Progress) {
  std::vector<TUOutcome> Results(Commands.size());
  struct Running {
    size_t Index;
    Clock::time_point Start;
    bool Killed = false;
  };
  std::map<pid_t, Running> Workers;
  size_t Next = 0, Done = 0;
  unsigned Jobs = std::max(1u, Options.Jobs);
  auto finish = [&](size_t Index, TUOutcome O) {
    Results[Index] = std::move(O);
    ++Done;
    if (Progress)
      Progress(Done, Results[Index]);
  };
  auto fileOf = [&](size_t I) {
    llvm::SmallString<256> P(Commands[I].Filename);
    if (!llvm::sys::path::is_absolute(P))
      llvm::sys::fs::make_absolute(Commands[I].Directory, P);
    llvm::sys::path::remove_dots(P, true);
    return std::string(P.str());
  };

  while (Next < Commands.size() || !Workers.empty()) {
    while (Next < Commands.size() && Workers.size() < Jobs) {
      size_t I = Next++;
      std::string Result = resultPath(Isolation, I);
      llvm::sys::fs::remove(Result);
      std::cout.flush();
      fflush(nullptr);
      pid_t Pid = fork();
      if (Pid == 0)
        runWorker(Commands[I], Rules, Options, Result);
      if (Pid < 0) {
        TUOutcome O;
        O.File = fileOf(I);
        O.Error = std::string("cannot start a worker: ") + strerror(errno);
        finish(I, std::move(O));
        continue;
      }
      Workers[Pid] = {I, Clock::now()};
    }
    int Status = 0;
    pid_t Pid = waitpid(-1, &Status, WNOHANG);
    if (Pid > 0) {
      auto It = Workers.find(Pid);
      if (It == Workers.end())
        continue;
      Running R = It->second;
      Workers.erase(It);
      std::string File = fileOf(R.Index);
      if (R.Killed) {
        TUOutcome O;
        O.File = File;
        O.Error = "the analysis timed out after " +
                  std::to_string(Isolation.TimeoutSeconds) + " s";
        finish(R.Index, std::move(O));
      } else if (WIFSIGNALED(Status)) {
        TUOutcome O;
        O.File = File;
        O.Error = describeSignal(WTERMSIG(Status));
        finish(R.Index, std::move(O));
      } else if (WIFEXITED(Status) && WEXITSTATUS(Status) != 0 &&
                 !llvm::sys::fs::exists(resultPath(Isolation, R.Index))) {
        // A crash handler (a sanitizer's, say) turned the crash into an exit.
        TUOutcome O;
        O.File = File;
        O.Error = "the analysis crashed (exit code " +
                  std::to_string(WEXITSTATUS(Status)) + ")";
        finish(R.Index, std::move(O));
      } else {
        finish(R.Index, readResult(resultPath(Isolation, R.Index), File));
      }
      continue;
    }
    // Nothing finished: enforce the time limit, then wait a little.
    if (Isolation.TimeoutSeconds)
      for (auto &[WPid, R] : Workers)
        if (!R.Killed && Clock::now() - R.Start >
                             std::chrono::seconds(Isolation.TimeoutSeconds)) {
          kill(WPid, SIGKILL);
          R.Killed = true;
        }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return Results;
}

} // namespace forksafe
